package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.mlops.execution.EvaluateRequest;
import io.jenkins.plugins.mlops.execution.EvaluateRunner;
import io.mlops.contract.gates.Criticality;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluateStepTest {
    private static EvaluateStep issueExample() {
        EvaluateStep step = new EvaluateStep("model/model.tribuo");
        step.setData("data/test.csv");
        step.setGates(List.of(new QualityGate("accuracy >= 0.90"), new QualityGate("macroF1 >= 0.85")));
        step.setBaseline("previous");
        step.setOnGateFailure("FAILURE");
        return step;
    }

    @Test
    void shouldBindTheIssueExampleToEngineArguments() {
        EvaluateRequest request = issueExample().toRequest();

        assertThat(request.usesPreviousBuild()).isTrue();
        assertThat(request.onGateFailure()).isEqualTo(Criticality.FAILURE);
        assertThat(EvaluateRunner.command(request, ".mlops/baseline", null).arguments())
                .containsExactly(
                        "evaluate",
                        "--model",
                        "model/model.tribuo",
                        "--data",
                        "data/test.csv",
                        "--gate",
                        "accuracy >= 0.90",
                        "--gate",
                        "macroF1 >= 0.85",
                        "--baseline",
                        ".mlops/baseline",
                        "--on-gate-failure",
                        "FAILURE",
                        "--metadata",
                        ".mlops/evaluate-run-metadata.json");
    }

    @Test
    void shouldRequireModel() {
        assertThatThrownBy(new EvaluateStep(" ")::toRequest)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[mlEvaluate] 'model' must be given");
    }

    @Test
    void shouldRejectUnknownOnGateFailure() {
        EvaluateStep step = issueExample();
        step.setOnGateFailure("ABORTED");

        assertThatThrownBy(step::toRequest)
                .hasMessage("[mlEvaluate] 'onGateFailure' must be FAILURE or UNSTABLE, got 'ABORTED'");
        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessage("[mlEvaluate] 'onGateFailure' must be FAILURE or UNSTABLE, got 'ABORTED'");
    }

    @Test
    void shouldAcceptLowerCaseOnGateFailureAndDefaultToFailure() {
        EvaluateStep step = new EvaluateStep("model");
        step.setData("data/test.csv");
        assertThat(step.toRequest().onGateFailure()).isEqualTo(Criticality.FAILURE);

        step.setOnGateFailure("unstable");
        assertThat(step.toRequest().onGateFailure()).isEqualTo(Criticality.UNSTABLE);
    }

    @Test
    void shouldNeedTheTestDataAsTheCommandDoes() {
        assertThatThrownBy(new EvaluateStep("model")::toRequest)
                .hasMessage("[mlEvaluate] 'data' must be given: the labelled test data");
    }

    @Test
    void shouldRejectBlankGate() {
        EvaluateStep step = new EvaluateStep("model");
        step.setData("data/test.csv");
        step.setGates(Arrays.asList(new QualityGate("accuracy >= 0.9"), new QualityGate(" ")));

        assertThatThrownBy(step::toRequest).hasMessage("[mlEvaluate] gate 2 of 'gates' is blank");
    }

    @Test
    void shouldPassBaselinePathThroughAndOmitMissingOptions() {
        EvaluateStep step = new EvaluateStep("model");
        step.setData("data/test.csv");
        step.setBaseline("models/champion");
        step.setMetadata("reports/eval.json");

        EvaluateRequest request = step.toRequest();

        assertThat(request.usesPreviousBuild()).isFalse();
        assertThat(EvaluateRunner.command(request, request.baseline(), null).arguments())
                .containsExactly(
                        "evaluate",
                        "--model",
                        "model",
                        "--data",
                        "data/test.csv",
                        "--baseline",
                        "models/champion",
                        "--on-gate-failure",
                        "FAILURE",
                        "--metadata",
                        "reports/eval.json");
    }

    @Test
    void shouldDescribeStepForPipeline() {
        assertThat(new EvaluateStep.DescriptorImpl().getFunctionName()).isEqualTo("mlEvaluate");
        assertThat(new EvaluateStep.DescriptorImpl().getDisplayName())
                .isEqualTo("Evaluate a machine-learning model against quality gates (mlops)");
    }
}
