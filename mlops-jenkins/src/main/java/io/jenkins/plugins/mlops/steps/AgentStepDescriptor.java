package io.jenkins.plugins.mlops.steps;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.Messages;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * What every mlops step's descriptor has in common: its function name, its display name from the messages,
 * and the context it needs, a workspace on an agent.
 */
abstract class AgentStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayNameKey;

    /**
     * Creates the descriptor.
     *
     * @param functionName   the Pipeline function name, e.g. {@code mlTrain}
     * @param displayNameKey the key of the display name in {@code Messages.properties}
     */
    AgentStepDescriptor(final String functionName, final String displayNameKey) {
        this.functionName = functionName;
        this.displayNameKey = displayNameKey;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getDisplayName() {
        return Messages.format(displayNameKey);
    }

    /**
     * The arguments of a nested describable as structs uninstantiated it, for the short forms of a snippet.
     *
     * @param value an argument's value or a list element
     * @return its arguments, or {@code null} if it is no nested describable
     */
    static Map<String, ?> argumentsOf(Object value) {
        return value instanceof UninstantiatedDescribable nested ? nested.getArguments() : null;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class);
    }
}
