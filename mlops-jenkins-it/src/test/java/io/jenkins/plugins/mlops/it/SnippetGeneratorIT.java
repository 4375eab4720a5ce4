package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Snippet Generator round trip of every step: the form's JSON as the browser posts it to
 * {@code /pipeline-syntax/generateSnippet} becomes a step and a snippet; the snippet read back as a step gives the
 * same snippet again.
 */
@Order(1)
@ExtendWith(MlopsJenkinsExtension.class)
class SnippetGeneratorIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MlopsJenkins jenkins;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
    }

    @Test
    void shouldGenerateTheMlTrainSnippetWithHyperparametersAsAMap() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.TrainStep");
        form.put("spec", "");
        form.put("data", "data/receipts.csv");
        form.put("label", "category");
        form.put("algorithm", "logistic");
        form.put("params", List.of(Map.of("name", "epochs", "value", "10"), Map.of("name", "l2", "value", "0.5")));
        form.put("seed", "42");
        form.put("testData", "");
        form.put("testFraction", "0.2");
        form.put("output", "model");
        form.put("delimiter", ";");
        form.put("decimalComma", true);
        form.put("encoding", "windows-1252");
        form.put("metadata", "");

        String snippet = roundTrip("mlTrain", form);

        assertThat(snippet)
                .startsWith("mlTrain ")
                .contains("data: 'data/receipts.csv'", "label: 'category'", "algorithm: 'logistic'", "seed: 42")
                .contains("testFraction: 0.2", "output: 'model'")
                .contains("params: [epochs: 10, l2: 0.5]")
                .contains("delimiter: ';'", "decimalComma: true", "encoding: 'windows-1252'")
                .doesNotContain("spec:", "metadata:", "testData:");
    }

    @Test
    void shouldGenerateTheMlEvaluateSnippetWithGatesAsAList() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.EvaluateStep");
        form.put("model", "model");
        form.put("data", "data/test.csv");
        form.put("gates", List.of(Map.of("expression", "accuracy >= 0.90"), Map.of("expression", "macroF1 >= 0.85")));
        form.put("baseline", "previous");
        form.put("onGateFailure", "UNSTABLE");
        form.put("name", "");
        form.put("registry", "");
        form.put("delimiter", "");
        form.put("decimalComma", false);
        form.put("encoding", "");
        form.put("metadata", "");

        String snippet = roundTrip("mlEvaluate", form);

        assertThat(snippet)
                .startsWith("mlEvaluate ")
                .contains("model: 'model'", "data: 'data/test.csv'", "baseline: 'previous'")
                .contains("gates: ['accuracy >= 0.90', 'macroF1 >= 0.85']")
                .contains("onGateFailure: 'UNSTABLE'")
                .doesNotContain("registry:", "metadata:", "''", "delimiter:", "decimalComma:", "encoding:");
    }

    @Test
    void shouldGenerateTheMlEvaluateSnippetWithoutGatesWhenTheFormHasNone() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.EvaluateStep");
        form.put("model", "model");
        form.put("data", "data/test.csv");

        String snippet = roundTrip("mlEvaluate", form);

        assertThat(snippet).startsWith("mlEvaluate ").doesNotContain("gates");
    }

    @Test
    void shouldGenerateTheMlRegisterSnippet() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.RegisterStep");
        form.put("model", "model/model.tribuo");
        form.put("name", "receipts");
        form.put("alias", "challenger");
        form.put("registry", "");
        form.put("by", "");

        String snippet = roundTrip("mlRegister", form);

        assertThat(snippet)
                .startsWith("mlRegister ")
                .contains("model: 'model/model.tribuo'", "name: 'receipts'", "alias: 'challenger'")
                .doesNotContain("registry:", "by:");
    }

    @Test
    void shouldGenerateTheMlPromoteSnippet() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.PromoteStep");
        form.put("name", "receipts");
        form.put("version", "3");
        form.put("alias", "production");
        form.put("reason", "beats the champion on <held-out> data & costs less");
        form.put("registry", "");
        form.put("by", "");

        String snippet = roundTrip("mlPromote", form);

        assertThat(snippet)
                .startsWith("mlPromote ")
                .contains("name: 'receipts'", "version: 3", "alias: 'production'")
                .contains("reason: 'beats the champion on <held-out> data & costs less'");
    }

    @Test
    void shouldGenerateTheMlDeploySnippetWithTheLoadTestAsAMap() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.DeployStep");
        form.put("model", "receipts@champion");
        form.put("target", "http://127.0.0.1:8080");
        form.put("smoke", "ml/golden.jsonl");
        form.put("load", Map.of("rps", "500", "seconds", "20", "p99Ms", "10", "maxErrorRate", "0.01"));
        form.put("credentialsId", "serving-admin");
        form.put("name", "");
        form.put("versionLabel", "");
        form.put("registry", "");
        form.put("metadata", "");

        String snippet = roundTrip("mlDeploy", form);

        assertThat(snippet)
                .startsWith("mlDeploy ")
                .contains("model: 'receipts@champion'", "target: 'http://127.0.0.1:8080'", "smoke: 'ml/golden.jsonl'")
                .contains("credentialsId: 'serving-admin'")
                // the load test as a map, each key once, in the order structs writes them
                .containsPattern("load: \\[maxErrorRate: 0\\.01, p99Ms: 10(\\.0)?, rps: 500, seconds: 20\\]");
    }

    @Test
    void shouldGenerateTheMlRetrainWhenSnippetWithItsBlock() throws Exception {
        Map<String, Object> form = form("io.jenkins.plugins.mlops.steps.RetrainWhenStep");
        form.put("model", "receipts@champion");
        form.put("spec", "ml/train.yaml");
        form.put("service", "http://127.0.0.1:8080");
        form.put("accuracyBelow", "0.85");
        form.put("driftAbove", "0.2");
        form.put("maxAgeDays", "30");
        form.put("force", false);
        form.put("minNewRows", "100");
        form.put("driftData", "");
        form.put("ifUnavailable", "inactive");
        form.put("delimiter", "tab");
        form.put("registry", "");
        form.put("metadata", "");

        String snippet = roundTrip("mlRetrainWhen", form);

        assertThat(snippet)
                .startsWith("mlRetrainWhen(")
                .endsWith(") {\n    // some block\n}")
                .contains("model: 'receipts@champion'", "spec: 'ml/train.yaml'", "service: 'http://127.0.0.1:8080'")
                .contains("accuracyBelow: 0.85", "driftAbove: 0.2", "maxAgeDays: 30", "minNewRows: 100")
                .contains("ifUnavailable: 'inactive'", "delimiter: 'tab'")
                .doesNotContain("force:", "driftData:", "registry:", "metadata:", "''");
    }

    @Test
    void shouldCheckTheCsvFormatFieldsOfEveryStepThatReadsData() throws Exception {
        for (String step : List.of("TrainStep", "EvaluateStep", "RetrainWhenStep")) {
            String descriptor = "descriptorByName/io.jenkins.plugins.mlops.steps." + step;

            HttpResponse<String> badDelimiter = jenkins.client().get(descriptor + "/checkDelimiter?value=%3B%3B");
            HttpResponse<String> goodDelimiter = jenkins.client().get(descriptor + "/checkDelimiter?value=tab");
            HttpResponse<String> badEncoding = jenkins.client().get(descriptor + "/checkEncoding?value=latin-9000");
            HttpResponse<String> goodEncoding = jenkins.client().get(descriptor + "/checkEncoding?value=windows-1252");

            assertThat(badDelimiter.body())
                    .as(step)
                    .contains("error")
                    .contains("delimiter &#039;;;&#039; is not valid; expected one character");
            assertThat(goodDelimiter.body()).as(step).doesNotContain("error");
            assertThat(badEncoding.body())
                    .as(step)
                    .contains("error")
                    .contains("encoding &#039;latin-9000&#039; is not known");
            assertThat(goodEncoding.body()).as(step).doesNotContain("error");
        }
    }

    private static Map<String, Object> form(String stepClass) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("stapler-class", stepClass);
        form.put("$class", stepClass);
        return form;
    }

    /**
     * Posts the form, then reads the generated snippet back into a step (as a Pipeline would) and generates its
     * snippet again: both must be equal.
     */
    private static String roundTrip(String function, Map<String, Object> form) throws Exception {
        HttpResponse<String> response = jenkins.client()
                .postForm("pipeline-syntax/generateSnippet", Map.of("json", JSON.writeValueAsString(form)));
        assertThat(response.statusCode())
                .as(
                        "generateSnippet for %s; the controller logged:\n%s",
                        function, jenkins.controller().recentExceptions())
                .isEqualTo(200);
        String snippet = response.body().strip();
        assertThat(snippet).as("generated snippet").doesNotStartWith("//").startsWith(function);

        // a step that takes a block: "f(a: 1, b: 2) {\n    // some block\n}"; its arguments are inside the parentheses
        String block = " {\n    // some block\n}";
        String call = snippet.endsWith(block) ? snippet.substring(0, snippet.length() - block.length()) : snippet;
        String text = call.substring(function.length());
        if (snippet.endsWith(block) && text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1);
        }
        String arguments = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String again = jenkins.client()
                .script(String.join(
                        "\n",
                        "def text = new String(java.util.Base64.decoder.decode('" + arguments + "'), 'UTF-8').trim()",
                        "def arguments = text.isEmpty() ? [:] : Eval.me('[' + text + ']')",
                        "def descriptor = org.jenkinsci.plugins.workflow.steps.StepDescriptor.byFunctionName('"
                                + function + "')",
                        "print(org.jenkinsci.plugins.workflow.cps.Snippetizer.object2Groovy("
                                + "descriptor.newInstance(arguments)))"));
        assertThat(again)
                .as("the snippet read back as a step and generated again")
                .isEqualTo(snippet);
        return snippet;
    }
}
