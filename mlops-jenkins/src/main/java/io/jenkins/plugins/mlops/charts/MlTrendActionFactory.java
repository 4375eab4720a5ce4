package io.jenkins.plugins.mlops.charts;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.mlops.pages.ChartLibrary;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the {@link MlTrendAction} to every job (core adds job actions only from the last successful build, and the
 * chart must stay when the last build failed its gates). The action implements echarts-api's interfaces, an optional
 * dependency: without the echarts-api plugin this factory adds nothing and never loads the action's class (Jenkins
 * asks every factory for its action type, so {@code @Extension(optional = true)} alone would not keep it out).
 */
@Extension(optional = true)
@SuppressWarnings("rawtypes")
public final class MlTrendActionFactory extends TransientActionFactory<Job> {
    private final boolean echartsApi = ChartLibrary.isInstalled();

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return echartsApi ? MlTrendAction.class : Action.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        return echartsApi ? List.of(new MlTrendAction(target)) : List.of();
    }
}
