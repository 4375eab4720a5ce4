package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.Criticality;
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
            Files.createDirectories(workspace.resolve(metadataPath).getParent());
            Files.writeString(workspace.resolve(metadataPath), metadata);
            return new LaunchResult(new ProcessOutcome(exitCode, ""), metadata, workspace.toString());
        });
    }

    private static EvaluateRequest request(String baseline, Criticality onGateFailure) {
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
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e0", "PASSED"));

        Map<String, Object> result = new EvaluateRunner(build).run(request(null, Criticality.FAILURE));

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
        FakeBuildContext build = engineWrites(4, EngineDocuments.evaluate("e1", "UNSTABLE"));

        Map<String, Object> result = new EvaluateRunner(build).run(request(null, Criticality.FAILURE));

        assertThat(build.results).containsExactly(BuildResult.UNSTABLE);
        assertThat(result).containsEntry("buildResult", "UNSTABLE");
        assertThat(build.log()).contains("[mlEvaluate] quality gates: UNSTABLE -> build result UNSTABLE");
    }

    @Test
    void shouldFailBuildAndStepForFailedGates() throws Exception {
        FakeBuildContext build = engineWrites(5, EngineDocuments.evaluate("e2", "FAILED"));

        double macroF1 = RunStore.parse("test", EngineDocuments.evaluate("e2", "FAILED"))
                .metrics()
                .macroF1();
        assertThatThrownBy(() -> new EvaluateRunner(build).run(request(null, Criticality.FAILURE)))
                .isInstanceOf(StepFailure.class)
                .hasMessage("[mlEvaluate] quality gates failed: macroF1 >= 1.01 (failure) (actual " + macroF1 + ")");
        assertThat(build.results).containsExactly(BuildResult.FAILURE);
        assertThat(build.actions).singleElement().satisfies(a -> assertThat(a.getGateOutcome())
                .isEqualTo("FAILED"));
        assertThat(buildDir.resolve("mlops/e2.json")).exists();
    }

    @Test
    void shouldMapTheEnginesOutcomeOneToOneWhateverOnGateFailureSays() {
        // the engine already applied onGateFailure to the gates without a suffix; a gate's own (failure) wins
        FakeBuildContext build = engineWrites(5, EngineDocuments.evaluate("e3", "FAILED"));

        assertThatThrownBy(() -> new EvaluateRunner(build).run(request(null, Criticality.UNSTABLE)))
                .isInstanceOf(StepFailure.class);
        assertThat(build.results).containsExactly(BuildResult.FAILURE);
        assertThat(build.launches).singleElement().asList().containsSequence("--on-gate-failure", "UNSTABLE");
    }

    @Test
    void shouldUseModelOfPreviousBuildAsBaseline() throws Exception {
        Path previous = Files.createDirectories(buildDir.resolve("previous-model"));
        Files.writeString(previous.resolve("model.tribuo"), "old model");
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e4", "PASSED"));
        build.previousModel = previous;

        new EvaluateRunner(build).run(request("previous", Criticality.FAILURE));

        assertThat(build.launches).singleElement().asList().containsSequence("--baseline", ".mlops/baseline");
        assertThat(workspace.resolve(".mlops/baseline/model.tribuo")).hasContent("old model");
    }

    @Test
    void shouldEvaluateWithoutBaselineWhenNoPreviousBuildRecordedAModel() throws Exception {
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e5", "PASSED"));

        new EvaluateRunner(build).run(request("previous", Criticality.FAILURE));

        assertThat(build.launches).singleElement().asList().doesNotContain("--baseline");
        assertThat(build.log())
                .contains("[mlEvaluate] baseline 'previous': no earlier successful build recorded a model");
    }

    @Test
    void shouldResolveABareBaselineAliasInTheRegistry() throws Exception {
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e9", "PASSED"));
        build.settings = new RegistrySettings("/srv/registry", "fallback", null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/test.csv",
                        List.of(),
                        "champion",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        "receipts",
                        null,
                        CsvFormatArguments.DETECT));

        assertThat(build.launches)
                .singleElement()
                .asList()
                .containsSubsequence("--baseline", "receipts@champion", "--registry", "/srv/registry");
        assertThat(build.log()).contains("[mlEvaluate] baseline 'champion': receipts@champion from the model registry");
    }

    @Test
    void shouldPassAReferenceBaselineWithTheStepsRegistry() throws Exception {
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e10", "PASSED"));
        build.settings = new RegistrySettings("/srv/registry", null, null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/test.csv",
                        List.of(),
                        "receipts@7",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        "/tmp/reg",
                        CsvFormatArguments.DETECT));

        assertThat(build.launches)
                .singleElement()
                .asList()
                .containsSubsequence("--baseline", "receipts@7", "--registry", "/tmp/reg");
    }

    @Test
    void shouldKeepAWorkspacePathBaselineAndNeedANameForABareAlias() throws Exception {
        Files.createDirectories(workspace.resolve("champion"));
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e11", "PASSED"));

        new EvaluateRunner(build).run(request("champion", Criticality.FAILURE));
        assertThat(build.launches.get(0))
                .containsSubsequence("--baseline", "champion")
                .doesNotContain("--registry");

        FakeBuildContext noName = engineWrites(0, EngineDocuments.evaluate("e12", "PASSED"));
        assertThatThrownBy(() -> new EvaluateRunner(noName).run(request("challenger", Criticality.FAILURE)))
                .hasMessage(
                        "[mlEvaluate] baseline 'challenger' is no file in the workspace; for a registry alias give 'name'"
                                + " (or write 'NAME@challenger'), or configure a default model name");
    }

    @Test
    void shouldLeaveARegistryBaselineThatDoesNotExistYetToTheEngineWithoutAnExtraLaunch() throws Exception {
        FakeBuildContext build = engineWrites(0, EngineDocuments.evaluate("e13", "PASSED"));
        build.settings = new RegistrySettings("/r", "receipts", null);

        new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/test.csv",
                        List.of(),
                        "champion",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        null,
                        CsvFormatArguments.DETECT));

        // the engine makes gates relative to a missing baseline INACTIVE itself: one launch, the evaluation
        assertThat(build.launches)
                .singleElement()
                .asList()
                .startsWith("evaluate")
                .containsSubsequence("--baseline", "receipts@champion", "--registry", "/r");
    }

    @Test
    void shouldEscapeControlCharactersOfTheEnginesErrorLine() {
        FakeBuildContext build = new FakeBuildContext(
                workspace,
                buildDir,
                (arguments, metadataPath) -> new LaunchResult(
                        new ProcessOutcome(3, "mlops: gate 'x\u001b[2J\r[mlEvaluate] PASSED' is not valid"),
                        null,
                        workspace.toString()));

        assertThatThrownBy(() -> new EvaluateRunner(build).run(request(null, Criticality.FAILURE)))
                .isInstanceOf(StepFailure.class)
                .hasMessage("[mlEvaluate] gate 'x\\u001b[2J\\r[mlEvaluate] PASSED' is not valid"
                        + " (mlops exit code 3: bad input)");
    }
}
