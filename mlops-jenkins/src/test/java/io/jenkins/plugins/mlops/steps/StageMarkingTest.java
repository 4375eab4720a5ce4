package io.jenkins.plugins.mlops.steps;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import hudson.model.Action;
import hudson.model.Result;
import io.mlops.contract.gates.BuildResult;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

/** A gate that makes the build UNSTABLE marks the step's flow node too, as Pipeline's {@code unstable} step does. */
class StageMarkingTest {
    /** The warning the test factory makes, carrying its message. */
    record Warning(String message) implements Action {
        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return message;
        }

        @Override
        public String getUrlName() {
            return null;
        }
    }

    /**
     * A step context whose flow node records the actions added to it. Mocks, because the real {@code FlowNode}
     * needs a running flow execution to be constructed and the real {@code StepContext} has more abstract members
     * than the stand-in: this test compiles against both (see the real-jenkins-api profile).
     */
    private static StepContext contextWith(final FlowNode node) throws Exception {
        StepContext context = mock(StepContext.class);
        when(context.get(FlowNode.class)).thenReturn(node);
        return context;
    }

    @Test
    void shouldAddTheWarningToTheStepsFlowNodeWhenTheBuildBecomesUnstable() throws Exception {
        FlowNode node = mock(FlowNode.class);
        StepContext context = contextWith(node);
        JenkinsFacade facade = JenkinsFacade.of(context, Warning::new);

        facade.setResult(BuildResult.UNSTABLE);

        verify(context).setResult(Result.UNSTABLE);
        verify(node).addOrReplaceAction(new Warning(JenkinsFacade.UNSTABLE_MESSAGE));
        verifyNoMoreInteractions(node);
    }

    @Test
    void shouldNotMarkTheNodeForFailureOrSuccess() throws Exception {
        FlowNode node = mock(FlowNode.class);
        StepContext context = contextWith(node);
        JenkinsFacade facade = JenkinsFacade.of(context, Warning::new);

        facade.setResult(BuildResult.FAILURE);
        facade.setResult(BuildResult.SUCCESS);

        // two results set (the stand-in's Result constants carry no identity, so the calls are counted)
        verify(context, times(2)).setResult(any());
        verifyNoInteractions(node);
    }

    @Test
    void shouldMarkWithTheGivenMessageAndTolerateAContextWithoutFlowNode() throws Exception {
        FlowNode node = mock(FlowNode.class);
        JenkinsFacade.mark(contextWith(node), "gate 'accuracy >= 0.9' UNSTABLE", Warning::new);
        JenkinsFacade.mark(contextWith(null), "ignored", Warning::new);

        verify(node).addOrReplaceAction(new Warning("gate 'accuracy >= 0.9' UNSTABLE"));
        verifyNoMoreInteractions(node);
    }
}
