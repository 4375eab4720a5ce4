package io.jenkins.plugins.mlops.triggers;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.triggers.poll.FolderScan;
import io.jenkins.plugins.mlops.triggers.poll.PathPattern;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.TreeMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * The folder scan of {@code mlDataChanged(node: ...)}, run on the agent: only strings cross the channel
 * (the path, the previous stamps, the new stamps), so nothing depends on the class filter.
 */
final class AgentFolderScan extends MasterToSlaveFileCallable<TreeMap<String, String>> {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final HashMap<String, String> previous;

    AgentFolderScan(final String path, final HashMap<String, String> previous) {
        this.path = path;
        this.previous = previous;
    }

    @Override
    public TreeMap<String, String> invoke(final File ignored, final VirtualChannel channel) throws IOException {
        try {
            return FolderScan.scan(PathPattern.of(path), previous);
        } catch (PollException failure) {
            // a JDK exception with the message: the plugin's own types stay on the controller
            throw new IOException(failure.getMessage());
        }
    }
}
