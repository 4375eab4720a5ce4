// Compile-only stand-in: declarations mirror workflow-api 1336.vee415d95c521
// (org.jenkins-ci.plugins.workflow:workflow-api). Not packaged.
package org.jenkinsci.plugins.workflow;

import hudson.FilePath;

public class FilePathUtils {
    public static String getNodeName(FilePath f) throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public static FilePath find(String node, String path) {
        throw new UnsupportedOperationException();
    }
}
