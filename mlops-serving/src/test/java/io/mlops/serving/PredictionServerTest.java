package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PredictionServerTest {
    static final String TAXI = "{\"description\":\"Taxi zum Flughafen\",\"merchant\":null,\"amount\":35.5,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"card\"}";

    private PredictionServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(
                ServingConfig.defaults().withTokens("admin-secret", null), TestModels.load(TestModels.modelA()));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static String receipt(final String description, final double amount) {
        return "{\"description\":\"" + description + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"card\"}";
    }

    @Test
    void shouldBindToLoopbackByDefault() {
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldPredictOneExampleWithProbabilitiesAndAnId() {
        Http.Answer answer = http.post("/v1/predict", receipt("Taxi zum Flughafen", 35.5));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("label").asText()).isEqualTo("transport");
        assertThat(json.get("id").asText()).isNotBlank();
        double sum = 0;
        for (JsonNode p : json.get("probabilities")) {
            sum += p.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        assertThat(json.get("probabilities").size()).isEqualTo(6);
        assertThat(json.get("model").get("name").asText()).isEqualTo("receipts");
        assertThat(json.get("model").get("version").asText()).isEqualTo("a");
    }

    @Test
    void shouldPredictABatchWithDistinctIds() {
        Http.Answer answer = http.post(
                "/v1/predict",
                "{\"instances\":[" + receipt("Hotel Adler, 2 Nächte", 240) + ","
                        + receipt("Mittagessen mit Team (4 Pers.)", 60) + "]}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode predictions = answer.json().get("predictions");
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).get("label").asText()).isEqualTo("lodging");
        assertThat(predictions.get(1).get("label").asText()).isEqualTo("meals");
        assertThat(predictions.get(0).get("id").asText())
                .isNotEqualTo(predictions.get(1).get("id").asText());
    }

    @Test
    void shouldAnswerBadInputWith4xxNamingTheFields() {
        Http.Answer wrong = http.post("/v1/predict", "{\"description\":\"Taxi\",\"amount\":\"35\",\"colour\":\"red\"}");
        assertThat(wrong.status()).isEqualTo(400);
        JsonNode fields = wrong.json().get("fields");
        assertThat(fields.get("amount").asText()).isEqualTo("expected a number, got string");
        assertThat(fields.get("colour").asText()).startsWith("unknown field; expected only [description, amount");
        assertThat(fields.get("currency").asText()).isEqualTo("missing; expected a string");

        assertThat(http.post("/v1/predict", "{\"description\":").status()).isEqualTo(400);
        assertThat(http.post("/v1/predict", "{\"description\":")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("malformed JSON: ");
        assertThat(http.post("/v1/predict", "[1,2]").status()).isEqualTo(400);
        assertThat(http.post("/v1/predict", "{\"instances\":[]}").status()).isEqualTo(400);
        Http.Answer batchError =
                http.post("/v1/predict", "{\"instances\":[" + receipt("Taxi", 3) + ",{\"amount\":1}]}");
        assertThat(batchError.status()).isEqualTo(400);
        assertThat(batchError.json().get("instance").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/predict").status()).isEqualTo(405);
        assertThat(http.get("/nothing").status()).isEqualTo(404);
    }

    @Test
    void shouldRejectOversizedBodiesWith413() throws IOException {
        // the service answers from the declared length without reading the body, so a raw socket is used
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream()
                    .write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + (2 << 20) + "\r\n\r\n{\"description\":\"xxxx")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
        StringBuilder batch = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < 1001; i++) {
            batch.append(i == 0 ? "" : ",").append(receipt("Taxi", 3));
        }
        assertThat(http.post("/v1/predict", batch + "]}").status()).isEqualTo(413);
    }

    @Test
    void shouldReportHealthAndModel() {
        JsonNode health = http.get("/v1/health").json();
        assertThat(health.get("live").asBoolean()).isTrue();
        assertThat(health.get("ready").asBoolean()).isTrue();

        JsonNode model = http.get("/v1/model").json();
        assertThat(model.get("name").asText()).isEqualTo("receipts");
        assertThat(model.get("labels")).hasSize(6);
        assertThat(model.get("schema").get("label").asText()).isEqualTo("category");
        assertThat(model.get("trainingMetrics").get("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(model.get("sha256").asText()).hasSize(64);
    }

    @Test
    void shouldKeepARollingLiveAccuracyFromFeedback() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(http.post("/v1/predict", receipt("Taxi zum Flughafen", 30))
                    .json()
                    .get("id")
                    .asText());
        }
        http.post("/v1/feedback", "{\"id\":\"" + ids.get(0) + "\",\"label\":\"transport\"}");
        http.post("/v1/feedback", "{\"id\":\"" + ids.get(1) + "\",\"label\":\"transport\"}");
        Http.Answer answer = http.post(
                "/v1/feedback",
                "{\"feedback\":[{\"id\":\"" + ids.get(2) + "\",\"label\":\"transport\"},{\"id\":\"" + ids.get(3)
                        + "\",\"label\":\"meals\"}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("liveAccuracy").asDouble()).isEqualTo(0.75);
        assertThat(answer.json().get("window").asInt()).isEqualTo(4);
        String metrics = http.get("/metrics").body();
        assertThat(metrics)
                .contains(
                        "mlops_live_accuracy 0.75",
                        "mlops_feedback_total 4.0",
                        "mlops_live_recall{class=\"meals\"} 0.0",
                        "mlops_live_recall{class=\"transport\"} 1.0");
        assertThat(http.post("/v1/feedback", "{\"id\":\"nope-1\",\"label\":\"meals\"}")
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/v1/feedback", "{\"id\":3}").status()).isEqualTo(400);
    }

    @Test
    void shouldExposePrometheusMetrics() {
        http.post("/v1/predict", receipt("Taxi", 12));
        http.post("/v1/predict", "{}");

        Http.Answer answer = http.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "mlops_requests_total{endpoint=\"/v1/predict\",status=\"200\"} 1.0",
                        "mlops_requests_total{endpoint=\"/v1/predict\",status=\"400\"} 1.0",
                        "mlops_request_errors_total{endpoint=\"/v1/predict\"} 1.0",
                        "mlops_request_duration_seconds_bucket{endpoint=\"/v1/predict\",le=\"+Inf\"} 2",
                        "mlops_model_version{name=\"receipts\"");
    }

    @Test
    void shouldScoreDriftHigherForShiftedInputs() throws IOException {
        List<String> training = Files.readAllLines(TestModels.folder().resolve("receipts.csv"));
        for (int i = 1; i <= 200; i++) {
            String[] f = training.get(i).split(",");
            // amount, currency and country come from the training file, so the inputs match the training data
            http.post(
                    "/v1/predict",
                    "{\"description\":\"receipt\",\"amount\":" + f[f.length - 5] + ",\"currency\":\""
                            + f[f.length - 4] + "\",\"country\":\"" + f[f.length - 3] + "\",\"payment_method\":\""
                            + f[f.length - 2]
                            + "\"}");
        }
        double stable = score(http.get("/metrics").body());
        for (int i = 0; i < 200; i++) {
            http.post(
                    "/v1/predict",
                    "{\"description\":\"x\",\"amount\":9999,\"currency\":\"JPY\",\"country\":\"JP\","
                            + "\"payment_method\":\"crypto\"}");
        }
        double shifted = score(http.get("/metrics").body());

        assertThat(stable).isLessThan(0.25);
        assertThat(shifted).isGreaterThan(1.0);
    }

    private static double score(final String metrics) {
        return metrics.lines()
                .filter(l -> l.startsWith("mlops_input_drift_score "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
                .orElseThrow();
    }

    @Test
    void shouldNotAcceptConnectionsOnOtherAddresses() {
        assertThat(canConnect("127.0.0.1")).isTrue();
    }

    private boolean canConnect(final String host) {
        try (Socket socket = new Socket(host, server.port())) {
            return socket.isConnected();
        } catch (IOException exception) {
            return false;
        }
    }
}
