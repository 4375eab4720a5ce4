package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.metrics.MetricNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlRunActionTest {
    @TempDir
    Path buildDir;

    private void store(String json) throws Exception {
        new RunStore(buildDir.toFile()).write(RunStore.parse("test", json), json);
    }

    @Test
    void shouldLoadMetricsAndGatesLazilyFromItsOwnFile() throws Exception {
        MlRunAction action = new MlRunAction("mlEvaluate", "eval-1", null, buildDir.toFile());
        assertThat(action.isAvailable()).isFalse();

        MlRunAction fresh = new MlRunAction("mlEvaluate", "eval-1", null, buildDir.toFile());
        store(EngineDocuments.evaluate("eval-1", "UNSTABLE"));

        assertThat(fresh.isAvailable()).isTrue();
        assertThat(fresh.getKind()).isEqualTo("evaluate");
        assertThat(fresh.getGateOutcome()).isEqualTo("UNSTABLE");
        assertThat(fresh.getBuildResult()).isEqualTo("UNSTABLE");
        assertThat(fresh.getGates()).extracting(GateSummary::getStatus).containsExactly("PASSED", "UNSTABLE");
        assertThat(fresh.getGates()).extracting(GateSummary::getCriticality).containsExactly("FAILURE", "UNSTABLE");
        assertThat(fresh.getModelSha256()).hasSize(64);
        assertThat(fresh.getDisplayName()).isEqualTo("ML run eval-1");
        assertThat(fresh.getIconFileName()).isNull();
        assertThat(fresh.getUrlName()).isNull();
    }

    @Test
    void shouldShowEveryOverallMetricOfTheContractWeightedF1Included() throws Exception {
        store(EngineDocuments.train("t2"));

        MlRunAction action = new MlRunAction("mlTrain", "t2", null, buildDir.toFile());

        assertThat(action.getMetrics().keySet())
                .containsExactlyElementsOf(MetricNames.OVERALL)
                .contains("weightedF1");
        assertThat(action.getAlgorithm())
                .isEqualTo(action.getMetadata().orElseThrow().algorithm());
        assertThat(action.getGateOutcome()).isNull();
    }

    @Test
    void shouldShowTheDeploymentOfADeployRun() throws Exception {
        store(EngineDocuments.deploy("d1", false));

        DeploymentSummary deployment = new MlRunAction("mlDeploy", "d1", null, buildDir.toFile()).getDeployment();

        assertThat(deployment.getStatus()).isEqualTo("ROLLED_BACK");
        assertThat(deployment.isDeployed()).isFalse();
        assertThat(deployment.getName()).isEqualTo("receipts");
        assertThat(deployment.getVersion()).isEqualTo("4");
        assertThat(deployment.getGoldenTotal()).isEqualTo(1);
        assertThat(deployment.getGoldenPassed()).isZero();
        assertThat(deployment.getReasons()).singleElement().asString().contains("golden requests wrong");
    }

    @Test
    void shouldShowNothingWhenMetadataFileIsGone() throws Exception {
        store(EngineDocuments.train("t1"));
        Files.delete(buildDir.resolve("mlops/t1.json"));

        MlRunAction action = new MlRunAction("mlTrain", "t1", "mlops/t1/model", buildDir.toFile());

        assertThat(action.isAvailable()).isFalse();
        assertThat(action.getMetrics()).isEmpty();
        assertThat(action.getGates()).isEmpty();
        assertThat(action.getModelArtifact()).isEqualTo("mlops/t1/model");
    }
}
