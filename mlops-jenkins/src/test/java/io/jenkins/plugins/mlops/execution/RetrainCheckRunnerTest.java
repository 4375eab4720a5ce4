package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RetrainDecisionSummary;
import io.mlops.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainCheckRunnerTest {
    private static final String METADATA = ".mlops/retrain-check-metadata.json";

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    private FakeBuildContext engineWrites(int exitCode, String metadata) {
        return new FakeBuildContext(
                workspace, buildDir, (FakeBuildContext.FullLaunch) (arguments, metadataPath, environment, capture) -> {
                    Files.createDirectories(workspace.resolve(metadataPath).getParent());
                    Files.writeString(workspace.resolve(metadataPath), metadata);
                    return new LaunchResult(new ProcessOutcome(exitCode, ""), metadata, workspace.toString());
                });
    }

    private static RetrainCheckRequest request(String model, boolean force) {
        return new RetrainCheckRequest(
                RetrainCheckRunner.FUNCTION,
                model,
                List.of("data/receipts.csv", "data/incoming/*.csv"),
                null,
                "http://127.0.0.1:8080",
                null,
                0.85,
                null,
                200,
                0.2,
                30,
                500L,
                force,
                true,
                null,
                METADATA,
                CsvFormatArguments.DETECT);
    }

    @Test
    void shouldBuildTheCommandLineFromTheContractsOptionsWithoutExitCode() throws Exception {
        List<String> arguments = RetrainCheckRunner.arguments(
                request("receipts@champion", true), new RegistrySettings("/srv/registry", null, null));

        assertThat(arguments)
                .containsExactly(
                        "retrain-check",
                        "--model",
                        "receipts@champion",
                        "--data",
                        "data/receipts.csv",
                        "--data",
                        "data/incoming/*.csv",
                        "--service",
                        "http://127.0.0.1:8080",
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
                        "--force",
                        "--if-unavailable",
                        "inactive",
                        "--registry",
                        "/srv/registry",
                        "--metadata",
                        METADATA)
                .doesNotContain("--exit-code");
    }

    @Test
    void shouldPassTheRegistryOnlyForARegistryReference() throws Exception {
        List<String> arguments = RetrainCheckRunner.arguments(
                request("model", false), new RegistrySettings("/srv/registry", null, null));

        assertThat(arguments).doesNotContain("--registry", "--force");
    }

    @Test
    void shouldRecordADecisionThatIsNotDueWithoutTouchingTheBuildResult() throws Exception {
        FakeBuildContext build = engineWrites(0, EngineDocuments.retrainCheck("rc1", false));

        Map<String, Object> result = new RetrainCheckRunner(build).run(request("model", false));

        assertThat(result)
                .containsEntry("retrain", false)
                .containsEntry("runId", "rc1")
                .containsEntry("metadataFile", METADATA);
        assertThat(RetrainCheckRunner.isDue(result)).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) result.get("conditions");
        assertThat(conditions).extracting(c -> c.get("kind")).containsExactly("data-changed", "age");
        assertThat(conditions).allSatisfy(c -> assertThat(c)
                .containsEntry("fired", false)
                .containsEntry("status", "NOT_FIRED")
                .containsKeys("value", "threshold", "detail"));
        assertThat(conditions.get(1)).containsEntry("threshold", 30.0);
        assertThat(result.get("newData"))
                .isInstanceOfSatisfying(Map.class, d -> assertThat(d).containsEntry("newRows", 0L));
        assertThat(build.results)
                .as("a retraining that is not due is no failure")
                .isEmpty();
        assertThat(build.log())
                .contains(
                        "[mlRetrainWhen] age NOT_FIRED: ",
                        "[mlRetrainWhen] data-changed NOT_FIRED: ",
                        "[mlRetrainWhen] no retraining: 2 conditions checked, none fired;"
                                + " the block is skipped, the build result stays");
        assertThat(build.archived).containsOnlyKeys("mlops/rc1/run-metadata.json");
        assertThat(buildDir.resolve("mlops/rc1.json")).exists();
        assertThat(build.actions).singleElement().satisfies(a -> {
            assertThat(a.getFunctionName()).isEqualTo("mlRetrainWhen");
            assertThat(a.getKind()).isEqualTo("retrain-check");
            RetrainDecisionSummary decision = a.getDecision();
            assertThat(decision.isRetrain()).isFalse();
            assertThat(decision.getNewRows()).isZero();
            assertThat(decision.getConditions())
                    .extracting(c -> c.getKind() + " " + c.getStatus() + " " + c.getThreshold())
                    .containsExactly("data-changed NOT_FIRED 1.0", "age NOT_FIRED 30.0");
        });
    }

    @Test
    void shouldTreatTheRetrainDueExitCodeAsACompletedRun() throws Exception {
        FakeBuildContext build = engineWrites(ExitCode.RETRAIN_DUE.code(), EngineDocuments.retrainCheck("rc2", true));

        Map<String, Object> result = new RetrainCheckRunner(build).run(request("model", true));

        assertThat(RetrainCheckRunner.isDue(result)).isTrue();
        assertThat(result).containsEntry("summary", "retrain: forced");
        assertThat(build.results).isEmpty();
        assertThat(build.log()).contains("[mlRetrainWhen] forced FIRED: ", "[mlRetrainWhen] retrain: forced");
        assertThat(build.actions.get(0).getDecision().getConditions().get(0).isFired())
                .isTrue();
    }

    @Test
    void shouldFailWithTheEnginesMessageWhenTheCheckFails() {
        FakeBuildContext build = new FakeBuildContext(
                workspace,
                buildDir,
                (arguments, metadataPath) -> new LaunchResult(
                        new ProcessOutcome(
                                ExitCode.UNAVAILABLE.code(),
                                "mlops: http://127.0.0.1:8080/metrics: connection refused"),
                        null,
                        workspace.toString()));

        assertThatThrownBy(() -> new RetrainCheckRunner(build).run(request("model", false)))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("[mlRetrainWhen] http://127.0.0.1:8080/metrics: connection refused (mlops exit"
                        + " code " + ExitCode.UNAVAILABLE.code());
        assertThat(build.actions).isEmpty();
    }
}
