package io.jenkins.plugins.mlops.charts;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the {@link MlTrendAction} to every job (core adds job actions only from the last successful build, and the
 * chart must stay when the last build failed its gates). Optional: the action implements echarts-api's interfaces,
 * so without the echarts-api plugin Jenkins skips this extension and the rest of the plugin works as before.
 */
@Extension(optional = true)
@SuppressWarnings("rawtypes")
public final class MlTrendActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return MlTrendAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return List.of(new MlTrendAction(target));
    }
}
