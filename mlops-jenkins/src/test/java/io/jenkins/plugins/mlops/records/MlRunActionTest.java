package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlRunActionTest {
    @TempDir
    Path buildDir;

    @Test
    void shouldLoadMetricsAndGatesLazilyFromItsOwnFile() throws Exception {
        MlRunAction action = new MlRunAction("mlEvaluate", "eval-1", null, buildDir.toFile());
        assertThat(action.isAvailable()).isFalse();

        MlRunAction fresh = new MlRunAction("mlEvaluate", "eval-1", null, buildDir.toFile());
        new RunStore(buildDir.toFile())
                .write(RunMetadata.parse(MetadataSamples.evaluate("eval-1", "UNSTABLE", "UNSTABLE")));

        assertThat(fresh.isAvailable()).isTrue();
        assertThat(fresh.getKind()).isEqualTo("evaluate");
        assertThat(fresh.getMetrics()).containsEntry("macroF1", 0.81);
        assertThat(fresh.getGateOutcome()).isEqualTo("UNSTABLE");
        assertThat(fresh.getGates()).extracting(GateResult::getStatus).containsExactly("PASSED", "UNSTABLE");
        assertThat(fresh.getModelSha256()).isEqualTo("ab12");
        assertThat(fresh.getDisplayName()).isEqualTo("ML run eval-1");
        assertThat(fresh.getIconFileName()).isNull();
        assertThat(fresh.getUrlName()).isNull();
    }

    @Test
    void shouldShowNothingWhenMetadataFileIsGone() throws Exception {
        new RunStore(buildDir.toFile()).write(RunMetadata.parse(MetadataSamples.train("t1")));
        Files.delete(buildDir.resolve("mlops/t1.json"));

        MlRunAction action = new MlRunAction("mlTrain", "t1", "mlops/t1/model", buildDir.toFile());

        assertThat(action.isAvailable()).isFalse();
        assertThat(action.getMetrics()).isEmpty();
        assertThat(action.getGates()).isEmpty();
        assertThat(action.getModelArtifact()).isEqualTo("mlops/t1/model");
    }
}
