// Compile-only stand-in: declarations mirror structs 362.va_b_695ef4fdf9 (org.jenkins-ci.plugins:structs). Not
// packaged.
package org.jenkinsci.plugins.structs.describable;

import java.io.Serializable;
import java.util.Map;

public class UninstantiatedDescribable implements Serializable {
    public UninstantiatedDescribable withArguments(Map<String, ?> arguments) {
        throw new UnsupportedOperationException();
    }

    public Map<String, ?> getArguments() {
        throw new UnsupportedOperationException();
    }
}
