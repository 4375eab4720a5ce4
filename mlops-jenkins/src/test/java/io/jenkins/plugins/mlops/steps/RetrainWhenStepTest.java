package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jenkins.plugins.mlops.execution.RegistrySettings;
import io.jenkins.plugins.mlops.execution.RetrainCheckRequest;
import io.jenkins.plugins.mlops.execution.RetrainCheckRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RetrainWhenStepTest {
    /** The arguments of example-jenkinsfiles/receipts-nightly-retrain.Jenkinsfile, as structs hands them over. */
    private static Map<String, Object> nightlyExample() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("model", "receipts@champion");
        arguments.put("data", List.of("data/receipts.csv", "data/incoming/*.csv"));
        arguments.put("service", "http://serving.internal:8080");
        arguments.put("accuracyBelow", 0.85);
        arguments.put("driftAbove", 0.2);
        arguments.put("minFeedback", 200);
        arguments.put("maxAgeDays", 30);
        arguments.put("minNewRows", 500);
        return arguments;
    }

    @Test
    void shouldBindTheNightlyExampleAndBuildItsCommandLine() throws Exception {
        RetrainWhenStep step = StructsBinding.instantiate(RetrainWhenStep.class, nightlyExample());

        RetrainCheckRequest request = step.toRequest();

        assertThat(RetrainCheckRunner.arguments(request, new RegistrySettings("/srv/registry", null, null)))
                .containsExactly(
                        "retrain-check",
                        "--model",
                        "receipts@champion",
                        "--data",
                        "data/receipts.csv",
                        "--data",
                        "data/incoming/*.csv",
                        "--service",
                        "http://serving.internal:8080",
                        "--accuracy-below",
                        "0.85",
                        "--min-feedback",
                        "200",
                        "--drift-above",
                        "0.2",
                        "--max-age-days",
                        "30",
                        "--min-new-rows",
                        "500",
                        "--registry",
                        "/srv/registry",
                        "--metadata",
                        ".mlops/retrain-check-metadata.json");
    }

    @Test
    void shouldBindForceRegistryAndIfUnavailable() throws Exception {
        RetrainWhenStep step = StructsBinding.instantiate(
                RetrainWhenStep.class,
                Map.of(
                        "model", "model",
                        "force", true,
                        "ifUnavailable", "Inactive",
                        "registry", "/tmp/reg",
                        "metadata", "out/check.json"));

        RetrainCheckRequest request = step.toRequest();

        assertThat(request.force()).isTrue();
        assertThat(request.unavailableAsInactive()).isTrue();
        assertThat(request.metadata()).isEqualTo("out/check.json");
        assertThat(RetrainCheckRunner.arguments(request, RegistrySettings.NONE))
                .containsExactly(
                        "retrain-check",
                        "--model",
                        "model",
                        "--force",
                        "--if-unavailable",
                        "inactive",
                        "--metadata",
                        "out/check.json");
    }

    @Test
    void shouldRejectBadArgumentsNamingThem() {
        assertThatThrownBy(() -> new RetrainWhenStep(" ").toRequest())
                .hasMessageContaining("mlRetrainWhen")
                .hasMessageContaining("'model' must be given");
        assertThatThrownBy(() -> new RetrainWhenStep("model").toRequest())
                .hasMessageContaining("nothing to check: give at least one of 'data', 'spec', 'service'");
        RetrainWhenStep accuracy = new RetrainWhenStep("model");
        accuracy.setService("http://127.0.0.1:8080");
        accuracy.setAccuracyBelow(85.0);
        assertThatThrownBy(accuracy::toRequest)
                .hasMessageContaining("'accuracyBelow' must be between 0.0 and 1.0, got 85.0");
        RetrainWhenStep unavailable = new RetrainWhenStep("model");
        unavailable.setForce(true);
        unavailable.setIfUnavailable("ignore");
        assertThatThrownBy(unavailable::toRequest)
                .hasMessageContaining("'ifUnavailable' must be 'fail' or 'inactive', got 'ignore'");
        RetrainWhenStep age = new RetrainWhenStep("model");
        age.setMaxAgeDays(-1);
        assertThatThrownBy(age::toRequest).hasMessageContaining("'maxAgeDays' must be >= 0, got -1");
        RetrainWhenStep both = new RetrainWhenStep("model");
        both.setData(List.of("a.csv"));
        both.setSpec("ml/train.yaml");
        assertThatThrownBy(both::toRequest).hasMessageContaining("give 'data' or 'spec', not both");
    }

    @Test
    void shouldTakeABlockAndHaveACheckWithoutOne() throws Exception {
        RetrainWhenStep.DescriptorImpl when = new RetrainWhenStep.DescriptorImpl();
        RetrainCheckStep.DescriptorImpl check = new RetrainCheckStep.DescriptorImpl();

        assertThat(when.getFunctionName()).isEqualTo("mlRetrainWhen");
        assertThat(when.takesImplicitBlockArgument()).isTrue();
        assertThat(check.getFunctionName()).isEqualTo("mlRetrainCheck");
        assertThat(check.takesImplicitBlockArgument()).isFalse();
        RetrainCheckStep step = StructsBinding.instantiate(RetrainCheckStep.class, nightlyExample());
        RetrainCheckRequest request = step.toRequest();
        assertThat(request.function()).isEqualTo("mlRetrainCheck");
        assertThat(RetrainCheckRunner.arguments(request, RegistrySettings.NONE))
                .isEqualTo(RetrainCheckRunner.arguments(
                        StructsBinding.instantiate(RetrainWhenStep.class, nightlyExample())
                                .toRequest(),
                        RegistrySettings.NONE));
    }

    @Test
    void shouldSkipTheBlockAndReturnTheDecisionWhenRetrainingIsNotDue() {
        StepContext context = mock(StepContext.class);
        when(context.hasBody()).thenReturn(true);
        Map<String, Object> decision = Map.of("retrain", false, "summary", "no retraining");

        new RetrainWhenExecution.BlockSite(context).succeed(decision);

        verify(context, never()).newBodyInvoker();
        verify(context).onSuccess(decision);
        verify(context, never()).onFailure(any());
    }

    @Test
    void shouldReturnTheDecisionAtOnceWithoutABlockEvenWhenDue() {
        StepContext context = mock(StepContext.class);
        when(context.hasBody()).thenReturn(false);
        Map<String, Object> decision = Map.of("retrain", true);

        new RetrainWhenExecution.BlockSite(context).succeed(decision);

        verify(context, never()).newBodyInvoker();
        verify(context).onSuccess(decision);
    }

    @Test
    void shouldRunTheBlockWhenDueAndReturnTheDecisionAfterIt() {
        StepContext context = mock(StepContext.class);
        BodyInvoker invoker = mock(BodyInvoker.class);
        when(context.hasBody()).thenReturn(true);
        when(context.newBodyInvoker()).thenReturn(invoker);
        when(invoker.withCallback(any(BodyExecutionCallback.class))).thenReturn(invoker);
        Map<String, Object> decision = Map.of("retrain", true, "summary", "retrain: forced");

        new RetrainWhenExecution.BlockSite(context).succeed(decision);

        ArgumentCaptor<BodyExecutionCallback> callback = ArgumentCaptor.forClass(BodyExecutionCallback.class);
        verify(invoker).withCallback(callback.capture());
        verify(invoker).start();
        verify(context, never()).onSuccess(any());
        callback.getValue().onSuccess(context, "the block's value");
        verify(context).onSuccess(decision);
        IllegalStateException failed = new IllegalStateException("mlTrain failed");
        callback.getValue().onFailure(context, failed);
        verify(context).onFailure(failed);
    }
}
