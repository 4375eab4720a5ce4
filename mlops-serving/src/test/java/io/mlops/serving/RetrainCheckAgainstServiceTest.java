package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.ConditionStatus;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.demo.Receipt;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.retrain.RetrainCheck;
import io.mlops.engine.retrain.RetrainCheckRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retrain check reads live accuracy from a real prediction service on 127.0.0.1 and fires on decay. */
class RetrainCheckAgainstServiceTest {
    private static final RetrainPolicy POLICY =
            RetrainPolicy.builder().maxAccuracyDrop(0.05).minFeedback(100).build();

    @Test
    void shouldFireOnceEnoughFeedbackShowsTheAccuracyDecayed() throws Exception {
        Path bundle = TestModels.modelA();
        try (PredictionServer server = PredictionServer.start(ServingConfig.defaults(), TestModels.load(bundle))) {
            Http http = new Http(server.port());
            String url = "http://127.0.0.1:" + server.port();
            List<Receipt> later = new ReceiptsGenerator(11).generate(ReceiptsGenerator.Batch.SHIFTED, 200);

            sendWithFeedback(http, later.subList(0, 50));
            RetrainDecision early = check(bundle, url);
            sendWithFeedback(http, later.subList(50, 200));
            RetrainDecision decayed = check(bundle, url);

            RetrainCondition waiting = condition(early, ConditionKind.ACCURACY_DECAY);
            assertThat(waiting.status()).isEqualTo(ConditionStatus.INACTIVE);
            assertThat(waiting.reason()).isEqualTo("50 labelled events in the feedback window; at least 100 needed");
            RetrainCondition decay = condition(decayed, ConditionKind.ACCURACY_DECAY);
            assertThat(decay.fired()).isTrue();
            assertThat(decay.measured()).isLessThan(decay.threshold());
            assertThat(decay.detail()).endsWith("over 200 labelled events");
            assertThat(decayed.retrain()).isTrue();
            assertThat(condition(decayed, ConditionKind.DRIFT).values()).containsKeys("amount", "currency");
        }
    }

    private static RetrainDecision check(final Path bundle, final String url) {
        return new RetrainCheck(ProgressListener.NONE, bundle, Clock.systemUTC())
                .check(RetrainCheckRequest.builder("receipts@champion", bundle)
                        .service(url)
                        .policy(POLICY)
                        .build())
                .decision();
    }

    private static RetrainCondition condition(final RetrainDecision decision, final ConditionKind kind) {
        return decision.conditions().stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static void sendWithFeedback(final Http http, final List<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            ObjectNode input = Json.mapper().createObjectNode();
            input.put("description", receipt.description());
            input.put("amount", receipt.amount());
            input.put("currency", receipt.currency());
            input.put("country", receipt.country());
            input.put("payment_method", receipt.paymentMethod());
            String id =
                    http.post("/v1/predict", input.toString()).json().get("id").asText();
            http.post("/v1/feedback", "{\"id\":\"" + id + "\",\"label\":\"" + receipt.category() + "\"}");
        }
    }
}
