package io.jenkins.plugins.mlops.history;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the {@link JobHistory} to every job (core adds job actions only from the last successful build, and the history
 * must stay when the last build failed its gates).
 */
@Extension
@SuppressWarnings("rawtypes")
public final class JobHistoryFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return JobHistory.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return List.of(new JobHistory(target));
    }
}
