package io.mlops.engine.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mlops.contract.MlopsException;
import io.mlops.contract.UnavailableException;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.ConditionStatus;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.TestData;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainCheckTest {
    @TempDir
    Path dir;

    private Path base;
    private Path incoming;
    private Path model;
    private RunMetadata training;

    @BeforeEach
    void trainOnTheBaseData() throws IOException {
        base = TestData.writeMixedCsv(dir.resolve("data/base.csv"), 300, 1);
        incoming = dir.resolve("data/incoming");
        Files.createDirectories(incoming);
        model = dir.resolve("model");
        training = new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(List.of(base.toString(), incoming + "/*.csv"))
                                .label("category")
                                .column("description", io.mlops.contract.data.ColumnType.TEXT)
                                .param("epochs", 2)
                                .output(model)
                                .build(),
                        List.of())
                .metadata();
        // data written by the test is older than the racy window, so the cache keeps it
        Files.setLastModifiedTime(base, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }

    private RetrainCheck check(final Clock clock) {
        return new RetrainCheck(ProgressListener.NONE, dir, clock);
    }

    private RetrainCheck check() {
        return check(Clock.systemUTC());
    }

    private RetrainCheckRequest.Builder request() {
        return RetrainCheckRequest.builder("model", model).cacheFile(dir.resolve(".mlops/data-scan.json"));
    }

    private static RetrainCondition only(final RetrainDecision decision, final ConditionKind kind) {
        return decision.conditions().stream()
                .filter(c -> c.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldFireOnAgeOnlyOnceTheModelIsOlderThanTheLimitByAFakeClock() {
        Instant trained = Instant.parse(training.finishedAt());
        RetrainPolicy policy = RetrainPolicy.builder().maxAgeDays(30).build();

        RetrainDecision young = check(Clock.fixed(trained.plus(Duration.ofDays(29)), ZoneOffset.UTC))
                .check(request().policy(policy).build())
                .decision();
        RetrainDecision old = check(Clock.fixed(trained.plus(Duration.ofDays(31)), ZoneOffset.UTC))
                .check(request().policy(policy).build())
                .decision();

        assertThat(young.retrain()).isFalse();
        assertThat(only(young, ConditionKind.AGE).measured()).isEqualTo(29.0);
        assertThat(old.retrain()).isTrue();
        assertThat(only(old, ConditionKind.AGE).detail()).startsWith("trained 31.0 days ago");
    }

    @Test
    void shouldFindNewFilesWithTheirRowsAndIgnoreATrickle() throws IOException {
        List<String> data = List.of(base.toString(), incoming + "/*.csv");
        RetrainDecision unchanged = check().check(request().data(data).build()).decision();
        Path batch = TestData.writeMixedCsv(incoming.resolve("2026-12-01.csv"), 80, 9);

        RetrainDecision added = check().check(request().data(data).build()).decision();
        RetrainDecision trickle = check().check(request()
                        .data(data)
                        .policy(RetrainPolicy.builder().minNewRows(100).build())
                        .build())
                .decision();

        assertThat(unchanged.retrain()).isFalse();
        assertThat(only(unchanged, ConditionKind.DATA_CHANGED).detail()).isEqualTo("training data unchanged (1 files)");
        assertThat(added.retrain()).isTrue();
        assertThat(added.newData().added()).containsExactly(new InputFile(batch.toString(), sha(batch), 80));
        assertThat(added.newData().newRows()).isEqualTo(80);
        assertThat(only(added, ConditionKind.DATA_CHANGED).measured()).isEqualTo(80.0);
        assertThat(trickle.retrain()).isFalse();
        assertThat(Files.readString(dir.resolve(".mlops/data-scan.json")))
                .contains(base.toAbsolutePath().toString(), sha(base));
    }

    @Test
    void shouldNoticeAChangedFileWhoseSizeStaysTheSame() throws IOException {
        List<String> data = List.of(base.toString());
        check().check(request().data(data).build());
        String text = Files.readString(base);
        Files.writeString(base, text.replace("DE", "FR"));
        Files.setLastModifiedTime(base, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));

        RetrainDecision decision = check().check(request().data(data).build()).decision();

        assertThat(decision.newData().changed()).extracting(InputFile::file).containsExactly(base.toString());
        assertThat(decision.newData().appendOnly()).isFalse();
        assertThat(decision.retrain()).isTrue();
    }

    @Test
    void shouldComputeDriftOfANewBatchOfflineAgainstTheTrainingHistograms() {
        Path similar = TestData.writeMixedCsv(dir.resolve("similar.csv"), 400, 5);
        Path shifted = TestData.write(dir.resolve("shifted.csv"), shiftedBatch(400));

        RetrainDecision stable =
                check().check(request().driftData(similar).build()).decision();
        RetrainDecision drifted =
                check().check(request().driftData(shifted).build()).decision();

        assertThat(only(stable, ConditionKind.DRIFT).status()).isEqualTo(ConditionStatus.NOT_FIRED);
        assertThat(only(stable, ConditionKind.DRIFT).measured()).isLessThan(0.1);
        RetrainCondition drift = only(drifted, ConditionKind.DRIFT);
        assertThat(drift.fired()).isTrue();
        assertThat(drift.values()).containsOnlyKeys("amount", "country");
        assertThat(drift.values().get("amount")).isGreaterThan(1.0);
        assertThat(drift.values().get("country")).isGreaterThan(1.0);
    }

    /** Amounts far above the training range, and a country the model never saw. */
    private static String shiftedBatch(final int rows) {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("description,amount,country\n");
        for (int i = 0; i < rows; i++) {
            csv.append("\"hotel night\",")
                    .append(String.format(Locale.ROOT, "%.2f", 900 + random.nextDouble() * 100))
                    .append(",JP\n");
        }
        return csv.toString();
    }

    @Test
    void shouldFailOnAnUnreachableServiceUnlessAskedToMakeItInactive() throws IOException {
        String service = "http://127.0.0.1:" + freePort();
        RetrainPolicy policy = RetrainPolicy.builder().accuracyBelow(0.9).build();

        assertThatThrownBy(() ->
                        check().check(request().service(service).policy(policy).build()))
                .isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith(service + "/metrics: prediction service unreachable: ");
        RetrainDecision inactive = check().check(request()
                        .service(service)
                        .policy(policy.toBuilder().maxAgeDays(365).build())
                        .unavailableAsInactive(true)
                        .build())
                .decision();

        assertThat(inactive.retrain()).isFalse();
        assertThat(inactive.inactive())
                .extracting(RetrainCondition::kind)
                .containsExactly(ConditionKind.ACCURACY_DECAY, ConditionKind.DRIFT);
        assertThat(only(inactive, ConditionKind.DRIFT).reason())
                .startsWith(service + "/metrics: prediction service unreachable");
        assertThat(inactive.summary()).isEqualTo("no retraining: 3 conditions checked, none fired (2 inactive)");
    }

    @Test
    void shouldFailOnMetricsThatAreNotAPredictionService() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThatThrownBy(() -> check().check(request().service(url).build()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage(url + "/metrics line 1: not a Prometheus sample (expected a metric name):"
                            + " <html>login</html>");
            assertThatThrownBy(
                            () -> check().check(request().service(url + "/gone").build()))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage(url + "/gone/metrics: prediction service answered HTTP 404, expected 200 with its"
                            + " metrics");
        } finally {
            server.stop(0);
        }
    }

    /**
     * With {@code -Dmlops.retrain.golden=FILE} the document is also written to FILE, which refreshes the copy the
     * contract's own test reads ({@code mlops-contract/src/test/resources/io/mlops/contract/retrain/retrain-check.json}).
     */
    @Test
    void shouldWriteASchemaValidRetrainCheckThatReadsBack() throws IOException {
        TestData.writeMixedCsv(incoming.resolve("2026-12-01.csv"), 50, 4);
        RetrainCheck.Result result = check().check(request()
                .data(List.of(base.toString(), incoming + "/*.csv"))
                .driftData(base)
                .policy(RetrainPolicy.builder().force(true).maxAgeDays(1).build())
                .build());
        String golden = System.getProperty("mlops.retrain.golden");
        if (golden != null) {
            Files.writeString(Path.of(golden), result.json());
        }

        RunMetadata read = new RunMetadataReader().read("check", result.json());
        assertThat(read.kind()).isEqualTo(RunKind.RETRAIN_CHECK);
        assertThat(read.decision()).isEqualTo(result.decision());
        assertThat(read.model().sha256()).isEqualTo(training.model().sha256());
        assertThat(MetadataWriter.violations(io.mlops.contract.Json.mapper().valueToTree(read)))
                .isEmpty();
        assertThat(result.decision().summary()).isEqualTo("retrain: forced, data-changed");
    }

    @Test
    void shouldRefuseToCheckNothingOrAFolderThatIsNoBundle() {
        assertThatThrownBy(() -> check().check(request().build()))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith("nothing to check: ");
        assertThatThrownBy(() -> check().check(RetrainCheckRequest.builder("x", dir.resolve("data"))
                        .policy(RetrainPolicy.builder().force(true).build())
                        .build()))
                .hasMessage(dir.resolve("data") + ": has no run-metadata.json: the model's training is not recorded,"
                        + " so nothing can be compared with it; train it again with mlops train");
    }

    private static String sha(final Path file) {
        return io.mlops.engine.io.Hashing.sha256(file);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
