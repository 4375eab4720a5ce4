package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.BuildOutcome;
import io.jenkins.plugins.mlops.records.MetadataSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateRunnerTest {
    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    private FakeBuildContext engineWrites(int exitCode, String metadata) {
        return new FakeBuildContext(workspace, buildDir, (arguments, metadataPath) -> {
            if (arguments.get(0).equals("models")) { // models show of a registry baseline: it exists
                return new LaunchResult(new ProcessOutcome(0, ""), null, workspace.toString(), "{}");
            }
            Files.createDirectories(workspace.resolve(metadataPath).getParent());
            Files.writeString(workspace.resolve(metadataPath), metadata);
            return new LaunchResult(new ProcessOutcome(exitCode, ""), metadata, workspace.toString());
        });
    }

    private static EvaluateRequest request(String baseline, GateFailureResult onGateFailure) {
        return new EvaluateRequest(
                "model/model.tribuo",
                "data/test.csv",
                List.of("accuracy >= 0.90", "macroF1 >= 0.85"),
                baseline,
                onGateFailure,
                ".mlops/evaluate-run-metadata.json");
    }

    @Test
    void shouldKeepBuildSuccessfulWhenGatesPass() throws Exception {
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e0", "PASSED", "PASSED"));

        Map<String, Object> result = new EvaluateRunner(build).run(request(null, GateFailureResult.FAILURE));

        assertThat(result).containsEntry("buildResult", "SUCCESS");
        assertThat(build.results).isEmpty();
        assertThat(build.log())
                .contains(
                        "[mlEvaluate] mlops evaluate --model model/model.tribuo --data data/test.csv"
                                + " --gate 'accuracy >= 0.90' --gate 'macroF1 >= 0.85' --on-gate-failure FAILURE --metadata .mlops/evaluate-run-metadata.json");
        assertThat(build.archived).containsOnlyKeys("mlops/e0/run-metadata.json");
    }

    @Test
    void shouldMarkBuildUnstableForUnstableGates() throws Exception {
        FakeBuildContext build = engineWrites(4, MetadataSamples.evaluate("e1", "UNSTABLE", "UNSTABLE"));

        Map<String, Object> result = new EvaluateRunner(build).run(request(null, GateFailureResult.FAILURE));

        assertThat(build.results).containsExactly(BuildOutcome.UNSTABLE);
        assertThat(result).containsEntry("buildResult", "UNSTABLE");
        assertThat(build.log()).contains("[mlEvaluate] quality gates: UNSTABLE -> build result UNSTABLE");
    }

    @Test
    void shouldFailBuildAndStepForFailedGates() {
        FakeBuildContext build = engineWrites(5, MetadataSamples.evaluate("e2", "FAILED", "FAILED"));

        assertThatThrownBy(() -> new EvaluateRunner(build).run(request(null, GateFailureResult.FAILURE)))
                .isInstanceOf(StepFailure.class)
                .hasMessage("[mlEvaluate] quality gates failed: macroF1 >= 0.85 (actual 0.81)");
        assertThat(build.results).containsExactly(BuildOutcome.FAILURE);
        assertThat(build.actions).singleElement().satisfies(a -> assertThat(a.getGateOutcome())
                .isEqualTo("FAILED"));
        assertThat(buildDir.resolve("mlops/e2.json")).exists();
    }

    @Test
    void shouldOnlyMarkUnstableWhenFailedGatesAreConfiguredUnstable() throws Exception {
        FakeBuildContext build = engineWrites(5, MetadataSamples.evaluate("e3", "FAILED", "FAILED"));

        Map<String, Object> result = new EvaluateRunner(build).run(request(null, GateFailureResult.UNSTABLE));

        assertThat(build.results).containsExactly(BuildOutcome.UNSTABLE);
        assertThat(result).containsEntry("buildResult", "UNSTABLE");
    }

    @Test
    void shouldUseModelOfPreviousBuildAsBaseline() throws Exception {
        Path previous = Files.createDirectories(buildDir.resolve("previous-model"));
        Files.writeString(previous.resolve("model.tribuo"), "old model");
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e4", "PASSED", "PASSED"));
        build.previousModel = previous;

        new EvaluateRunner(build).run(request("previous", GateFailureResult.FAILURE));

        assertThat(build.launches).singleElement().asList().containsSequence("--baseline", ".mlops/baseline");
        assertThat(workspace.resolve(".mlops/baseline/model.tribuo")).hasContent("old model");
    }

    @Test
    void shouldEvaluateWithoutBaselineWhenNoPreviousBuildRecordedAModel() throws Exception {
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e5", "PASSED", "PASSED"));

        new EvaluateRunner(build).run(request("previous", GateFailureResult.FAILURE));

        assertThat(build.launches).singleElement().asList().doesNotContain("--baseline");
        assertThat(build.log())
                .contains("[mlEvaluate] baseline 'previous': no earlier successful build recorded a model");
    }

    @Test
    void shouldResolveABareBaselineAliasInTheRegistry() throws Exception {
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e9", "PASSED", "PASSED"));
        build.settings = new RegistrySettings("/srv/registry", "fallback", null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        null,
                        List.of(),
                        "champion",
                        GateFailureResult.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        "receipts",
                        null));

        assertThat(build.launches.get(0))
                .containsExactly("models", "show", "receipts@champion", "--json", "--registry", "/srv/registry");
        assertThat(build.launches.get(1))
                .containsSubsequence("--baseline", "receipts@champion", "--registry", "/srv/registry");
        assertThat(build.log()).contains("[mlEvaluate] baseline 'champion': receipts@champion from the model registry");
    }

    @Test
    void shouldPassAReferenceBaselineWithTheStepsRegistry() throws Exception {
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e10", "PASSED", "PASSED"));
        build.settings = new RegistrySettings("/srv/registry", null, null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        null,
                        List.of(),
                        "receipts@7",
                        GateFailureResult.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        "/tmp/reg"));

        assertThat(build.launches.get(1)).containsSubsequence("--baseline", "receipts@7", "--registry", "/tmp/reg");
    }

    @Test
    void shouldKeepAWorkspacePathBaselineAndNeedANameForABareAlias() throws Exception {
        Files.createDirectories(workspace.resolve("champion"));
        FakeBuildContext build = engineWrites(0, MetadataSamples.evaluate("e11", "PASSED", "PASSED"));

        new EvaluateRunner(build).run(request("champion", GateFailureResult.FAILURE));
        assertThat(build.launches.get(0))
                .containsSubsequence("--baseline", "champion")
                .doesNotContain("--registry");

        FakeBuildContext noName = engineWrites(0, MetadataSamples.evaluate("e12", "PASSED", "PASSED"));
        assertThatThrownBy(() -> new EvaluateRunner(noName).run(request("challenger", GateFailureResult.FAILURE)))
                .hasMessage(
                        "[mlEvaluate] baseline 'challenger' is no file in the workspace; for a registry alias give 'name'"
                                + " (or write 'NAME@challenger'), or configure a default model name");
    }

    @Test
    void shouldEvaluateWithoutBaselineBeforeTheFirstPromotion() throws Exception {
        FakeBuildContext build = new FakeBuildContext(workspace, buildDir, (arguments, metadataPath) -> {
            if (arguments.get(0).equals("models")) {
                return new LaunchResult(
                        new ProcessOutcome(
                                3, "mlops: model 'receipts' not found in registry /r; the registry is empty"),
                        null,
                        workspace.toString(),
                        "");
            }
            String metadata = MetadataSamples.evaluate("e13", "PASSED", "PASSED");
            Files.createDirectories(workspace.resolve(metadataPath).getParent());
            Files.writeString(workspace.resolve(metadataPath), metadata);
            return new LaunchResult(new ProcessOutcome(0, ""), metadata, workspace.toString());
        });
        build.settings = new RegistrySettings("/r", "receipts", null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        null,
                        List.of(),
                        "champion",
                        GateFailureResult.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        null));

        assertThat(build.launches.get(1)).doesNotContain("--baseline", "--registry");
        assertThat(build.log())
                .contains("[mlEvaluate] baseline 'receipts@champion' is not in the registry (model 'receipts' not found"
                        + " in registry /r; the registry is empty); gates relative to the baseline are inactive");
    }
}
