package io.mlops.serving.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.DeployStatus;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.serving.PredictionServer;
import io.mlops.serving.ServiceSettings;
import io.mlops.serving.ServingConfig;
import io.mlops.serving.TestModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying to a folder or a running service: checks, load tests, rollbacks, and what a release folder holds
 * (model, server, {@code config.json} and a {@code run.sh} that uses them).
 */
class DeployerTest {
    private static final String TAXI = "{\"input\": {\"description\": \"Taxi zum Flughafen\", \"amount\": 35.5, "
            + "\"currency\": \"EUR\", \"country\": \"DE\", \"payment_method\": \"card\"}, \"expected\": \"%s\"}\n";

    @TempDir
    Path dir;

    private Path golden(final String expected) throws Exception {
        return Files.writeString(dir.resolve("golden-" + expected + ".jsonl"), TAXI.formatted(expected));
    }

    private final List<String> log = new ArrayList<>();

    @Test
    void shouldDeployToAFolderAndSwitchTheCurrentLink() throws Exception {
        DirectoryTarget target = new DirectoryTarget(dir.resolve("deploy"), ServerRuntime.current());

        DeployResult result = new Deployer(log::add)
                .deploy(
                        new DeployRequest(
                                TestModels.modelA(),
                                "receipts",
                                "1",
                                golden("transport"),
                                new LoadTestSpec(40, 2, 10_000, 0.0)),
                        target);

        assertThat(result.status()).as(log.toString()).isEqualTo(DeployStatus.DEPLOYED);
        assertThat(result.golden().passed()).isEqualTo(1);
        assertThat(result.load().sent()).isEqualTo(80);
        assertThat(result.load().failed()).isZero();
        assertThat(result.load().p99Ms()).isPositive();
        Path current = target.current();
        assertThat(Files.isSymbolicLink(current)).isTrue();
        assertThat(current.resolve("model/model.tribuo")).isRegularFile();
        assertThat(current.resolve("run.sh")).content().contains("io.mlops.serving.ServeCommand");
        assertThat(Files.readSymbolicLink(current).toString()).startsWith("releases/receipts-1-");
        assertReleaseSettings(current, "1");
    }

    /** A release folder holds its service's settings, and its start script uses them and the service's JVM options. */
    private static void assertReleaseSettings(final Path release, final String version) throws Exception {
        ServiceSettings settings = ServiceSettings.read(release.resolve(ServiceSettings.FILE));
        assertThat(settings.name()).isEqualTo("receipts");
        assertThat(settings.version()).isEqualTo(version);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        String script = Files.readString(release.resolve("run.sh"));
        assertThat(script)
                .contains(
                        " --config " + ServiceSettings.FILE + " ",
                        " --model model ",
                        "exec java " + String.join(" ", ServerRuntime.JVM_OPTIONS) + " ");
        assertThat(ServerRuntime.JVM_OPTIONS).isNotEmpty().allSatisfy(option -> assertThat(script)
                .contains(option));
    }

    @Test
    void shouldRollTheFolderBackWhenAGoldenRequestFails() throws Exception {
        DirectoryTarget target = new DirectoryTarget(dir.resolve("deploy"), ServerRuntime.current());
        new Deployer(log::add)
                .deploy(new DeployRequest(TestModels.modelA(), "receipts", "1", golden("transport"), null), target);
        Path before = Files.readSymbolicLink(target.current());

        DeployResult result = new Deployer(log::add)
                .deploy(new DeployRequest(TestModels.modelB(), "receipts", "2", golden("meals"), null), target);

        assertThat(result.status()).isEqualTo(DeployStatus.ROLLED_BACK);
        assertThat(result.reasons())
                .singleElement()
                .asString()
                .startsWith(
                        "integration check failed: 1 of 1 golden requests wrong: line 1: expected 'meals', got 'transport'");
        assertThat(Files.readSymbolicLink(target.current())).isEqualTo(before);
        assertThat(log).contains("rolling back " + result.location());
        assertReleaseSettings(target.current(), "1");
        assertReleaseSettings(Path.of(result.location()), "2");
    }

    /**
     * With a prediction token, the folder's check server requires it and the golden check and load test send it:
     * before, the check server took the token from the environment and the check sent none, so every such deploy
     * rolled back.
     */
    @Test
    void shouldSendThePredictionTokenInTheChecksOfAFolderDeploy() throws Exception {
        DirectoryTarget target = new DirectoryTarget(dir.resolve("deploy"), ServerRuntime.current(), "predict-secret");

        DeployResult result = new Deployer(log::add)
                .deploy(
                        new DeployRequest(
                                TestModels.modelA(),
                                "receipts",
                                "1",
                                golden("transport"),
                                new LoadTestSpec(20, 1, 10_000, 0.0)),
                        target);

        assertThat(result.status()).as(log.toString()).isEqualTo(DeployStatus.DEPLOYED);
        assertThat(result.golden().passed()).isEqualTo(1);
        assertThat(result.load().failed()).isZero();
        assertThat(Files.readSymbolicLink(target.current()).toString()).startsWith("releases/receipts-1-");

        DeploymentTarget.Activation check = target.activate(TestModels.modelA(), "receipts", "2");
        try {
            String body = "{\"description\": \"Taxi zum Flughafen\", \"amount\": 35.5, \"currency\": \"EUR\", "
                    + "\"country\": \"DE\", \"payment_method\": \"card\"}";
            assertThat(post(check.endpoint(), body, null))
                    .as("without the token")
                    .isEqualTo(401);
            assertThat(post(check.endpoint(), body, "predict-secret"))
                    .as("with the token")
                    .isEqualTo(200);
        } finally {
            target.rollback(check);
        }
    }

    private static int post(final URI endpoint, final String body, final String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void shouldHotSwapARunningServiceAndRollBackWhenTheLoadTestFails() throws Exception {
        try (PredictionServer server = PredictionServer.start(
                ServingConfig.defaults().withTokens("admin-token", null), TestModels.load(TestModels.modelA()))) {
            ServiceTarget target = new ServiceTarget(
                    URI.create("http://127.0.0.1:" + server.port()), "admin-token", null, dir.resolve("stage"));

            DeployResult ok = new Deployer(log::add)
                    .deploy(
                            new DeployRequest(
                                    TestModels.modelB(),
                                    "receipts",
                                    "2",
                                    golden("transport"),
                                    new LoadTestSpec(40, 1, 10_000, 0.0)),
                            target);
            assertThat(ok.status()).as(log.toString()).isEqualTo(DeployStatus.DEPLOYED);
            assertThat(server.slot().current().version()).isEqualTo("2");

            // an impossible latency gate fails the load test, so the service returns to version 2
            DeployResult failed = new Deployer(log::add)
                    .deploy(
                            new DeployRequest(
                                    TestModels.modelA(),
                                    "receipts",
                                    "3",
                                    golden("transport"),
                                    new LoadTestSpec(40, 1, 0.000_001, 0.0)),
                            target);
            assertThat(failed.status()).isEqualTo(DeployStatus.ROLLED_BACK);
            assertThat(failed.reasons()).singleElement().asString().startsWith("load test failed: p99 latency ");
            assertThat(server.slot().current().version()).isEqualTo("2");
        }
    }

    @Test
    void shouldNameTheProblemWhenTheServiceRefusesTheToken() throws Exception {
        try (PredictionServer server = PredictionServer.start(
                ServingConfig.defaults().withTokens("admin-token", null), TestModels.load(TestModels.modelA()))) {
            ServiceTarget target = new ServiceTarget(
                    URI.create("http://127.0.0.1:" + server.port()), "not-the-token-xyz", null, dir.resolve("stage"));

            assertThatThrownBy(() -> new Deployer(log::add)
                            .deploy(new DeployRequest(TestModels.modelB(), "receipts", "2", null, null), target))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("http://127.0.0.1:" + server.port()
                            + "/v1/admin/swap: HTTP 401: missing or wrong bearer token")
                    .hasMessageNotContaining("not-the-token-xyz");
            try (var staged = Files.list(dir.resolve("stage"))) {
                assertThat(staged).as("a refused bundle is not left staged").isEmpty();
            }
            assertThat(server.slot().current().version()).isEqualTo("a");
        }
    }

    @Test
    void shouldRejectBadGoldenFilesAndLoadSpecsBeforeDeploying() throws Exception {
        Path bad =
                Files.writeString(dir.resolve("bad.jsonl"), "{\"input\": {}, \"expected\": \"x\"}\n{\"input\": 3}\n");
        DirectoryTarget target = new DirectoryTarget(dir.resolve("deploy"), ServerRuntime.current());

        assertThatThrownBy(() -> new Deployer(log::add)
                        .deploy(new DeployRequest(TestModels.modelA(), "r", "1", bad, null), target))
                .hasMessage(bad + " line 2: expected {\"input\": {...}, \"expected\": \"<label>\"}");
        assertThat(dir.resolve("deploy")).doesNotExist();
        assertThatThrownBy(() -> new LoadTestSpec(0, 1, 10, 0))
                .hasMessage("load test 'rps' must be from 1 to 100000, got 0");
        assertThatThrownBy(() -> new LoadTestSpec(10, 601, 10, 0))
                .hasMessage("load test 'seconds' must be from 1 to 600, got 601");
    }
}
