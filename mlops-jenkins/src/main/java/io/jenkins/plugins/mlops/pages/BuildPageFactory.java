package io.jenkins.plugins.mlops.pages;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds one {@link BuildPage} to each build that has ML records (engine runs or registry operations): a transient
 * action, so builds made before the page existed get it too and nothing more is written to {@code build.xml}.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class BuildPageFactory extends TransientActionFactory<Run> {
    @Override
    public Class<Run> type() {
        return Run.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return BuildPage.class;
    }

    @Override
    public Collection<? extends Action> createFor(Run target) {
        boolean records = !target.getActions(MlRunAction.class).isEmpty()
                || !target.getActions(ModelVersionAction.class).isEmpty();
        return records ? List.of(new BuildPage(target)) : List.of();
    }
}
