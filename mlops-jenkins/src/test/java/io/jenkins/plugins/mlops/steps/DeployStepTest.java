package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.mlops.execution.DeployRequest;
import io.jenkins.plugins.mlops.execution.DeployRunner;
import io.jenkins.plugins.mlops.execution.LoadSpec;
import io.jenkins.plugins.mlops.execution.RegistrySettings;
import io.mlops.contract.deploy.LoadTestSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployStepTest {
    /** The issue's example, with the numbers as Groovy passes them (Integer, BigDecimal). */
    private static DeployStep issueExample() {
        DeployStep step = new DeployStep("receipts@champion");
        step.setTarget("http://127.0.0.1:8080");
        step.setSmoke("ml/golden.jsonl");
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("rps", 500);
        load.put("seconds", 20);
        load.put("p99Ms", 10);
        load.put("maxErrorRate", new BigDecimal("0.001"));
        step.setLoad(StructsBinding.loadTest(load));
        step.setCredentialsId("serving-admin");
        return step;
    }

    @Test
    void shouldBindTheIssueExampleToCommandArgumentsWithoutTheToken() throws Exception {
        DeployRequest request = issueExample().toRequest();

        assertThat(request.load()).isEqualTo(new LoadSpec(500, 20, 10, 0.001));
        assertThat(request.credentialsId()).isEqualTo("serving-admin");
        assertThat(DeployRunner.arguments(request, new RegistrySettings("/srv/registry", "receipts", null)))
                .containsExactly(
                        "deploy",
                        "--model",
                        "receipts@champion",
                        "--registry",
                        "/srv/registry",
                        "--service",
                        "http://127.0.0.1:8080",
                        "--golden",
                        "ml/golden.jsonl",
                        "--rps",
                        "500",
                        "--seconds",
                        "20",
                        "--p99-ms",
                        "10",
                        "--max-error-rate",
                        "0.001",
                        "--admin-token-env",
                        "MLOPS_ADMIN_TOKEN",
                        "--metadata",
                        ".mlops/deploy-run-metadata.json");
    }

    @Test
    void shouldDeployAWorkspaceBundleToAFolderUnderTheDefaultName() throws Exception {
        DeployStep step = new DeployStep("model");
        step.setTarget("dir:/srv/receipts");

        assertThat(DeployRunner.arguments(step.toRequest(), new RegistrySettings("/srv/registry", "receipts", null)))
                .containsExactly(
                        "deploy",
                        "--model",
                        "model",
                        "--dir",
                        "/srv/receipts",
                        "--name",
                        "receipts",
                        "--metadata",
                        ".mlops/deploy-run-metadata.json");
    }

    @Test
    void shouldApplyLoadDefaultsOfTheCommand() {
        assertThat(ArgumentChecks.load(Map.of("rps", 30))).isEqualTo(new LoadSpec(30, 10, 50, 0.001));
        assertThat(ArgumentChecks.load(Map.of())).isNull();
        assertThat(ArgumentChecks.load((Map<String, Object>) null)).isNull();
    }

    @Test
    void shouldRejectBadLoadSettings() {
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 0)))
                .hasMessage("'load.rps' must be a whole number between 1 and 100000, got 0");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 10, "p99ms", 5)))
                .hasMessage("'load' keys are rps, seconds, p99Ms, maxErrorRate, got 'p99ms'");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("seconds", 5))).hasMessage("'load.rps' must be given");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 10, "maxErrorRate", 1.5)))
                .hasMessage("'load.maxErrorRate' must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 10, "p99Ms", 0)))
                .hasMessage("'load.p99Ms' must be > 0, got 0");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", "many")))
                .hasMessage("'load.rps' must be a number, got 'many'");
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 2.5)))
                .hasMessageContaining("'load.rps' must be a whole number");
    }

    @Test
    void shouldRefuseALoadTestLongerThanTheCommandAcceptsBeforeAnEngineStarts() {
        // issue 10: 900 s passed the step's own check (3,600) and then failed in the engine JVM (600)
        assertThatThrownBy(() -> ArgumentChecks.load(Map.of("rps", 10, "seconds", 900)))
                .hasMessage("'load.seconds' must be a whole number between 1 and " + LoadTestSpec.MAX_SECONDS
                        + ", got 900");
        assertThat(ArgumentChecks.load(Map.of("rps", 10, "seconds", LoadTestSpec.MAX_SECONDS))
                        .seconds())
                .isEqualTo(600);
        DeployStep step = new DeployStep("model");
        step.setTarget("http://127.0.0.1:8080");
        step.setSmoke("ml/golden.jsonl");
        LoadTest load = new LoadTest(10);
        load.setSeconds(900);
        step.setLoad(load);
        assertThatThrownBy(step::toRequest)
                .hasMessageContaining("'load.seconds' must be a whole number between 1 and 600");
    }

    @Test
    void shouldRefuseAServiceUrlWithUserInfoWithoutRepeatingTheSecret() {
        DeployStep step = new DeployStep("model");
        step.setTarget("http://admin:T0ken@127.0.0.1:8080");

        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[mlDeploy] 'target': service URL with user info (user:password@) refused")
                .hasMessageNotContaining("T0ken");
    }

    @Test
    void shouldRejectBadTargetsAndLoadWithoutGoldenRequests() {
        DeployStep step = new DeployStep("model");
        assertThatThrownBy(step::toRequest).hasMessage("[mlDeploy] 'target' must be given");
        step.setTarget("ftp://host");
        assertThatThrownBy(() -> step.start(null))
                .isInstanceOf(AbortException.class)
                .hasMessage(
                        "[mlDeploy] 'target' must be a service URL (http://host:port) or a folder (dir:/path), got 'ftp://host'");
        step.setTarget("dir:");
        assertThatThrownBy(step::toRequest).hasMessageContaining("'target' must be a service URL");
        step.setTarget("dir:out");
        step.setLoad(new LoadTest(5));
        assertThatThrownBy(step::toRequest)
                .hasMessage("[mlDeploy] 'load' needs 'smoke': the load test sends the golden requests");
        assertThatThrownBy(new DeployStep("")::toRequest).hasMessage("[mlDeploy] 'model' must be given");
    }

    @Test
    void shouldValidateSnippetGeneratorFields() {
        assertThat(new DeployStep.DescriptorImpl().getFunctionName()).isEqualTo("mlDeploy");
        assertThat(ArgumentChecks.target("https://serving:8443")).isEmpty();
        assertThat(ArgumentChecks.target("http://")).contains("'target' has no host: 'http://'");
    }
}
