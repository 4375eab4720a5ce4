// Compile-only stand-in: declarations mirror jenkins-core 2.479.3 (org.jenkins-ci.main:jenkins-core). Not packaged.
package hudson;

import hudson.model.Computer;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(File localPath) {
        throw new UnsupportedOperationException();
    }

    public String getRemote() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public FilePath sibling(String rel) {
        throw new UnsupportedOperationException();
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException();
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void copyFrom(FilePath src) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public long length() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public Computer toComputer() {
        throw new UnsupportedOperationException();
    }

    public FilePath getParent() {
        throw new UnsupportedOperationException();
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public Launcher createLauncher(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
