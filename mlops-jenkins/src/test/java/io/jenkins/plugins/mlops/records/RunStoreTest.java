package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.gates.GateResult;
import io.mlops.contract.gates.GateStatus;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path buildDir;

    @Test
    void shouldStoreTheEnginesDocumentAsWrittenAndReadItBackTyped() throws Exception {
        RunStore store = new RunStore(buildDir.toFile());
        String json = EngineDocuments.evaluate("run-7", "FAILED");

        Path file = store.write(RunStore.parse("test", json), json);

        assertThat(file).isEqualTo(buildDir.resolve("mlops/run-7.json"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(json);
        RunMetadata read = store.read("run-7").orElseThrow();
        assertThat(read.schemaVersion()).isEqualTo(RunMetadataSchema.VERSION);
        assertThat(read.kind()).isEqualTo(RunKind.EVALUATE);
        assertThat(read.metrics().byName()).containsKeys("accuracy", "macroF1", "weightedF1");
        assertThat(read.gates().outcome()).isEqualTo(GateStatus.FAILED);
        assertThat(read.gates().results())
                .extracting(GateResult::expression, GateResult::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accuracy >= 0.0", GateStatus.PASSED),
                        org.assertj.core.groups.Tuple.tuple("macroF1 >= 1.01 (failure)", GateStatus.FAILED));
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
    void shouldRejectWhatIsNoRunMetadataOfAKnownVersionNamingTheSource() {
        assertThatThrownBy(() -> RunStore.parse("run.json", "{\"kind\":\"train\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(
                        "run.json: 'schemaVersion' must be a string such as \"" + RunMetadataSchema.VERSION + "\"");
        assertThatThrownBy(() -> RunStore.parse("run.json", "{\"schemaVersion\": 1, \"runId\": \"r\"}"))
                .hasMessageStartingWith("run.json: 'schemaVersion' must be a string");
        assertThatThrownBy(() -> RunStore.parse("run.json", "not json"))
                .hasMessageStartingWith("run.json: not a JSON document");
        assertThatThrownBy(() -> RunStore.parse("run.json", "{\"schemaVersion\": \"9.0\"}"))
                .hasMessageContaining("run metadata format 9.0 is not supported");
    }

    @Test
    void shouldSayWhichFileIsBrokenWhenReadingBack() throws Exception {
        Files.createDirectories(buildDir.resolve("mlops"));
        Files.writeString(buildDir.resolve("mlops/r1.json"), "{\"schemaVersion\": \"1.0\", \"runId\": \"r1\"}");

        assertThatThrownBy(() -> new RunStore(buildDir.toFile()).read("r1"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(buildDir.resolve("mlops/r1.json") + ": not valid run metadata 1.0");
    }
}
