package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import io.mlops.engine.demo.ReceiptsGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One controller restart, checked four ways: the global configuration saved before it is still there, the
 * built-in node's build of {@link BuiltInNodeIT} keeps its result and ML actions, an {@code mlTrain} that was
 * running on the agent when Jenkins stopped completes after it started again, and so does an {@code mlRetrainWhen}
 * whose block was running. Runs last.
 */
@Order(5)
@ExtendWith(MlopsJenkinsExtension.class)
class RestartIT {
    private static final String TRAINING_JOB = "restart-during-train";
    private static final String RETRAIN_JOB = "restart-during-retrain-block";
    private static final String DEFAULT_MODEL_NAME = "receipts-restart";
    private static MlopsJenkins jenkins;
    private static Path registry;
    private static int trainingBuild;
    private static int retrainBuild;

    @BeforeAll
    static void restartDuringTraining(MlopsJenkins started) throws Exception {
        jenkins = started;
        registry = jenkins.work().resolve("configured-registry");
        jenkins.client()
                .script("def c = jenkins.model.GlobalConfiguration.all().get("
                        + "io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration)\n"
                        + "c.setRegistry('" + registry + "'); c.setDefaultModelName('" + DEFAULT_MODEL_NAME + "')\n"
                        + "c.save()");

        // long enough to be still training when Jenkins stops (about 30 s here): 10 epochs took 0.5 s on a fast run,
        // and a
        // training that ended before the restart made the test fail
        String script = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  def run = mlTrain(data: 'data/large.csv', label: 'category', algorithm: 'logistic',"
                        + " params: [epochs: 2000], seed: 3, output: 'model')",
                "  echo \"trained after the restart: accuracy ${run.metrics.accuracy}\"",
                "}");
        // the block is still sleeping when Jenkins stops; after the restart it trains and the step returns its decision
        String retrain = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 1],"
                        + " seed: 5, output: 'model')",
                "  def decision = mlRetrainWhen(model: 'model', force: true) {",
                "    echo 'block started'",
                "    sleep(time: 120, unit: 'SECONDS')",
                "    mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 1],"
                        + " seed: 6, output: 'retrained')",
                "    echo 'block finished after the restart'",
                "  }",
                "  echo \"decision after the restart: retrain=${decision.retrain} summary=${decision.summary}\"",
                "}");
        jenkins.createAgentJob(RETRAIN_JOB, new PipelineJob(retrain));
        retrainBuild = jenkins.client().build(RETRAIN_JOB, Map.of());
        jenkins.client().awaitConsole(RETRAIN_JOB, retrainBuild, "block started", Duration.ofMinutes(4));

        jenkins.createAgentJob(TRAINING_JOB, new PipelineJob(script));
        new ReceiptsGenerator(11)
                .writeCsv(
                        ReceiptsGenerator.Batch.INITIAL,
                        8_000,
                        jenkins.agent().root().resolve("workspace/" + TRAINING_JOB + "/data/large.csv"));
        trainingBuild = jenkins.client().build(TRAINING_JOB, Map.of());
        // the first progress line: the engine is training on the agent, with nine tenths to go
        jenkins.client().awaitConsole(TRAINING_JOB, trainingBuild, "[mlops] training  10%", Duration.ofMinutes(3));

        jenkins.restart();
    }

    @Test
    @Order(1)
    void shouldKeepTheGlobalConfigurationAfterARestart() {
        assertThat(jenkins.controller().home().resolve("io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration.xml"))
                .exists()
                .content()
                .contains(registry.toString(), DEFAULT_MODEL_NAME);
        String loaded = jenkins.client()
                .script("def c = jenkins.model.GlobalConfiguration.all().get("
                        + "io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration)\n"
                        + "print(c.registry + ' ' + c.defaultModelName)");
        assertThat(loaded).isEqualTo(registry + " " + DEFAULT_MODEL_NAME);
        assertThat(jenkins.client().getText("manage/configure")).contains(registry.toString(), DEFAULT_MODEL_NAME);
    }

    @Test
    @Order(2)
    void shouldKeepTheResultAndActionsOfAFinishedBuildAfterARestart() {
        FinishedBuild build = jenkins.finished(BuiltInNodeIT.JOB, 1, Duration.ofSeconds(30));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.actions(Examples.RUN_ACTION))
                .extracting(a -> a.path("functionName").asText())
                .containsExactly("mlTrain", "mlEvaluate");
        assertThat(build.actions(Examples.RUN_ACTION)
                        .get(0)
                        .path("metrics")
                        .path("accuracy")
                        .asDouble())
                .isPositive();
        assertThat(build.actions(Examples.MODEL_VERSION_ACTION)).hasSize(2);
    }

    @Test
    @Order(3)
    void shouldCompleteATrainingThatRanWhileJenkinsRestarted() {
        FinishedBuild build = jenkins.finished(TRAINING_JOB, trainingBuild, Duration.ofMinutes(5));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console()).contains("Resuming build").contains("trained after the restart: accuracy 0.");
        assertThat(build.actions(Examples.RUN_ACTION))
                .extracting(a -> a.path("functionName").asText())
                .containsExactly("mlTrain");
    }

    @Test
    @Order(4)
    void shouldCompleteAnMlRetrainWhenWhoseBlockRanWhileJenkinsRestarted() {
        FinishedBuild build = jenkins.finished(RETRAIN_JOB, retrainBuild, Duration.ofMinutes(6));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console())
                .contains("Resuming build")
                .contains("[mlRetrainWhen] retrain: forced", "block started", "block finished after the restart")
                .contains("decision after the restart: retrain=true summary=retrain: forced");
        assertThat(build.console().indexOf("block finished after the restart"))
                .isGreaterThan(build.console().indexOf("Resuming build"));
        assertThat(build.actions(Examples.RUN_ACTION))
                .extracting(a -> a.path("functionName").asText())
                .containsExactly("mlTrain", "mlRetrainWhen", "mlTrain");
    }
}
