package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.Json;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.metadata.RunMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployRunnerTest {
    private static final String TOKEN = "tok-4711-very-secret";

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    private FakeBuildContext deployWrites(int exitCode, String metadata) {
        FakeBuildContext build = new FakeBuildContext(
                workspace, buildDir, (FakeBuildContext.FullLaunch) (arguments, metadataPath, environment, capture) -> {
                    Files.createDirectories(workspace.resolve(metadataPath).getParent());
                    Files.writeString(workspace.resolve(metadataPath), metadata);
                    return new LaunchResult(new ProcessOutcome(exitCode, ""), metadata, workspace.toString());
                });
        build.secrets.put("serving-admin", TOKEN);
        return build;
    }

    private static DeployRequest request(String credentialsId) {
        return new DeployRequest(
                "receipts@champion",
                DeployTarget.parse("http://127.0.0.1:8080"),
                "ml/golden.jsonl",
                new LoadSpec(500, 20, 10, 0.001),
                credentialsId,
                null,
                null,
                null,
                ".mlops/deploy-run-metadata.json");
    }

    @Test
    void shouldDeployPassTheTokenOnlyThroughTheEnvironmentAndRecordTheResults() throws Exception {
        FakeBuildContext build = deployWrites(0, EngineDocuments.deploy("d1", true));
        DeployResult written =
                RunStore.parse("test", EngineDocuments.deploy("d1", true)).deployment();

        Map<String, Object> result = new DeployRunner(build).run(request("serving-admin"));

        assertThat(build.environments).singleElement().satisfies(env -> assertThat(env)
                .containsEntry("MLOPS_ADMIN_TOKEN", TOKEN)
                .containsEntry("JOB_NAME", "receipts/main"));
        assertThat(build.launches).singleElement().satisfies(args -> assertThat(String.join(" ", args))
                .doesNotContain(TOKEN));
        assertThat(build.log())
                .doesNotContain(TOKEN)
                .contains(
                        "[mlDeploy] admin token from credentials 'serving-admin'",
                        "[mlDeploy] deployment DEPLOYED: receipts 3 -> " + written.location()
                                + "; golden requests 1 of 1 correct; load "
                                + written.load().sent() + " sent, "
                                + written.load().failed() + " failed");
        assertThat(result).containsEntry("buildResult", "SUCCESS").containsEntry("kind", "deploy");
        assertThat(build.results).isEmpty();
        assertThat(build.actions).singleElement().satisfies(a -> {
            assertThat(a.getFunctionName()).isEqualTo("mlDeploy");
            assertThat(a.getDeployment().getStatus()).isEqualTo("DEPLOYED");
            assertThat(a.getDeployment().getP99Ms()).isEqualTo(written.load().p99Ms());
            assertThat(a.getDeployment().getThroughput())
                    .isEqualTo(written.load().throughput());
            assertThat(a.getDeployment().getLoadFailed())
                    .isEqualTo(written.load().failed());
            assertThat(a.getDeployment().getGoldenPassed()).isEqualTo(1);
        });
        assertThat(build.archived).containsOnlyKeys("mlops/d1/run-metadata.json");
    }

    @Test
    void shouldFailTheBuildWithTheReasonsWhenRolledBack() {
        FakeBuildContext build = deployWrites(6, EngineDocuments.deploy("d2", false));
        String reason = "integration check failed: 1 of 1 golden requests wrong: line 1: expected 'travel', got 'food'";

        assertThatThrownBy(() -> new DeployRunner(build).run(request("serving-admin")))
                .isInstanceOf(StepFailure.class)
                .hasMessage("[mlDeploy] deployment ROLLED_BACK to http://127.0.0.1:8080: " + reason);
        assertThat(build.results).containsExactly(BuildResult.FAILURE);
        assertThat(build.log()).contains("[mlDeploy] rolled back: " + reason);
        assertThat(build.actions)
                .singleElement()
                .satisfies(a -> assertThat(a.getDeployment().getReasons()).containsExactly(reason));
        assertThat(buildDir.resolve("mlops/d2.json")).exists();
    }

    @Test
    void shouldFailWithoutRunningWhenTheCredentialsAreMissing() {
        FakeBuildContext build = deployWrites(0, EngineDocuments.deploy("d3", true));

        assertThatThrownBy(() -> new DeployRunner(build).run(request("nope")))
                .hasMessage("[mlDeploy] no 'Secret text' credentials with id 'nope' that this build may use");
        assertThat(build.launches).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredDefaultCredentials() throws Exception {
        FakeBuildContext build = deployWrites(0, EngineDocuments.deploy("d4", true));
        build.settings = new RegistrySettings(null, null, "serving-admin");

        new DeployRunner(build).run(request(null));

        assertThat(build.environments.get(0)).containsEntry("MLOPS_ADMIN_TOKEN", TOKEN);
    }

    @Test
    void shouldFailWithTheCommandsMessageOnBadInput() {
        FakeBuildContext build = new FakeBuildContext(
                workspace,
                buildDir,
                (arguments, metadataPath) -> new LaunchResult(
                        new ProcessOutcome(3, "mlops: ml/golden.jsonl: file not found"), null, workspace.toString()));

        assertThatThrownBy(() -> new DeployRunner(build)
                        .run(new DeployRequest(
                                "model",
                                DeployTarget.parse("dir:out"),
                                "ml/golden.jsonl",
                                null,
                                null,
                                null,
                                null,
                                null,
                                ".mlops/deploy-run-metadata.json")))
                .hasMessage("[mlDeploy] ml/golden.jsonl: file not found (mlops exit code 3: bad input)");
        assertThat(build.actions).isEmpty();
    }

    @Test
    void shouldEscapeControlCharactersInReasonsSoNoReasonForgesALogLine() throws Exception {
        RunMetadata rolledBack = RunStore.parse("test", EngineDocuments.deploy("d5", false));
        DeployResult forged = new DeployResult(
                rolledBack.deployment().status(),
                rolledBack.deployment().target(),
                rolledBack.deployment().location(),
                rolledBack.deployment().name(),
                rolledBack.deployment().version(),
                rolledBack.deployment().golden(),
                rolledBack.deployment().load(),
                List.of("expected 'x\n[mlDeploy] deployment DEPLOYED'"));
        FakeBuildContext build = deployWrites(
                6,
                Json.pretty()
                        .writeValueAsString(
                                rolledBack.toBuilder().deployment(forged).build()));

        assertThatThrownBy(() -> new DeployRunner(build).run(request("serving-admin")))
                .hasMessageEndingWith("expected 'x\\n[mlDeploy] deployment DEPLOYED'");
        assertThat(build.log())
                .contains("[mlDeploy] rolled back: expected 'x\\n[mlDeploy] deployment DEPLOYED'")
                .doesNotContain("\n[mlDeploy] deployment DEPLOYED");
    }

    @Test
    void shouldRefuseAServiceUrlWithUserInfoWithoutPrintingIt() {
        assertThatThrownBy(() -> DeployTarget.parse("http://admin:T0ken@127.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'target': service URL with user info (user:password@) refused")
                .hasMessageContaining("http://127.0.0.1:8080")
                .hasMessageNotContaining("T0ken");
    }
}
