package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short scripted Pipeline on the built-in node: every step, the build saved with its actions ({@code build.xml}),
 * and the build page's summaries rendered with the values escaped. {@link RestartIT} checks the same build after a
 * restart.
 */
@Order(4)
@ExtendWith(MlopsJenkinsExtension.class)
class BuiltInNodeIT {
    static final String JOB = "built-in-short";
    static final String REASON = "<img src=x onerror=alert(1)> beats \"v0\" & costs less";
    private static MlopsJenkins jenkins;
    private static FinishedBuild build;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
        Path registry = jenkins.work().resolve("built-in-registry");
        String script = String.join(
                "\n",
                "node('built-in') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  mlEvaluate(model: 'model', data: 'data/test.csv', gates: ['accuracy >= 0.5'])",
                "  def registered = mlRegister(model: 'model/model.tribuo', name: 'built-in', registry: '" + registry
                        + "')",
                "  mlPromote(name: 'built-in', version: registered.version as int, alias: 'champion', registry: '"
                        + registry + "',",
                "            reason: '" + REASON.replace("\"", "\\\"") + "')",
                "}");
        jenkins.createBuiltInJob(JOB, new PipelineJob(script));
        build = jenkins.run(JOB, Map.of());
    }

    @Test
    @Order(1)
    void shouldRunEveryStepOnTheBuiltInNode() {
        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console()).contains("Running on Jenkins in");
        assertThat(build.actions(Examples.RUN_ACTION))
                .extracting(a -> a.path("functionName").asText())
                .containsExactly("mlTrain", "mlEvaluate");
        List<JsonNode> versions = build.actions(Examples.MODEL_VERSION_ACTION);
        assertThat(versions)
                .extracting(v -> v.path("functionName").asText() + " "
                        + v.path("reference").asText())
                .containsExactly("mlRegister built-in@1", "mlPromote built-in@1");
        assertThat(versions.get(1).path("reason").asText()).isEqualTo(REASON);
        assertThat(build.json().path("description").asText()).contains("built-in@1");
    }

    @Test
    @Order(2)
    void shouldSaveTheBuildWithItsActions() {
        Path buildXml = jenkins.controller().home().resolve("jobs/" + JOB + "/builds/1/build.xml");
        assertThat(buildXml)
                .as("build.xml is written when the build ends; Jenkins refuses classes it does not trust")
                .exists()
                .content()
                .contains(Examples.RUN_ACTION, Examples.MODEL_VERSION_ACTION, "<result>SUCCESS</result>");
        assertThat(jenkins.controller().tail()).doesNotContain("Refusing to marshal io.jenkins.plugins.mlops");
    }

    @Test
    @Order(3)
    void shouldRenderTheSummariesWithEscapedValues() {
        String page = jenkins.client().getText(build.path() + "/");

        assertThat(page)
                .contains("mlTrain", "mlEvaluate", "accuracy >= 0.5", "built-in@1")
                // Jelly escapes markup characters of values: '<' and '&' (enough for HTML text)
                .contains("&lt;img src=x onerror=alert(1)> beats \"v0\" &amp; costs less")
                .doesNotContain("<img src=x");
        assertThat(page).doesNotContain("Caused by:", "org.apache.commons.jelly.JellyTagException");
    }
}
