package io.mlops.contract.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.Json;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reads a retrain-check document written by the real engine (its RetrainCheckTest refreshes the copy). */
class RetrainCheckDocumentTest {
    private static String engineDocument() throws IOException {
        try (InputStream in = RetrainCheckDocumentTest.class.getResourceAsStream("retrain-check.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadTheDecisionTheEngineWrites() throws IOException {
        RunMetadata metadata = new RunMetadataReader().read("retrain-check.json", engineDocument());

        assertThat(metadata.kind()).isEqualTo(RunKind.RETRAIN_CHECK);
        RetrainDecision decision = metadata.decision();
        assertThat(decision.retrain()).isTrue();
        assertThat(decision.conditions())
                .extracting(RetrainCondition::kind)
                .containsExactly(
                        ConditionKind.FORCED, ConditionKind.DATA_CHANGED, ConditionKind.DRIFT, ConditionKind.AGE);
        assertThat(decision.fired())
                .extracting(RetrainCondition::kind)
                .containsExactly(ConditionKind.FORCED, ConditionKind.DATA_CHANGED);
        RetrainCondition drift = decision.conditions().get(2);
        assertThat(drift.values()).containsOnlyKeys("amount", "country");
        assertThat(drift.threshold()).isEqualTo(Psi.USUAL_THRESHOLD);
        assertThat(decision.newData().added()).hasSize(1);
        assertThat(decision.newData().newRows()).isEqualTo(50);
        assertThat(decision.summary()).isEqualTo("retrain: forced, data-changed");
    }

    @Test
    void shouldWriteBackWhatItRead() throws IOException {
        RunMetadata metadata = new RunMetadataReader().read("retrain-check.json", engineDocument());

        String again = Json.pretty().writeValueAsString(metadata);

        assertThat(new RunMetadataReader().read("again", again)).isEqualTo(metadata);
        assertThat(Json.mapper().readTree(again)).isEqualTo(Json.mapper().readTree(engineDocument()));
    }
}
