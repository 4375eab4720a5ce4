package io.mlops.contract.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMetadataTest {
    private static RunMetadata.Builder evaluation() {
        return RunMetadata.builder(RunKind.EVALUATE)
                .runId("123e4567-e89b-12d3-a456-426614174000")
                .startedAt("2026-11-27T09:00:00Z")
                .finishedAt("2026-11-27T09:00:01Z")
                .model(new ModelInfo("model", "a".repeat(64), "b".repeat(64)))
                .durations(Map.of(RunMetadata.TOTAL_MILLIS, 1000L))
                .environment(new EnvironmentInfo("1.0", "17", "vendor", "4.3.2", "Linux", 2));
    }

    @Test
    void shouldNameTheMissingRequiredValue() {
        assertThatThrownBy(() -> evaluation().runId(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("runId == null");
        assertThatThrownBy(() -> evaluation().model(null).build()).hasMessage("model == null");
        assertThatThrownBy(() -> evaluation().environment(null).build()).hasMessage("environment == null");
        assertThatThrownBy(
                        () -> evaluation().durations(Map.of("loadMillis", 3L)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durations has no totalMillis: [loadMillis]");
        assertThatThrownBy(() -> evaluation().kind(RunKind.DEPLOY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a deploy run needs a deployment");
    }

    @Test
    void shouldStartNewDocumentsInTheCurrentVersion() {
        assertThat(evaluation().build().schemaVersion()).isEqualTo(RunMetadataSchema.VERSION);
    }

    @Test
    void shouldCopyEveryValueWithToBuilder() {
        RunMetadata metadata = evaluation().seed(7L).algorithm("logistic").build();

        assertThat(metadata.toBuilder().build()).isEqualTo(metadata).hasSameHashCodeAs(metadata);
        assertThat(metadata.toBuilder().seed(8L).build()).isNotEqualTo(metadata);
    }

    @Test
    void shouldReadWhatItWrites() throws Exception {
        RunMetadata metadata = evaluation().build();
        String json = Json.pretty().writeValueAsString(metadata);

        assertThat(json).contains("\"kind\" : \"evaluate\"").doesNotContain("\"gates\"");
        assertThat(new RunMetadataReader().read("run.json", json)).isEqualTo(metadata);
    }

    @Test
    void shouldIgnoreFieldsOfALaterMinorVersion() throws Exception {
        String json = Json.pretty()
                .writeValueAsString(evaluation().build())
                .replace("\"schemaVersion\" : \"1.1\"", "\"schemaVersion\" : \"1.7\", \"addedLater\" : {\"x\" : 1}");

        RunMetadata read = new RunMetadataReader().read("run.json", json);

        assertThat(read.schemaVersion()).isEqualTo("1.7");
        assertThat(read.runId()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    }

    @Test
    void shouldRejectDocumentsItCannotReadWithTheSourceInTheMessage() {
        RunMetadataReader reader = new RunMetadataReader();

        assertThatThrownBy(() -> reader.read("a.json", "{\"schemaVersion\": 1}"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("a.json: 'schemaVersion' must be a string such as \"1.1\", got 1");
        assertThatThrownBy(() -> reader.read("b.json", "{\"schemaVersion\": \"2.0\"}"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("b.json: run metadata format 2.0 is not supported; this mlops reads 1.x");
        assertThatThrownBy(() -> reader.read("c.json", "{\"schemaVersion\": \"1.0\", \"kind\": \"train\"}"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("c.json: not valid run metadata 1.0: runId == null");
        assertThatThrownBy(() -> reader.read("d.json", "[1]"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("d.json: run metadata must be a JSON object");
        assertThatThrownBy(() -> reader.read("e.json", "{"))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith("e.json: not a JSON document: ");
    }

    @Test
    void shouldShipTheSchemaOnTheClassPath() throws Exception {
        try (var in = RunMetadataSchema.open()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"schemaVersion\": {\"enum\": [\"1.0\", \"" + RunMetadataSchema.VERSION + "\"]}");
        }
    }

    @Test
    void shouldReadARetrainCheckWithItsDecision() throws Exception {
        var decision = io.mlops.contract.retrain.RetrainDecision.builder()
                .model("receipts@champion")
                .trainedAt("2026-11-01T09:00:00Z")
                .conditions(java.util.List.of(
                        io.mlops.contract.retrain.RetrainRules.forced(),
                        io.mlops.contract.retrain.RetrainRules.inactive(
                                io.mlops.contract.retrain.ConditionKind.DRIFT, "no batch")))
                .newData(io.mlops.contract.retrain.DataChange.builder()
                        .newRows(10)
                        .added(java.util.List.of(new io.mlops.contract.data.InputFile("b.csv", "c".repeat(64), 10)))
                        .build())
                .build();
        RunMetadata metadata =
                evaluation().kind(RunKind.RETRAIN_CHECK).decision(decision).build();
        String json = Json.pretty().writeValueAsString(metadata);

        assertThat(json).contains("\"kind\" : \"retrain-check\"", "\"retrain\" : true", "\"kind\" : \"forced\"");
        RunMetadata read = new RunMetadataReader().read("check.json", json);
        assertThat(read).isEqualTo(metadata);
        assertThat(read.decision().retrain()).isTrue();
        assertThatThrownBy(() -> evaluation().kind(RunKind.RETRAIN_CHECK).build())
                .hasMessage("a retrain-check run needs a decision");
    }

    @Test
    void shouldGiveTheOneFileOfAFormat10FingerprintAsItsInputs() {
        String json = "{\"schemaVersion\": \"1.0\", \"runId\": \"123e4567-e89b-12d3-a456-426614174000\","
                + " \"kind\": \"evaluate\", \"startedAt\": \"2026-11-27T09:00:00Z\","
                + " \"finishedAt\": \"2026-11-27T09:00:01Z\","
                + " \"model\": {\"path\": \"m\", \"sha256\": \"" + "a".repeat(64) + "\", \"fingerprint\": \""
                + "b".repeat(64) + "\"}, \"durations\": {\"totalMillis\": 1},"
                + " \"environment\": {\"mlops\": \"1\", \"java\": \"17\", \"tribuo\": \"4\", \"os\": \"L\"},"
                + " \"data\": {\"test\": {\"file\": \"t.csv\", \"sha256\": \"" + "c".repeat(64)
                + "\", \"rows\": 12, \"columns\": {}}}}";

        RunMetadata read = new RunMetadataReader().read("old.json", json);

        assertThat(read.data().get(RunMetadata.TEST_DATA).inputs())
                .containsExactly(new io.mlops.contract.data.InputFile("t.csv", "c".repeat(64), 12));
    }
}
