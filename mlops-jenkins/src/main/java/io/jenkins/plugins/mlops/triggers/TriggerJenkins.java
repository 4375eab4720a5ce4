package io.jenkins.plugins.mlops.triggers;

import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Node;
import io.jenkins.plugins.mlops.triggers.poll.PathPattern;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.StampsText;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/** Every call of the triggers into the live Jenkins: agents, permissions, the build queue. */
final class TriggerJenkins {
    private TriggerJenkins() {}

    /**
     * Scans a folder or glob on an agent.
     *
     * @param node     the agent's name
     * @param path     the folder, file or glob
     * @param previous the stamps of the last poll
     * @return the stamps now
     * @throws PollException naming the agent if it does not exist, is offline, or the scan failed there
     */
    static TreeMap<String, String> scanOnAgent(final String node, final String path, final Map<String, String> previous)
            throws PollException, InterruptedException {
        PathPattern pattern;
        try {
            pattern = PathPattern.of(path);
        } catch (IllegalArgumentException invalid) {
            throw new PollException(invalid.getMessage(), invalid);
        }
        Node agent = Jenkins.get().getNode(node);
        if (agent == null) {
            throw new PollException("node '" + node + "': no such agent");
        }
        FilePath base = agent.createPath(pattern.base().toString());
        if (base == null) {
            throw new PollException("node '" + node + "' is offline: cannot look at " + path);
        }
        try {
            return StampsText.decode(base.act(new AgentFolderScan(path, StampsText.encode(previous))));
        } catch (IOException failure) {
            throw new PollException("node '" + node + "': " + failure.getMessage(), failure);
        }
    }

    /**
     * @param item the job being configured, or {@code null} for Jenkins itself
     * @return whether the current user may list credentials there
     */
    static boolean mayListCredentials(final Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Queues a build.
     *
     * @param job   the job
     * @param cause why
     * @return whether Jenkins queued it (not if the job is disabled, for example)
     */
    static boolean schedule(final Job<?, ?> job, final Cause cause) {
        return ParameterizedJobMixIn.scheduleBuild2(job, 0, new CauseAction(cause)) != null;
    }
}
