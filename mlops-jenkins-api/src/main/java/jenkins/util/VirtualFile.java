// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package jenkins.util;

import java.io.IOException;
import java.io.InputStream;

public abstract class VirtualFile {
    public abstract boolean isFile() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract InputStream open() throws IOException;
}
