package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code mlDataChanged} in a Declarative Pipeline on the real Jenkins: the trigger's poll is run through the
 * script console (its cron spec is once a year, so cron never interferes). A change of the watched folder
 * starts a build with the trigger's cause; no change starts none; a restart starts none, and the first poll
 * after it compares with the state saved before it. Runs after {@link RestartIT}, since it restarts Jenkins.
 */
@Order(6)
@ExtendWith(MlopsJenkinsExtension.class)
class TriggersIT {
    private static final String JOB = "retrain-on-new-data";
    private static final String TRIGGER_CLASS = "io.jenkins.plugins.mlops.triggers.DataChangedTrigger";
    private static MlopsJenkins jenkins;
    private static Path data;

    @BeforeAll
    static void createTheJob(MlopsJenkins started) throws Exception {
        jenkins = started;
        data = jenkins.work().resolve("trigger-data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("receipts-1.csv"), "amount,category\n1,food\n", StandardCharsets.UTF_8);
        String script = String.join(
                "\n",
                "pipeline {",
                "  agent none",
                "  triggers { mlDataChanged(spec: 'H H(0-1) 1 1 *', path: '" + data + "/*.csv') }",
                "  stages { stage('retrain') { steps { echo 'retraining on the new data' } } }",
                "}");
        jenkins.createBuiltInJob(JOB, new PipelineJob(script));
        // Declarative registers its triggers when the Pipeline first runs
        FinishedBuild first = jenkins.run(JOB, Map.of());
        assertThat(first.result()).as("%s", first).isEqualTo("SUCCESS");
    }

    private static String poll() {
        return poll(JOB, TRIGGER_CLASS);
    }

    private static String poll(String job, String triggerClass) {
        return jenkins.client()
                .script("def job = jenkins.model.Jenkins.get().getItemByFullName('" + job + "')\n"
                        + "def trigger = job.triggers.values().find { it.class.name == '" + triggerClass + "' }\n"
                        + "print(trigger.pollNow())");
    }

    private static int lastBuild() {
        return lastBuild(JOB);
    }

    private static int lastBuild(String job) {
        return jenkins.client()
                .json("job/" + job + "/", "tree=lastBuild[number]")
                .path("lastBuild")
                .path("number")
                .asInt();
    }

    /** Waits until the trigger's queued build has left the queue and started, then until it has finished. */
    private static FinishedBuild queuedBuild(String job, int number) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (lastBuild(job) < number) {
            assertThat(System.nanoTime())
                    .as("build %d of %s started", number, job)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
        return jenkins.finished(job, number, Duration.ofMinutes(3));
    }

    private static List<String> causes(FinishedBuild build) {
        List<String> causes = new ArrayList<>();
        for (JsonNode action : build.json().path("actions")) {
            for (JsonNode cause : action.path("causes")) {
                causes.add(cause.path("shortDescription").asText());
            }
        }
        return causes;
    }

    @Test
    @Order(1)
    void shouldRememberTheFolderOnTheFirstPollAndStartNoBuild() {
        assertThat(poll()).isEqualTo("BASELINE");
        assertThat(poll()).isEqualTo("NO_CHANGE");

        assertThat(lastBuild()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldStartABuildWithTheTriggersCauseWhenANewFileArrives() throws Exception {
        Files.writeString(data.resolve("receipts-2.csv"), "amount,category\n2,fuel\n", StandardCharsets.UTF_8);

        assertThat(poll()).isEqualTo("CHANGED");

        FinishedBuild build = queuedBuild(JOB, 2);
        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(causes(build))
                .containsExactly("Started by mlDataChanged: 1 new (receipts-2.csv) in " + data + "/*.csv");
        assertThat(jenkins.client().getText("job/" + JOB + "/mlDataChanged-polls/"))
                .contains("CHANGED", "receipts-2.csv", "BASELINE");
    }

    @Test
    @Order(3)
    void shouldKeepTheStateWhenDeclarativeRewritesTheTrigger() {
        // build 2 ran the Declarative triggers block again: a new trigger instance, the same state file
        assertThat(poll()).isEqualTo("NO_CHANGE");
        assertThat(lastBuild()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void shouldStartNoBuildOnARestartAndCompareWithTheSavedStateAfterIt() throws Exception {
        assertThat(jenkins.controller().home().resolve("jobs/" + JOB + "/mlops-triggers/mlDataChanged.properties"))
                .exists();

        jenkins.restart();
        Thread.sleep(10_000);

        assertThat(jenkins.client().json("queue/", "tree=items[task[name]]").path("items"))
                .isEmpty();
        assertThat(lastBuild()).isEqualTo(2);
        assertThat(poll()).isEqualTo("NO_CHANGE");
        assertThat(lastBuild()).isEqualTo(2);
    }

    /** A prediction service's /metrics as mlops serve writes it, on 127.0.0.1 in the test's JVM. */
    private static HttpServer metricsService(AtomicReference<String> accuracy) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = ("mlops_live_accuracy " + accuracy.get() + "\n"
                            + "mlops_live_feedback_window 150.0\n"
                            + "mlops_model_version{name=\"receipts\",sha256=\"c75e\",version=\"v1\"} 1.0\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    @Order(5)
    void shouldStartOneBuildWhenTheServedModelDecaysInAScriptedPipeline() throws Exception {
        AtomicReference<String> accuracy = new AtomicReference<>("0.93");
        HttpServer server = metricsService(accuracy);
        try {
            String service = "http://127.0.0.1:" + server.getAddress().getPort();
            String decayJob = "retrain-on-decay";
            String script = String.join(
                    "\n",
                    "properties([pipelineTriggers([mlModelDecay(spec: 'H H(0-1) 1 1 *', service: '" + service
                            + "', accuracyBelow: 0.85, minFeedback: 100)])])",
                    "echo 'retraining the decayed model'");
            jenkins.createBuiltInJob(decayJob, new PipelineJob(script));
            assertThat(jenkins.run(decayJob, Map.of()).result()).isEqualTo("SUCCESS");
            String decayTrigger = "io.jenkins.plugins.mlops.triggers.ModelDecayTrigger";

            assertThat(poll(decayJob, decayTrigger)).isEqualTo("NO_CHANGE");
            accuracy.set("0.70");
            assertThat(poll(decayJob, decayTrigger)).isEqualTo("CHANGED");

            FinishedBuild build = queuedBuild(decayJob, 2);
            assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
            assertThat(causes(build))
                    .containsExactly("Started by mlModelDecay: receipts v1 at " + service
                            + ": live accuracy 0.7000 < 0.8500 over 150 labelled events");
            // still decayed, same model: the decay was already acted on
            assertThat(poll(decayJob, decayTrigger)).isEqualTo("NO_CHANGE");
            assertThat(lastBuild(decayJob)).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(6)
    void shouldWatchAFolderOnTheAgentOverTheRemotingChannel() throws Exception {
        Path agentData = jenkins.agent().root().resolve("incoming-receipts");
        Files.createDirectories(agentData);
        Files.writeString(agentData.resolve("batch-1.csv"), "amount,category\n1,food\n", StandardCharsets.UTF_8);
        String agentJob = "retrain-on-agent-data";
        String watched = agentData + "/*.csv";
        String script = String.join(
                "\n",
                "properties([pipelineTriggers([mlDataChanged(spec: 'H H(0-1) 1 1 *', path: '" + watched + "', node: '"
                        + MlopsJenkins.AGENT_NAME + "')])])",
                "echo 'retraining on new agent data'");
        jenkins.createBuiltInJob(agentJob, new PipelineJob(script));
        assertThat(jenkins.run(agentJob, Map.of()).result()).isEqualTo("SUCCESS");

        assertThat(poll(agentJob, TRIGGER_CLASS)).isEqualTo("BASELINE");
        assertThat(poll(agentJob, TRIGGER_CLASS)).isEqualTo("NO_CHANGE");
        Files.writeString(agentData.resolve("batch-2.csv"), "amount,category\n2,fuel\n", StandardCharsets.UTF_8);
        assertThat(poll(agentJob, TRIGGER_CLASS)).isEqualTo("CHANGED");

        FinishedBuild build = queuedBuild(agentJob, 2);
        assertThat(causes(build))
                .containsExactly(
                        "Started by mlDataChanged: 1 new (batch-2.csv) in " + MlopsJenkins.AGENT_NAME + ":" + watched);
    }
}
