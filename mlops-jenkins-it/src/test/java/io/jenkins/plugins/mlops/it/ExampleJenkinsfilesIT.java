package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import io.jenkins.plugins.mlops.it.harness.ServingService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the example Jenkinsfiles, unchanged and Declarative, on the inbound agent labelled {@code ml}: every step
 * result crosses the remoting channel, so these fail when Jenkins' class filter rejects the plugin's classes.
 */
@Order(3)
@ExtendWith(MlopsJenkinsExtension.class)
class ExampleJenkinsfilesIT {
    private static final java.time.Duration BUILD_TIMEOUT = java.time.Duration.ofMinutes(6);
    private static MlopsJenkins jenkins;
    private static int trainEvaluate;
    private static int spec;
    private static int parameterised;

    /** Starts the three independent examples at once (the agent has an executor for each) to save time. */
    @BeforeAll
    static void startIndependentExamples(MlopsJenkins started) {
        jenkins = started;
        jenkins.createAgentJob(
                "receipts-train-evaluate",
                new PipelineJob(Examples.jenkinsfile("receipts-train-evaluate.Jenkinsfile")));
        jenkins.createAgentJob("receipts-spec", new PipelineJob(Examples.jenkinsfile("receipts-spec.Jenkinsfile")));
        jenkins.createAgentJob(
                "receipts-parameterised",
                new PipelineJob(Examples.jenkinsfile("receipts-parameterised.Jenkinsfile"))
                        .parameter("ALGORITHM", "logistic")
                        .parameter("SEED", "42")
                        .parameter("EPOCHS", "10")
                        .parameter("MIN_ACCURACY", "0.90")
                        .parameter("ON_GATE_FAILURE", "FAILURE"));
        trainEvaluate = jenkins.client().build("receipts-train-evaluate", Map.of());
        spec = jenkins.client().build("receipts-spec", Map.of());
        parameterised = jenkins.client()
                .build(
                        "receipts-parameterised",
                        Map.of("ALGORITHM", "cart", "MIN_ACCURACY", "0.999", "ON_GATE_FAILURE", "UNSTABLE"));
    }

    @Test
    @Order(1)
    void shouldTrainAndGateTheReceiptsModelOnTheAgent() {
        FinishedBuild build = jenkins.finished("receipts-train-evaluate", trainEvaluate, BUILD_TIMEOUT);

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console())
                .contains("Running on " + MlopsJenkins.AGENT_NAME)
                .contains("accuracy on held-out data: 0.")
                .contains("Only reached when every gate passed.");
        List<JsonNode> runs = build.actions(Examples.RUN_ACTION);
        assertThat(runs).extracting(r -> r.path("functionName").asText()).containsExactly("mlTrain", "mlEvaluate");
        JsonNode train = runs.get(0);
        assertThat(train.path("kind").asText()).isEqualTo("train");
        assertThat(train.path("algorithm").asText()).isNotEmpty();
        assertThat(train.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(train.path("modelSha256").asText()).hasSize(64);
        JsonNode evaluate = runs.get(1);
        assertThat(evaluate.path("gateOutcome").asText()).isEqualTo("PASSED");
        assertThat(evaluate.path("gates"))
                .extracting(g ->
                        g.path("expression").asText() + " " + g.path("status").asText())
                .containsExactly("accuracy >= 0.90 PASSED", "macroF1 >= 0.85 PASSED");
        assertThat(build.artifacts())
                .contains(
                        train.path("modelArtifact").asText() + "/model.tribuo",
                        train.path("modelArtifact").asText() + "/bundle.json")
                .anyMatch(a -> a.endsWith("/run-metadata.json"));
        assertEngineReportInOrder(build, "accuracy >= 0.90", "Only reached when every gate passed.");
    }

    /**
     * Every line the engine writes reaches the agent build's log before the step ends: the evaluation's report
     * (confusion matrix, gate table, outcome) stands complete and in order before what the next stage prints.
     */
    static void assertEngineReportInOrder(FinishedBuild build, String gate, String nextStageOutput) {
        String console = build.console();
        int matrix = console.indexOf("confusion matrix");
        int gateRow = console.indexOf(gate, matrix);
        int outcome = console.indexOf("quality gates: ", gateRow);
        int next = console.indexOf(nextStageOutput, outcome);
        assertThat(List.of(matrix, gateRow, outcome, next))
                .as(
                        "positions of the confusion matrix, the gate row '%s', the outcome and '%s' in %s",
                        gate, nextStageOutput, build)
                .allMatch(position -> position >= 0);
    }

    @Test
    @Order(3)
    void shouldTrainFromTheSpecFileAndWriteTheMetadataFilesTheJenkinsfileNames() throws IOException {
        FinishedBuild build = jenkins.finished("receipts-spec", spec, BUILD_TIMEOUT);

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        Path workspace = jenkins.agent().root().resolve("workspace/receipts-spec");
        assertThat(workspace.resolve("reports/train.json")).content().contains("\"kind\"");
        assertThat(workspace.resolve("reports/evaluate.json")).content().contains("accuracy >= 0.85");
        assertThat(build.actions(Examples.RUN_ACTION))
                .extracting(r -> r.path("gateOutcome").asText(""))
                .containsExactly("", "PASSED");
        assertEngineReportInOrder(build, "accuracy >= 0.85", "[Pipeline] // stage");
    }

    @Test
    @Order(4)
    void shouldMarkTheBuildAndTheStageUnstableWhenAParameterisedGateFails() {
        FinishedBuild build = jenkins.finished("receipts-parameterised", parameterised, BUILD_TIMEOUT);

        assertThat(build.result()).as("%s", build).isEqualTo("UNSTABLE");
        assertThat(build.json().path("description").asText()).startsWith("cart: accuracy 0.");
        assertThat(build.console()).containsPattern("(?m)^gates: \\S+");
        assertEngineReportInOrder(build, "accuracy >= 0.999", "[Pipeline] echo");
        JsonNode evaluate = build.actions(Examples.RUN_ACTION).get(1);
        assertThat(evaluate.path("gateOutcome").asText()).isEqualTo("UNSTABLE");
        assertThat(evaluate.path("gates"))
                .extracting(g ->
                        g.path("expression").asText() + " " + g.path("status").asText())
                .contains("accuracy >= 0.999 UNSTABLE");
        // the stage is marked as the 'unstable' step marks it: a WarningAction on the step's flow node
        String warnings = jenkins.client()
                .script(
                        String.join(
                                "\n",
                                "def run = jenkins.model.Jenkins.get().getItemByFullName('receipts-parameterised')"
                                        + ".getBuildByNumber(" + build.number() + ")",
                                "def w = new org.jenkinsci.plugins.workflow.graph.FlowGraphWalker(run.execution)",
                                "w.each { n -> def a = n.getPersistentAction(org.jenkinsci.plugins.workflow.actions"
                                        + ".WarningAction); if (a != null) { println(n.displayFunctionName + ' ' + a.result) } }"));
        assertThat(warnings).contains("mlEvaluate UNSTABLE");
    }

    @Test
    @Order(5)
    void shouldRegisterTheChallengerAndPromoteItAfterApproval() throws Exception {
        jenkins.client()
                .script("def c = jenkins.model.GlobalConfiguration.all().get("
                        + "io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration); c.setRegistry('"
                        + jenkins.registry() + "'); c.save()");
        jenkins.createAgentJob(
                "receipts-champion-challenger",
                new PipelineJob(Examples.jenkinsfile("receipts-champion-challenger.Jenkinsfile")));

        int number = jenkins.client().build("receipts-champion-challenger", Map.of());
        jenkins.client()
                .awaitConsole(
                        "receipts-champion-challenger", number, "Input requested", java.time.Duration.ofMinutes(4));
        // 'submitter ml-leads' cannot be met without a security realm: approve as SYSTEM, naming the approver
        jenkins.client()
                .script(String.join(
                        "\n",
                        "def run = jenkins.model.Jenkins.get().getItemByFullName('receipts-champion-challenger')"
                                + ".getBuildByNumber(" + number + ")",
                        "def input = run.getAction(org.jenkinsci.plugins.workflow.support.steps.input.InputAction)"
                                + ".executions[0]",
                        "def system = hudson.security.ACL.as2(hudson.security.ACL.SYSTEM2)",
                        "try { input.proceed([APPROVER: 'lead-of-ml']) } finally { system.close() }"));
        FinishedBuild build = jenkins.finished("receipts-champion-challenger", number, java.time.Duration.ofMinutes(3));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        List<JsonNode> versions = build.actions(Examples.MODEL_VERSION_ACTION);
        assertThat(versions)
                .extracting(v -> v.path("functionName").asText() + " "
                        + v.path("reference").asText() + " " + v.path("alias").asText())
                .containsExactly("mlRegister receipts@1 challenger", "mlPromote receipts@1 champion");
        assertThat(versions.get(1).path("reason").asText()).startsWith("approved after evaluation against");
        try (Stream<Path> files = Files.walk(jenkins.registry())) {
            assertThat(files.map(Path::toString)).anyMatch(f -> f.contains("receipts"));
        }
    }

    @Test
    @Order(6)
    void shouldDeployTheChampionToTheServiceAndToAFolder() throws Exception {
        String token = "admin-token-5d1c0e";
        jenkins.client()
                .script(String.join(
                        "\n",
                        "import com.cloudbees.plugins.credentials.*",
                        "import com.cloudbees.plugins.credentials.domains.Domain",
                        "def token = new org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl("
                                + "CredentialsScope.GLOBAL, 'serving-admin', 'serving admin token',"
                                + " hudson.util.Secret.fromString('" + token + "'))",
                        "SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(), token)"));
        Path model = jenkins.agent().root().resolve("workspace/receipts-champion-challenger/model");
        Path releases = jenkins.work().resolve("releases");
        try (ServingService service = ServingService.start(
                Path.of(System.getProperty("mlops.cliJar")),
                model,
                token,
                jenkins.work().resolve("serving"))) {
            // the example as written, pointed at this machine, with a load test a shared CI machine can meet
            String script = Examples.jenkinsfile("receipts-deploy.Jenkinsfile")
                    .replace("http://serving.internal:8080", service.url())
                    .replace(
                            "[rps: 500, seconds: 20, p99Ms: 10, maxErrorRate: 0.001]",
                            "[rps: 20, seconds: 2, p99Ms: 2000, maxErrorRate: 0.01]")
                    .replace("dir:/srv/receipts", "dir:" + releases);
            assertThat(script).contains(service.url(), "rps: 20", releases.toString());
            jenkins.createAgentJob("receipts-deploy", new PipelineJob(script));

            FinishedBuild build = jenkins.run("receipts-deploy", Map.of());

            assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
            assertThat(build.console())
                    .containsPattern("p99 [0-9.]+ ms at [0-9.]+ requests/s")
                    .doesNotContain(token);
            List<JsonNode> deploys = build.actions(Examples.RUN_ACTION);
            assertThat(deploys)
                    .extracting(d -> d.path("functionName").asText())
                    .containsExactly("mlDeploy", "mlDeploy");
            assertThat(deploys.get(0).path("deployment").path("goldenPassed").asInt())
                    .isEqualTo(1);
            assertThat(releases.resolve("current")).exists();
        }
    }
}
