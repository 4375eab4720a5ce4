package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.BuildOutcome;
import io.jenkins.plugins.mlops.records.MetadataSamples;
import java.nio.file.Files;
import java.nio.file.Path;
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
        FakeBuildContext build = deployWrites(0, MetadataSamples.deploy("d1", "DEPLOYED"));

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
                        "[mlDeploy] deployment DEPLOYED: receipts 3 -> http://127.0.0.1:8080; golden requests 20 of 20 correct;"
                                + " load 10000 sent, 2 failed, 500/s, p50 1.20 ms, p95 4.50 ms, p99 8.25 ms");
        assertThat(result).containsEntry("buildResult", "SUCCESS").containsEntry("kind", "deploy");
        assertThat(build.results).isEmpty();
        assertThat(build.actions).singleElement().satisfies(a -> {
            assertThat(a.getFunctionName()).isEqualTo("mlDeploy");
            assertThat(a.getDeployment().getStatus()).isEqualTo("DEPLOYED");
            assertThat(a.getDeployment().getP99Ms()).isEqualTo(8.25);
            assertThat(a.getDeployment().getThroughput()).isEqualTo(499.8);
            assertThat(a.getDeployment().getLoadFailed()).isEqualTo(2);
            assertThat(a.getDeployment().getGoldenPassed()).isEqualTo(20);
        });
        assertThat(build.archived).containsOnlyKeys("mlops/d1/run-metadata.json");
    }

    @Test
    void shouldFailTheBuildWithTheReasonsWhenRolledBack() {
        FakeBuildContext build =
                deployWrites(6, MetadataSamples.deploy("d2", "ROLLED_BACK", "load test failed: p99 12.40 ms > 10 ms"));

        assertThatThrownBy(() -> new DeployRunner(build).run(request("serving-admin")))
                .isInstanceOf(StepFailure.class)
                .hasMessage(
                        "[mlDeploy] deployment ROLLED_BACK to http://127.0.0.1:8080: load test failed: p99 12.40 ms > 10 ms");
        assertThat(build.results).containsExactly(BuildOutcome.FAILURE);
        assertThat(build.log()).contains("[mlDeploy] rolled back: load test failed: p99 12.40 ms > 10 ms");
        assertThat(build.actions).singleElement().satisfies(a -> assertThat(
                        a.getDeployment().getReasons())
                .containsExactly("load test failed: p99 12.40 ms > 10 ms"));
        assertThat(buildDir.resolve("mlops/d2.json")).exists();
    }

    @Test
    void shouldFailWithoutRunningWhenTheCredentialsAreMissing() {
        FakeBuildContext build = deployWrites(0, MetadataSamples.deploy("d3", "DEPLOYED"));

        assertThatThrownBy(() -> new DeployRunner(build).run(request("nope")))
                .hasMessage("[mlDeploy] no 'Secret text' credentials with id 'nope' that this build may use");
        assertThat(build.launches).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredDefaultCredentials() throws Exception {
        FakeBuildContext build = deployWrites(0, MetadataSamples.deploy("d4", "DEPLOYED"));
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
}
