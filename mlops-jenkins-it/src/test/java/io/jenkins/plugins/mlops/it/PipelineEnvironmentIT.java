package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine runs in the Pipeline's environment on the agent: {@code withEnv} and {@code withCredentials} reach it
 * (the registry folder from {@code MLOPS_REGISTRY}, the user from a secret bound to {@code MLOPS_USER}), the secret
 * stays masked in the log, and {@code JAVA_HOME} of the build chooses the engine's Java. Runs before any class sets
 * a registry in the global configuration (which would take precedence over {@code MLOPS_REGISTRY}).
 */
@Order(2)
@ExtendWith(MlopsJenkinsExtension.class)
class PipelineEnvironmentIT {
    private static final String SECRET_USER = "ml-bot-7f3a9c";
    private static MlopsJenkins jenkins;
    private static Path registry;
    private static int environmentBuild;
    private static int javaHomeBuild;
    private static int excelBuild;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
        jenkins.client()
                .script(String.join(
                        "\n",
                        "import com.cloudbees.plugins.credentials.*",
                        "import com.cloudbees.plugins.credentials.domains.Domain",
                        "def secret = new org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl("
                                + "CredentialsScope.GLOBAL, 'registry-user', 'who registers models',"
                                + " hudson.util.Secret.fromString('" + SECRET_USER + "'))",
                        "SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(), secret)"));
        registry = jenkins.work().resolve("env-registry");
        String environment = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  withEnv(['MLOPS_REGISTRY=" + registry + "']) {",
                "    withCredentials([string(credentialsId: 'registry-user', variable: 'MLOPS_USER')]) {",
                "      def registered = mlRegister(model: 'model/model.tribuo', name: 'env-check')",
                "      echo \"registered version ${registered.version}\"",
                "    }",
                "  }",
                "}");
        jenkins.createAgentJob("environment", new PipelineJob(environment));

        String javaHome = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  withEnv(['JAVA_HOME=/nonexistent/jdk-for-mlops']) {",
                "    mlTrain(data: 'data/receipts.csv', label: 'category', output: 'model')",
                "  }",
                "}");
        jenkins.createAgentJob("java-home", new PipelineJob(javaHome));

        // an Excel export from a German Windows: ';', decimal commas, Windows-1252 (umlauts as Groovy escapes, so
        // the job's configuration stays ASCII)
        String excel = String.join(
                "\n",
                "node('" + MlopsJenkins.AGENT_LABEL + "') {",
                "  def kinds = [[12, 'B\\u00e4ckerei', 'Lebensmittel'], [250, 'Flughafen', 'Reise'],",
                "               [60, 'Schreibwaren', 'B\\u00fcro']]",
                "  def rows = ['Betrag;H\\u00e4ndler;Kategorie']",
                "  for (int i = 0; i < 120; i++) {",
                "    def kind = kinds[i % 3]",
                "    rows << \"${kind[0] + i % 9},${i % 10}0;${kind[1]};${kind[2]}\"",
                "  }",
                "  writeFile(file: 'belege.csv', text: rows.join('\\r\\n') + '\\r\\n', encoding: 'windows-1252')",
                "  mlTrain(data: 'belege.csv', label: 'Kategorie', encoding: 'windows-1252', output: 'model-de')",
                "  def evaluated = mlEvaluate(model: 'model-de', data: 'belege.csv', encoding: 'windows-1252',",
                "                             gates: ['accuracy >= 0.9'])",
                "  echo \"evaluated accuracy ${evaluated.metrics.accuracy}\"",
                "}");
        jenkins.createAgentJob("excel-export", new PipelineJob(excel));

        // two at once: the agent has an executor for each
        environmentBuild = jenkins.client().build("environment", Map.of());
        javaHomeBuild = jenkins.client().build("java-home", Map.of());
        excelBuild = jenkins.client().build("excel-export", Map.of());
    }

    @Test
    void shouldPassWithEnvAndWithCredentialsVariablesToTheEngineAndMaskTheSecret() throws Exception {
        FinishedBuild build = jenkins.finished("environment", environmentBuild, Duration.ofMinutes(6));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console()).contains("registered version 1").doesNotContain(SECRET_USER);
        assertThat(registry)
                .as(
                        "the registry folder given by withEnv(['MLOPS_REGISTRY=...']): the variable did not reach the engine")
                .isDirectory();
        try (Stream<Path> files = Files.walk(registry)) {
            Path version = files.filter(f -> f.getFileName().toString().equals("version.json"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no version.json below " + registry
                            + ": MLOPS_REGISTRY from withEnv did not reach the engine"));
            assertThat(version).content().contains("\"" + SECRET_USER + "\"");
        }
    }

    @Test
    void shouldRunTheEngineWithTheJavaOfTheBuildEnvironment() {
        FinishedBuild build = jenkins.finished("java-home", javaHomeBuild, Duration.ofMinutes(6));

        assertThat(build.result()).as("%s", build).isEqualTo("FAILURE");
        assertThat(build.console()).contains("/nonexistent/jdk-for-mlops");
    }

    @Test
    void shouldReadAnExcelExportWithTheEncodingArgumentOnTheAgent() {
        FinishedBuild build = jenkins.finished("excel-export", excelBuild, Duration.ofMinutes(6));

        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        assertThat(build.console())
                .contains("mlops train --data belege.csv --label Kategorie", "--encoding windows-1252")
                .contains("fields are separated by ';' (detected from the header line)")
                .contains("numbers use ',' as the decimal mark (detected)")
                .containsPattern("evaluated accuracy (0\\.9\\d*|1\\.0)");
    }
}
