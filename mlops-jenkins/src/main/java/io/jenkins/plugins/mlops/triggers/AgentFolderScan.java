package io.jenkins.plugins.mlops.triggers;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.triggers.poll.FolderScan;
import io.jenkins.plugins.mlops.triggers.poll.PathPattern;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.StampsText;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * The folder scan of {@code mlDataChanged(node: ...)}, run on the agent: only strings cross the channel
 * (the path, the previous stamps, the new stamps; see {@link StampsText}), so nothing depends on the
 * class filter.
 */
final class AgentFolderScan extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String previous;

    AgentFolderScan(final String path, final String previous) {
        this.path = path;
        this.previous = previous;
    }

    @Override
    public String invoke(final File ignored, final VirtualChannel channel) throws IOException {
        try {
            return StampsText.encode(FolderScan.scan(PathPattern.of(path), StampsText.decode(previous)));
        } catch (PollException | IllegalArgumentException failure) {
            // a JDK exception with the message: the plugin's own types stay on the controller
            throw new IOException(failure.getMessage());
        }
    }
}
