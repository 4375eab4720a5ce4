package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path buildDir;

    @Test
    void shouldWriteMetadataIntoBuildFolderAndReadItBack() throws Exception {
        RunStore store = new RunStore(buildDir.toFile());

        Path file = store.write(RunMetadata.parse(MetadataSamples.evaluate("run-7", "FAILED", "FAILED")));

        assertThat(file).isEqualTo(buildDir.resolve("mlops/run-7.json"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"runId\" : \"run-7\"");
        RunMetadata read = store.read("run-7").orElseThrow();
        assertThat(read.getKind()).isEqualTo("evaluate");
        assertThat(read.getMetrics())
                .containsExactly(Map.entry("accuracy", 0.92), Map.entry("macroF1", 0.81), Map.entry("logLoss", 0.3));
        assertThat(read.getGateOutcome()).isEqualTo("FAILED");
        assertThat(read.getGates())
                .extracting(GateResult::getExpression, GateResult::getActual, GateResult::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accuracy >= 0.90", 0.92, "PASSED"),
                        org.assertj.core.groups.Tuple.tuple("macroF1 >= 0.85", 0.81, "FAILED"));
    }

    @Test
    void shouldReportMissingRunAsEmpty() throws Exception {
        assertThat(new RunStore(buildDir.toFile()).read("nope")).isEmpty();
    }

    @Test
    void shouldKeepRunIdsFromEscapingTheFolder() {
        assertThat(RunStore.safeName("../../etc/passwd")).isEqualTo("_.._.._etc_passwd");
        assertThat(RunStore.safeName("2026-11-27T09:00:00Z-ab12")).isEqualTo("2026-11-27T09_00_00Z-ab12");
        assertThat(new RunStore(buildDir.toFile()).file("a/b")).isEqualTo(buildDir.resolve("mlops/a_b.json"));
    }

    @Test
    void shouldExposeWholeDocumentAsPlainMaps() {
        Map<String, Object> map = RunMetadata.parse(MetadataSamples.train("r1")).toMap();

        assertThat(map).containsEntry("runId", "r1").containsEntry("seed", 42);
        assertThat(map.get("metrics")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) map.get("metrics");
        assertThat(metrics.get("confusionMatrix")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) metrics.get("confusionMatrix")).get("labels")).isEqualTo(List.of("food", "travel"));
        assertThat(metrics).containsEntry("accuracy", 0.93);
    }

    @Test
    void shouldRejectDocumentWithoutRunId() {
        assertThatThrownBy(() -> RunMetadata.parse("{\"kind\":\"train\"}")).hasMessage("run metadata has no 'runId'");
        assertThatThrownBy(() -> RunMetadata.parse("not json"))
                .hasMessageStartingWith("run metadata is not a JSON object");
    }
}
