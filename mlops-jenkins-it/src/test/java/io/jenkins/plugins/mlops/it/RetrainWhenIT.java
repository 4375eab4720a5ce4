package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code mlRetrainWhen} on the agent in the real Jenkins: a forced retraining runs the block; with nothing due the
 * block is skipped, the build stays SUCCESS, the log says why per condition, and the build page and
 * {@code /api/json} show each decision; {@code mlRetrainCheck}, the check without a block, returns the decision.
 */
@Order(3)
@ExtendWith(MlopsJenkinsExtension.class)
class RetrainWhenIT {
    private static final String ACTION = "io.jenkins.plugins.mlops.records.MlRunAction";
    private static MlopsJenkins jenkins;
    private static int number;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
        String script = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  def forced = mlRetrainWhen(model: 'model', maxAgeDays: 30, force: true) {",
                "    echo 'retraining'",
                "  }",
                "  echo \"forced: retrain=${forced.retrain} summary=${forced.summary}\"",
                "  def quiet = mlRetrainWhen(model: 'model', data: ['data/receipts.csv'], maxAgeDays: 30) {",
                "    echo 'retraining though nothing is due'",
                "  }",
                "  echo \"quiet: retrain=${quiet.retrain} conditions=${quiet.conditions.collect { it.kind + ':' + it.fired + ':' + it.threshold }}\"",
                "  def decision = mlRetrainCheck(model: 'model', maxAgeDays: 30)",
                "  echo \"no block: retrain=${decision.retrain} model=${decision.model}\"",
                "}");
        jenkins.createAgentJob("retrain-when", new PipelineJob(script));
        number = jenkins.client().build("retrain-when", Map.of());
    }

    @Test
    void shouldRunTheBlockOnlyWhenRetrainingIsDueAndRecordEachDecision() {
        FinishedBuild build = jenkins.finished("retrain-when", number, Duration.ofMinutes(8));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        String console = build.console();
        assertThat(console)
                .contains(
                        "[mlRetrainWhen] forced FIRED: ",
                        "[mlRetrainWhen] retrain: forced",
                        "retraining",
                        "forced: retrain=true summary=retrain: forced",
                        "[mlRetrainWhen] age NOT_FIRED: ",
                        "[mlRetrainWhen] data-changed NOT_FIRED: ",
                        "[mlRetrainWhen] no retraining: 2 conditions checked, none fired;"
                                + " the block is skipped, the build result stays",
                        "quiet: retrain=false conditions=[data-changed:false:1.0, age:false:30.0]",
                        "[mlRetrainCheck] age NOT_FIRED: ",
                        "no block: retrain=false model=model")
                .doesNotContain("retraining though nothing is due");

        List<JsonNode> decisions = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (JsonNode action : build.actions(ACTION)) {
            if (action.path("functionName").asText().startsWith("mlRetrain")) {
                decisions.add(action.path("decision"));
                functions.add(action.path("functionName").asText() + " "
                        + action.path("kind").asText());
            }
        }
        assertThat(functions)
                .containsExactly(
                        "mlRetrainWhen retrain-check", "mlRetrainWhen retrain-check", "mlRetrainCheck retrain-check");
        assertThat(decisions).hasSize(3);
        assertThat(decisions).extracting(d -> d.path("retrain").asBoolean()).containsExactly(true, false, false);
        JsonNode quiet = decisions.get(1);
        assertThat(quiet.path("summary").asText()).isEqualTo("no retraining: 2 conditions checked, none fired");
        assertThat(quiet.path("conditions"))
                .extracting(c -> c.path("kind").asText() + " "
                        + c.path("status").asText() + " " + c.path("fired").asBoolean() + " "
                        + c.path("threshold").asDouble())
                .containsExactly("data-changed NOT_FIRED false 1.0", "age NOT_FIRED false 30.0");
        assertThat(quiet.path("conditions").get(1).path("value").isNumber()).isTrue();
        assertThat(quiet.path("newRows").asLong()).isZero();

        String page = jenkins.client().getText(build.path() + "/");
        assertThat(page)
                .contains("Retrain check of model: retrain: forced")
                .contains("Retrain check of model: no retraining: 2 conditions checked, none fired")
                .contains("data-changed", "NOT_FIRED", "FIRED");
    }
}
