package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HotSwapTest {
    private static final String TOKEN = "admin-secret";
    private static final String INPUT = "{\"description\":\"Taxi zum Flughafen\",\"amount\":35.5,\"currency\":\"EUR\","
            + "\"country\":\"DE\",\"payment_method\":\"card\"}";

    private PredictionServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(
                ServingConfig.defaults().withTokens(TOKEN, null), TestModels.load(TestModels.modelA()));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String swapBody(final Path bundle, final String version) {
        return "{\"bundle\":\"" + bundle.toAbsolutePath() + "\",\"name\":\"receipts\",\"version\":\"" + version + "\"}";
    }

    @Test
    void shouldRequireTheAdminToken() {
        assertThat(http.post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"), "wrong")
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/v1/admin/rollback", "{}", "admin-secre").status())
                .isEqualTo(401);
        assertThat(http.get("/v1/model").json().get("version").asText()).isEqualTo("a");
    }

    @Test
    void shouldDisableAdminWithoutAToken() throws Exception {
        try (PredictionServer open =
                PredictionServer.start(ServingConfig.defaults(), TestModels.load(TestModels.modelA()))) {
            Http.Answer answer =
                    new Http(open.port()).post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"), "anything");
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("error").asText())
                    .isEqualTo("admin API disabled: start the service with an admin token");
        }
    }

    @Test
    void shouldRequireThePredictTokenWhenConfigured() throws Exception {
        try (PredictionServer closed = PredictionServer.start(
                ServingConfig.defaults().withTokens(null, "p-token"), TestModels.load(TestModels.modelA()))) {
            Http client = new Http(closed.port());
            assertThat(client.post("/v1/predict", INPUT).status()).isEqualTo(401);
            assertThat(client.post("/v1/predict", INPUT, "p-token").status()).isEqualTo(200);
            assertThat(client.get("/v1/health").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldNeverPrintTokens() {
        assertThat(ServingConfig.defaults()
                        .withTokens("admin-secret", "predict-secret")
                        .toString())
                .doesNotContain("admin-secret", "predict-secret");
    }

    @Test
    void shouldSwapAndRollBack() {
        Http.Answer swapped = http.post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"), TOKEN);

        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.json().get("previous").get("version").asText()).isEqualTo("a");
        assertThat(http.get("/v1/model").json().get("version").asText()).isEqualTo("b");
        assertThat(http.post("/v1/predict", INPUT)
                        .json()
                        .get("model")
                        .get("version")
                        .asText())
                .isEqualTo("b");

        Http.Answer rolledBack = http.post("/v1/admin/rollback", "{}", TOKEN);
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(http.get("/v1/model").json().get("version").asText()).isEqualTo("a");
        assertThat(http.get("/metrics").body())
                .contains(
                        "mlops_model_swaps_total{kind=\"swap\"} 1.0", "mlops_model_swaps_total{kind=\"rollback\"} 1.0");
    }

    @Test
    void shouldRefuseRollbackWithoutPreviousVersion() {
        Http.Answer answer = http.post("/v1/admin/rollback", "{}", TOKEN);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("error").asText()).isEqualTo("no previous model to roll back to");
    }

    @Test
    void shouldRefuseACorruptedBundleAndKeepServing() throws Exception {
        Path copy = Files.createTempDirectory("corrupt");
        for (String file : List.of("model.tribuo", "bundle.json", "run-metadata.json", "checksums.sha256")) {
            Files.copy(TestModels.modelB().resolve(file), copy.resolve(file));
        }
        byte[] bytes = Files.readAllBytes(copy.resolve("model.tribuo"));
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(copy.resolve("model.tribuo"), bytes);

        Http.Answer answer = http.post("/v1/admin/swap", swapBody(copy, "corrupt"), TOKEN);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("error").asText()).contains("checksum mismatch");
        assertThat(http.get("/v1/model").json().get("version").asText()).isEqualTo("a");
        assertThat(http.post("/v1/admin/swap", "{\"bundle\":\"/no/such/bundle\"}", TOKEN)
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/v1/admin/swap", "{}", TOKEN).status()).isEqualTo(400);
    }

    @Test
    void shouldLoseNoRequestWhileSwappingAndRollingBackUnderLoad() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            futures.add(clients.submit(() -> {
                Http client = new Http(server.port());
                while (running.get()) {
                    try {
                        Http.Answer answer = client.post("/v1/predict", INPUT);
                        if (answer.status() == 200) {
                            ok.incrementAndGet();
                            versions.add(
                                    answer.json().get("model").get("version").asText());
                        } else {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    } catch (RuntimeException exception) {
                        failures.add(exception.toString());
                    }
                }
            }));
        }
        Thread.sleep(500);
        Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            statuses.put(
                    "swap" + round,
                    http.post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"), TOKEN)
                            .status());
            Thread.sleep(200);
            statuses.put(
                    "rollback" + round,
                    http.post("/v1/admin/rollback", "{}", TOKEN).status());
            Thread.sleep(200);
        }
        running.set(false);
        for (Future<?> future : futures) {
            future.get();
        }
        clients.shutdown();

        assertThat(statuses.values()).containsOnly(200);
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isGreaterThan(100);
        assertThat(versions).containsExactlyInAnyOrder("a", "b");
        assertThat(http.get("/metrics").body())
                .contains("mlops_requests_total{endpoint=\"/v1/predict\",status=\"200\"} " + ok.get() + ".0");
    }

    @Test
    void shouldCountFeedbackOnlyForTheModelThatPredicted() {
        List<String> byA = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byA.add(http.post("/v1/predict", INPUT).json().get("id").asText());
        }
        for (int i = 0; i < 4; i++) {
            feedback(byA.get(i), "not-a-class");
        }
        assertThat(live()).isEqualTo(new Live(0.0, 4));

        assertThat(http.post("/v1/admin/swap", swapBody(TestModels.modelB(), "b"), TOKEN)
                        .status())
                .isEqualTo(200);
        // the new model starts with an empty window: no live accuracy, nothing for a decay check to fire on
        assertThat(live()).isEqualTo(new Live(null, 0));
        Http.Answer late = feedback(byA.get(4), "not-a-class");
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("window").asInt()).isZero();
        assertThat(live()).isEqualTo(new Live(null, 0));

        String byB = http.post("/v1/predict", INPUT).json().get("id").asText();
        String labelOfB = http.post("/v1/predict", INPUT).json().get("label").asText();
        feedback(byB, labelOfB);
        assertThat(live()).isEqualTo(new Live(1.0, 1));

        assertThat(http.post("/v1/admin/rollback", "{}", TOKEN).status()).isEqualTo(200);
        // the restored model's own window: its four events before the swap and the one that came late
        assertThat(live()).isEqualTo(new Live(0.0, 5));
    }

    private record Live(Double accuracy, int window) {}

    private Live live() {
        io.mlops.contract.serving.LiveMetrics metrics = io.mlops.contract.serving.LiveMetrics.read(
                "/metrics", http.get("/metrics").body());
        return new Live(metrics.liveAccuracy(), metrics.feedbackWindow());
    }

    private Http.Answer feedback(final String id, final String label) {
        return http.post("/v1/feedback", "{\"id\":\"" + id + "\",\"label\":\"" + label + "\"}");
    }
}
