package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 points 3 and 4: the service's limits, over HTTP on 127.0.0.1, each loop bounded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServiceLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "admin-secret";

    @TempDir
    Path dir;

    private static ServingConfig config(final ServiceLimits limits) {
        return ServingConfig.defaults().withTokens(TOKEN, null).withLimits(limits);
    }

    private static ServiceLimits limits(
            final Integer maxConnections, final Integer idleMillis, final Integer maxText, final Integer swapSeconds) {
        return new ServiceLimits(maxConnections, idleMillis, null, maxText, null, swapSeconds, null);
    }

    @Test
    void shouldCapTheErrorDetailAndCountTheProblems() throws Exception {
        try (PredictionServer server =
                PredictionServer.start(ServingConfig.defaults(), TestModels.load(TestModels.modelA()))) {
            StringBuilder body = new StringBuilder("{");
            for (int i = 0; i < 20_000; i++) {
                body.append("\"unknown").append(i).append("\":1,");
            }
            body.append("\"amount\":1}");

            Http.Answer answer = new Http(server.port()).post("/v1/predict", body.toString());

            assertThat(answer.status()).isEqualTo(400);
            JsonNode json = JSON.readTree(answer.body());
            assertThat(json.get("fields").size()).isEqualTo(20);
            assertThat(json.get("problems").asInt()).isEqualTo(20_000 + 4);
            assertThat(answer.body().length()).isLessThan(8_000);
        }
    }

    @Test
    void shouldRefuseATextLongerThanTheLimit() throws Exception {
        try (PredictionServer server =
                PredictionServer.start(config(limits(null, null, 100, null)), TestModels.load(TestModels.modelA()))) {
            String input = "{\"description\":\"" + "x".repeat(101) + "\",\"amount\":35.5,\"currency\":\"EUR\","
                    + "\"country\":\"DE\",\"payment_method\":\"card\"}";

            Http.Answer answer = new Http(server.port()).post("/v1/predict", input);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body())
                            .get("fields")
                            .get("description")
                            .asText())
                    .isEqualTo("text of 101 characters is longer than the limit of 100");
            assertThat(new Http(server.port())
                            .post("/v1/predict", input.replace("x".repeat(101), "x".repeat(100)))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldAbandonASwapThatLoadsTooLongAndNeverBlockRollback() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServedModel b = TestModels.load(TestModels.modelB());
        try (PredictionServer server = PredictionServer.start(
                config(limits(null, null, null, 2)), TestModels.load(TestModels.modelA()), (bundle, name, version) -> {
                    if (bundle.toString().endsWith("stuck")) {
                        try {
                            release.await();
                        } catch (InterruptedException exception) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return b;
                })) {
            Http http = new Http(server.port());
            assertThat(http.post("/v1/admin/swap", "{\"bundle\":\"b\"}", TOKEN).status())
                    .isEqualTo(200);

            CompletableFuture<Http.Answer> stuck =
                    CompletableFuture.supplyAsync(() -> http.post("/v1/admin/swap", "{\"bundle\":\"stuck\"}", TOKEN));
            long start = System.nanoTime();
            Http.Answer rollback = null;
            for (int i = 0; i < 50 && (rollback == null || rollback.status() != 200); i++) {
                Thread.sleep(20);
                rollback = http.post("/v1/admin/rollback", "{}", TOKEN);
            }
            assertThat(rollback.status()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_900);

            Http.Answer abandoned = stuck.get(30, TimeUnit.SECONDS);
            assertThat(abandoned.status()).isEqualTo(504);
            assertThat(JSON.readTree(abandoned.body()).get("error").asText())
                    .isEqualTo("swap abandoned: loading stuck took longer than 2 s (limits.swapTimeoutSeconds);"
                            + " still serving " + server.slot().current().name() + " "
                            + server.slot().current().version());
            release.countDown();
            assertThat(server.slot().current()).isNotSameAs(b);
        }
    }

    @Test
    void shouldRefuseAFifoAsTheBundleOfASwapAtOnce() throws Exception {
        Path bundle = dir.resolve("bundle");
        Files.createDirectories(bundle);
        for (String file : List.of("model.tribuo", "run-metadata.json", "checksums.sha256")) {
            Files.copy(TestModels.modelB().resolve(file), bundle.resolve(file));
        }
        Process mkfifo =
                new ProcessBuilder("mkfifo", bundle.resolve("bundle.json").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        try (PredictionServer server =
                PredictionServer.start(config(ServiceLimits.defaults()), TestModels.load(TestModels.modelA()))) {
            Http.Answer answer =
                    new Http(server.port()).post("/v1/admin/swap", "{\"bundle\":\"" + bundle + "\"}", TOKEN);

            assertThat(answer.status()).isEqualTo(422);
            assertThat(JSON.readTree(answer.body()).get("error").asText())
                    .isEqualTo(bundle.resolve("bundle.json")
                            + ": not a regular file (a FIFO, device or socket); expected a file");
        }
    }

    @Test
    void shouldCloseAConnectionThatTricklesItsHeaders() throws Exception {
        try (PredictionServer server = PredictionServer.start(
                        config(limits(null, 500, null, null)), TestModels.load(TestModels.modelA()));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /v1/health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();

            int read = readUntilClosed(socket.getInputStream());

            assertThat(read).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(9_000);
        }
    }

    /**
     * A client sending its request headers a byte at a time, each byte well within the idle timeout, is still cut
     * off once it falls below the minimum request data rate, while the service keeps answering others.
     */
    @Test
    void shouldCutOffAClientTricklingItsHeadersBelowTheMinimumDataRate() throws Exception {
        ServiceLimits slowest = new ServiceLimits(null, 2_000, 100, null, null, null, null);
        try (PredictionServer server = PredictionServer.start(config(slowest), TestModels.load(TestModels.modelA()));
                Socket trickler = new Socket("127.0.0.1", server.port())) {
            byte[] request = ("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(10_000))
                    .getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean cutOff = false;
            int sent = 0;
            // one byte every 200 ms: 5 bytes/s, far below 100 bytes/s, and never idle for 2 s
            while (!cutOff && sent < request.length && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
                try {
                    trickler.getOutputStream().write(request[sent++]);
                    trickler.getOutputStream().flush();
                } catch (IOException closedByTheServer) {
                    cutOff = true;
                }
                if (sent % 10 == 0) {
                    assertThat(new Http(server.port()).get("/v1/health").status())
                            .as("others are answered meanwhile")
                            .isEqualTo(200);
                }
                Thread.sleep(200);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(cutOff)
                    .as("cut off after %d bytes in %d ms", sent, millis)
                    .isTrue();
            assertThat(millis).isLessThan(15_000);
        }
    }

    @Test
    void shouldServeNoMoreConnectionsAtOnceThanTheLimit() throws Exception {
        try (PredictionServer server =
                PredictionServer.start(config(limits(3, 60_000, null, null)), TestModels.load(TestModels.modelA()))) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write("G".getBytes(StandardCharsets.US_ASCII));
                idle.add(socket);
            }
            Thread.sleep(300);
            try (Socket waiting = new Socket("127.0.0.1", server.port())) {
                waiting.setSoTimeout(1_000);
                waiting.getOutputStream()
                        .write("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                boolean answered;
                try {
                    answered = waiting.getInputStream().read() >= 0;
                } catch (SocketTimeoutException expected) {
                    answered = false;
                }
                assertThat(answered).as("answered beyond the connection limit").isFalse();

                for (Socket socket : idle) {
                    socket.close();
                }
                waiting.setSoTimeout(10_000);
                String head = new String(waiting.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(head).isEqualTo("HTTP/1.1 200");
            }
        }
    }

    private static int readUntilClosed(final InputStream in) throws IOException {
        int read;
        do {
            read = in.read();
        } while (read >= 0);
        return read;
    }
}
