package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.contract.serving.LiveMetrics;
import io.mlops.engine.demo.Receipt;
import io.mlops.engine.demo.ReceiptsGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract's {@link LiveMetrics} reads the {@code /metrics} document the real service writes. With
 * {@code -Dmlops.metrics.golden=FILE} the scraped document is also written to FILE, which refreshes the copy the
 * contract's own test reads ({@code mlops-contract/src/test/resources/io/mlops/contract/serving/service-metrics.txt}).
 */
class LiveMetricsRoundTripTest {
    @Test
    void shouldReadWhatTheRunningServiceWrites() throws Exception {
        ServedModel model = new ModelLoader(200).load(TestModels.modelA(), "receipts", "v1");
        try (PredictionServer server = PredictionServer.start(ServingConfig.defaults(), model)) {
            Http http = new Http(server.port());
            List<Receipt> batch = new ReceiptsGenerator(7).generate(ReceiptsGenerator.Batch.SHIFTED, 150);
            int correct = 0;
            for (Receipt receipt : batch) {
                ObjectNode input = Json.mapper().createObjectNode();
                input.put("description", receipt.description());
                input.put("amount", receipt.amount());
                input.put("currency", receipt.currency());
                input.put("country", receipt.country());
                input.put("payment_method", receipt.paymentMethod());
                var prediction = http.post("/v1/predict", input.toString()).json();
                correct += prediction.get("label").asText().equals(receipt.category()) ? 1 : 0;
                http.post(
                        "/v1/feedback",
                        "{\"id\":\"" + prediction.get("id").asText() + "\",\"label\":\"" + receipt.category() + "\"}");
            }
            String document = http.get("/metrics").body();
            String golden = System.getProperty("mlops.metrics.golden");
            if (golden != null) {
                Files.writeString(Path.of(golden), document);
            }

            LiveMetrics metrics = LiveMetrics.read("service", document);

            assertThat(metrics.modelName()).isEqualTo("receipts");
            assertThat(metrics.modelVersion()).isEqualTo("v1");
            assertThat(metrics.modelSha256())
                    .isEqualTo(model.bundle().manifest().modelSha256());
            assertThat(metrics.feedbackWindow()).isEqualTo(150);
            assertThat(metrics.feedbackTotal()).isEqualTo(150);
            assertThat(metrics.liveAccuracy()).isCloseTo(correct / 150.0, within(1e-9));
            assertThat(metrics.liveRecall()).isNotEmpty();
            assertThat(metrics.driftPsi()).containsKeys("amount", "currency", "country");
            assertThat(metrics.driftScore()).isEqualTo(model.drift().score(), within(1e-9));
        }
    }
}
