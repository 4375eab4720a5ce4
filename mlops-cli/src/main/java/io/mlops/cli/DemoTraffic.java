package io.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.serving.LiveMetrics;
import io.mlops.contract.serving.ServiceMetricNames;
import io.mlops.engine.demo.Receipt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The demo's users of the prediction service: they send receipts for prediction in batches and, once the receipts
 * are booked, the true categories as feedback; and they read the service's live metrics.
 */
final class DemoTraffic {
    private static final int BATCH = 100;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    DemoTraffic(final String base) {
        this.base = base;
    }

    /**
     * Predicts each receipt and sends its true category as feedback.
     *
     * @param receipts the receipts, with their true categories
     * @return how many predictions were right
     */
    int predictWithFeedback(final List<Receipt> receipts) {
        int correct = 0;
        for (int from = 0; from < receipts.size(); from += BATCH) {
            List<Receipt> batch = receipts.subList(from, Math.min(receipts.size(), from + BATCH));
            ObjectNode request = Json.mapper().createObjectNode();
            ArrayNode instances = request.putArray("instances");
            for (Receipt receipt : batch) {
                ObjectNode input = instances.addObject();
                input.put("description", receipt.description());
                input.put("amount", receipt.amount());
                input.put("currency", receipt.currency());
                input.put("country", receipt.country());
                input.put("payment_method", receipt.paymentMethod());
            }
            JsonNode predictions = post("/v1/predict", request).get("predictions");
            ObjectNode feedback = Json.mapper().createObjectNode();
            ArrayNode events = feedback.putArray("feedback");
            for (int i = 0; i < batch.size(); i++) {
                JsonNode prediction = predictions.get(i);
                correct += prediction.get("label").asText().equals(batch.get(i).category()) ? 1 : 0;
                events.addObject()
                        .put("id", prediction.get("id").asText())
                        .put("label", batch.get(i).category());
            }
            post("/v1/feedback", feedback);
        }
        return correct;
    }

    /** @return the service's live metrics */
    LiveMetrics metrics() {
        String uri = base + ServiceMetricNames.PATH;
        return LiveMetrics.read(
                uri, send(HttpRequest.newBuilder(URI.create(uri)).GET().build()));
    }

    private JsonNode post(final String path, final JsonNode body) {
        String text = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        try {
            return Json.mapper().readTree(text);
        } catch (IOException exception) {
            throw new MlopsException(base + path + ": not JSON: " + exception.getMessage(), exception);
        }
    }

    private String send(final HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MlopsException(request.uri() + ": HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException exception) {
            throw new MlopsException(request.uri() + ": " + exception.getMessage(), exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new MlopsException(request.uri() + ": interrupted", exception);
        }
    }
}
