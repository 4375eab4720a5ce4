package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Action;
import hudson.model.Result;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import java.util.ArrayList;
import java.util.List;
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

    static final class RecordingNode extends FlowNode {
        final List<Action> actions = new ArrayList<>();

        @Override
        public boolean addOrReplaceAction(Action a) {
            actions.add(a);
            return true;
        }
    }

    static final class RecordingContext extends StepContext {
        private static final long serialVersionUID = 1L;
        final transient FlowNode node;
        final transient List<Result> results = new ArrayList<>();

        RecordingContext(FlowNode node) {
            this.node = node;
        }

        @Override
        public <T> T get(Class<T> key) {
            return key == FlowNode.class ? key.cast(node) : null;
        }

        @Override
        public void setResult(Result r) {
            results.add(r);
        }

        @Override
        public ListenableFuture<Void> saveState() {
            return Futures.immediateFuture(null);
        }

        @Override
        public void onSuccess(Object result) {}

        @Override
        public void onFailure(Throwable t) {}
    }

    @Test
    void shouldAddTheWarningToTheStepsFlowNodeWhenTheBuildBecomesUnstable() throws Exception {
        RecordingNode node = new RecordingNode();
        RecordingContext context = new RecordingContext(node);
        JenkinsFacade facade = JenkinsFacade.of(context, Warning::new);

        facade.setResult(BuildOutcome.UNSTABLE);

        assertThat(context.results).hasSize(1);
        assertThat(node.actions).containsExactly(new Warning(JenkinsFacade.UNSTABLE_MESSAGE));
    }

    @Test
    void shouldNotMarkTheNodeForFailureOrSuccess() throws Exception {
        RecordingNode node = new RecordingNode();
        RecordingContext context = new RecordingContext(node);
        JenkinsFacade facade = JenkinsFacade.of(context, Warning::new);

        facade.setResult(BuildOutcome.FAILURE);
        facade.setResult(BuildOutcome.SUCCESS);

        assertThat(context.results).hasSize(2);
        assertThat(node.actions).isEmpty();
    }

    @Test
    void shouldMarkWithTheGivenMessageAndTolerateAContextWithoutFlowNode() throws Exception {
        RecordingNode node = new RecordingNode();
        JenkinsFacade.mark(new RecordingContext(node), "gate 'accuracy >= 0.9' UNSTABLE", Warning::new);
        JenkinsFacade.mark(new RecordingContext(null), "ignored", Warning::new);

        assertThat(node.actions).containsExactly(new Warning("gate 'accuracy >= 0.9' UNSTABLE"));
    }
}
