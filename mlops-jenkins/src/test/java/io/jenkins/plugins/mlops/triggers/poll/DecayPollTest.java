package io.jenkins.plugins.mlops.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.contract.serving.LiveMetrics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-decay decision over a service's /metrics on 127.0.0.1 and a real state file. */
class DecayPollTest {
    @TempDir
    Path jobFolder;

    private HttpServer server;
    private URI service;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String version = "v1";
    private volatile double accuracy = 0.93;
    private volatile int window = 150;
    private volatile double psi = 0.05;
    private volatile int status = 200;

    @BeforeEach
    void startService() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "none" : authorization);
            byte[] body = metrics().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        service = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The service's metrics as mlops serve writes them (Prometheus text). */
    private String metrics() {
        return String.format(
                Locale.ROOT,
                "# TYPE mlops_live_accuracy gauge%n"
                        + "mlops_live_accuracy %s%n"
                        + "# TYPE mlops_live_feedback_window gauge%n"
                        + "mlops_live_feedback_window %d.0%n"
                        + "# TYPE mlops_input_drift_psi gauge%n"
                        + "mlops_input_drift_psi{feature=\"amount\"} %s%n"
                        + "mlops_input_drift_psi{feature=\"country\"} 0.01%n"
                        + "# TYPE mlops_model_version gauge%n"
                        + "mlops_model_version{name=\"receipts\",sha256=\"c75e\",version=\"%s\"} 1.0%n",
                accuracy,
                window,
                psi,
                version);
    }

    private StateFile state() {
        return new StateFile(jobFolder.resolve("mlops-triggers/mlModelDecay.properties"));
    }

    private PollResult poll(RetrainPolicy policy, boolean drift) throws Exception {
        StateFile state = state();
        LiveMetrics live = new MetricsProbe(HttpSource.standard()).read(service, "Bearer metrics-token");
        PollResult result = DecayPoll.check(state.load(), service.toString(), live, policy, drift);
        state.save(result.next());
        return result;
    }

    private static RetrainPolicy accuracyBelow(double threshold) {
        return RetrainPolicy.builder().accuracyBelow(threshold).minFeedback(100).build();
    }

    @Test
    void shouldStartNoBuildWhileTheModelIsHealthy() throws Exception {
        PollResult result = poll(accuracyBelow(0.85), false);

        assertThat(result.outcome()).isEqualTo(PollOutcome.NO_CHANGE);
        assertThat(result.message())
                .isEqualTo("receipts v1 at " + service + ": live accuracy 0.9300 >= 0.8500 over 150 labelled events");
        assertThat(authorizations).containsExactly("Bearer metrics-token");
    }

    @Test
    void shouldFireOnceWhenLiveAccuracyFallsAndNotAgainAfterARestart() throws Exception {
        poll(accuracyBelow(0.85), false);
        accuracy = 0.76;

        PollResult decayed = poll(accuracyBelow(0.85), false);
        assertThat(decayed.fires()).isTrue();
        assertThat(decayed.message())
                .isEqualTo("receipts v1 at " + service + ": live accuracy 0.7600 < 0.8500 over 150 labelled events");

        // the next poll, or the first after a restart, reads the saved state: the decay was seen
        PollResult again = poll(accuracyBelow(0.85), false);
        assertThat(again.outcome()).isEqualTo(PollOutcome.NO_CHANGE);
        assertThat(again.message()).endsWith("(decay already seen; build started before)");

        // a newly deployed model that decays too is a new decay
        version = "v2";
        assertThat(poll(accuracyBelow(0.85), false).fires()).isTrue();
    }

    @Test
    void shouldNotJudgeAccuracyBeforeEnoughFeedbackArrived() throws Exception {
        accuracy = 0.5;
        window = 20;

        PollResult result = poll(accuracyBelow(0.85), false);

        assertThat(result.outcome()).isEqualTo(PollOutcome.NO_CHANGE);
        assertThat(result.message()).contains("not checked: 20 labelled events in the feedback window; at least 100");
    }

    @Test
    void shouldFireWhenAFeatureDrifts() throws Exception {
        psi = 0.31;

        PollResult result =
                poll(RetrainPolicy.builder().driftAbove(0.2).minFeedback(100).build(), true);

        assertThat(result.fires()).isTrue();
        assertThat(result.message()).contains("largest PSI 0.3100 (amount) > 0.2000");
    }

    @Test
    void shouldNameTheServiceWhenItRefusesOrIsNoMlopsService() {
        status = 401;
        assertThatThrownBy(() -> poll(accuracyBelow(0.85), false))
                .isInstanceOf(PollException.class)
                .hasMessage("GET " + service + "/metrics answered HTTP 401 (check the credentials of credentialsId)")
                .hasMessageNotContaining("metrics-token");

        status = 200;
        server.removeContext("/metrics");
        server.createContext("/metrics", exchange -> {
            byte[] body = "# nothing of mlops\nup 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        assertThatThrownBy(() -> poll(accuracyBelow(0.85), false))
                .isInstanceOf(PollException.class)
                .hasMessageContaining(service + "/metrics: not the metrics of an mlops prediction service");
    }
}
