package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.HpiFile;
import io.jenkins.plugins.mlops.launch.EngineScript;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.Criticality;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code mlops} command in child JVMs, with the jars of the built .hpi: register into a
 * temporary registry, promote, evaluate against the champion, deploy to a folder with golden requests.
 */
class RealRegistryIT {
    private static final String TOKEN = "adm-" + Long.toHexString(new Random().nextLong()) + "-never-logged";
    private static Path engineJar;

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    @TempDir
    Path registry;

    @BeforeAll
    static void unpackEngine(@TempDir Path lib) throws IOException {
        engineJar = HpiFile.engineJar(lib);
    }

    private FakeBuildContext build() {
        FakeBuildContext[] self = {new FakeBuildContext(workspace, buildDir, engineJar)};
        self[0].settings = new RegistrySettings(registry.toString(), "receipts", null);
        self[0].secrets.put("serving-admin", TOKEN);
        return self[0];
    }

    private JsonNode mlopsJson(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-cp", engineJar.toString(), EngineScript.MAIN_CLASS));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workspace.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return new ObjectMapper().readTree(output);
    }

    private void writeReceipts(String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[][] kinds = {{"food", "cafe", "12"}, {"travel", "airline", "250"}, {"office", "staples", "60"}};
        List<String> lines = new ArrayList<>(List.of("amount,merchant,category"));
        for (int i = 0; i < rows; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            lines.add(String.format(
                    Locale.ROOT,
                    "%.2f,%s,%s",
                    Double.parseDouble(kind[2]) + random.nextDouble() * 10,
                    kind[1],
                    kind[0]));
        }
        Files.createDirectories(workspace.resolve(name).getParent());
        Files.write(workspace.resolve(name), lines);
    }

    private void train(FakeBuildContext build) throws Exception {
        writeReceipts("data/receipts.csv", 150, 7);
        new TrainRunner(build)
                .run(new TrainRequest(
                        null,
                        "data/receipts.csv",
                        "category",
                        "logistic",
                        Map.of("epochs", "5"),
                        42,
                        null,
                        null,
                        "model",
                        "model/run-metadata.json",
                        CsvFormatArguments.DETECT));
    }

    private void golden(String expectedForCafe) throws IOException {
        Files.createDirectories(workspace.resolve("ml"));
        Files.writeString(
                workspace.resolve("ml/golden.jsonl"),
                "{\"input\": {\"amount\": 15.5, \"merchant\": \"cafe\"}, \"expected\": \"" + expectedForCafe + "\"}\n"
                        + "{\"input\": {\"amount\": 255.0, \"merchant\": \"airline\"}, \"expected\": \"travel\"}\n");
    }

    @Test
    void shouldRegisterPromoteAndEvaluateAgainstTheChampion() throws Exception {
        FakeBuildContext build = build();
        train(build);

        Map<String, Object> registered = new RegisterRunner(build)
                .run(new RegisterRequest("model/model.tribuo", null, "challenger", null, null));

        assertThat(registered)
                .containsEntry("name", "receipts")
                .containsEntry("version", 1)
                .containsEntry("reference", "receipts@1");
        JsonNode shown =
                mlopsJson("models", "show", "receipts@challenger", "--registry", registry.toString(), "--json");
        assertThat(shown.toString())
                .contains("\"version\":1", "receipts/main", "http://jenkins/job/receipts/job/main/17/");
        assertThat(build.descriptions).containsExactly("receipts@1 (challenger)");
        assertThat(build.versionActions).singleElement().satisfies(a -> assertThat(a.getModelSha256())
                .hasSize(64));

        writeReceipts("data/test.csv", 60, 11);
        Map<String, Object> firstRun = new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/test.csv",
                        List.of("accuracy >= baseline - 0.01"),
                        "champion",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        null,
                        CsvFormatArguments.DETECT));
        assertThat(build.log()).contains("baseline 'receipts@champion' is not in the registry", "INACTIVE");
        assertThat(firstRun).containsEntry("buildResult", "SUCCESS");

        new PromoteRunner(build).run(new PromoteRequest(null, 1, "champion", "approved in the test", null, "carol"));

        assertThat(mlopsJson("models", "show", "receipts@champion", "--registry", registry.toString(), "--json")
                        .toString())
                .contains("\"version\":1");
        assertThat(build.descriptions).containsExactly("receipts@1 (challenger)", "receipts@1 promoted to champion");

        Map<String, Object> evaluated = new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/test.csv",
                        List.of("accuracy >= baseline - 0.01"),
                        "champion",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json",
                        null,
                        null,
                        CsvFormatArguments.DETECT));

        assertThat(build.launches.get(build.launches.size() - 1))
                .containsSubsequence("--baseline", "receipts@champion", "--registry", registry.toString());
        assertThat(((Map<?, ?>) evaluated.get("gates")).get("outcome")).isEqualTo("PASSED");
    }

    @Test
    void shouldDeployTheChampionToAFolderWithoutLeakingTheToken() throws Exception {
        FakeBuildContext build = build();
        train(build);
        new RegisterRunner(build).run(new RegisterRequest("model", null, "champion", null, null));
        golden("food");
        Path target = workspace.resolve("srv/receipts");

        Map<String, Object> result = new DeployRunner(build)
                .run(new DeployRequest(
                        "receipts@champion",
                        DeployTarget.parse("dir:" + target),
                        "ml/golden.jsonl",
                        new LoadSpec(20, 1, 5000, 0.5),
                        "serving-admin",
                        null,
                        null,
                        null,
                        ".mlops/deploy-run-metadata.json"));

        assertThat(result).containsEntry("buildResult", "SUCCESS");
        assertThat(((Map<?, ?>) result.get("deployment")).get("status")).isEqualTo("DEPLOYED");
        assertThat(Files.isSymbolicLink(target.resolve("current"))).isTrue();
        assertThat(build.results).isEmpty();
        assertThat(build.actions).last().satisfies(a -> {
            assertThat(a.getDeployment().getStatus()).isEqualTo("DEPLOYED");
            assertThat(a.getDeployment().getGoldenPassed()).isEqualTo(2);
            assertThat(a.getDeployment().getLoadSent()).isEqualTo(20L);
            assertThat(a.getDeployment().getP99Ms()).isNotNull();
        });
        assertThat(build.environments.get(build.environments.size() - 1)).containsEntry("MLOPS_ADMIN_TOKEN", TOKEN);
        assertNoToken(build);
    }

    @Test
    void shouldRollBackAndFailTheBuildWhenAGoldenRequestIsWrong() throws Exception {
        FakeBuildContext build = build();
        train(build);
        golden("office");
        Path target = workspace.resolve("srv/receipts");

        assertThatThrownBy(() -> new DeployRunner(build)
                        .run(new DeployRequest(
                                "model",
                                DeployTarget.parse("dir:" + target),
                                "ml/golden.jsonl",
                                null,
                                "serving-admin",
                                null,
                                "7",
                                null,
                                ".mlops/deploy-run-metadata.json")))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith(
                        "[mlDeploy] deployment ROLLED_BACK to dir:" + target + ": integration check failed")
                .hasMessageContaining("expected 'office'");
        assertThat(build.results).containsExactly(BuildResult.FAILURE);
        assertThat(build.log()).contains("[mlDeploy] rolled back: integration check failed");
        assertThat(target.resolve("current")).doesNotExist();
        assertThat(build.actions)
                .last()
                .satisfies(a -> assertThat(a.getDeployment().getReasons()).isNotEmpty());
        assertNoToken(build);
    }

    @Test
    void shouldHotSwapARunningServiceWithTheTokenFromCredentials() throws Exception {
        FakeBuildContext build = build();
        train(build);
        golden("food");
        String java = System.getProperty("java.home") + "/bin/java";
        Path portFile = workspace.resolve("port");
        ProcessBuilder serve = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        engineJar.toString(),
                        EngineScript.MAIN_CLASS,
                        "serve",
                        "--model",
                        workspace.resolve("model").toString(),
                        "--port",
                        "0",
                        "--port-file",
                        portFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(workspace.resolve("serve.log").toFile());
        serve.environment().put("MLOPS_ADMIN_TOKEN", TOKEN);
        Process service = serve.start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!(Files.exists(portFile) && !Files.readString(portFile).isBlank())
                    && System.currentTimeMillis() < deadline) {
                assertThat(service.isAlive())
                        .as("service started: " + workspace.resolve("serve.log"))
                        .isTrue();
                Thread.sleep(100);
            }
            String url = "http://127.0.0.1:" + Files.readString(portFile).strip();
            DeployRequest request = new DeployRequest(
                    "model",
                    DeployTarget.parse(url),
                    "ml/golden.jsonl",
                    new LoadSpec(20, 1, 5000, 0.5),
                    "serving-admin",
                    "receipts",
                    "2",
                    null,
                    ".mlops/deploy-run-metadata.json");

            Map<String, Object> result = new DeployRunner(build).run(request);

            assertThat(((Map<?, ?>) result.get("deployment")).get("status")).isEqualTo("DEPLOYED");
            assertNoToken(build);

            build.secrets.put("serving-admin", "wrong-" + TOKEN.substring(4));
            assertThatThrownBy(() -> new DeployRunner(build).run(request))
                    .as("the token really reaches the command")
                    .isInstanceOf(StepFailure.class)
                    .hasMessageContaining("HTTP 401");
            assertThat(build.log()).doesNotContain(TOKEN).doesNotContain("wrong-" + TOKEN.substring(4));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** The token may reach the child's environment only: not the log, the metadata, the stored run or the artifacts. */
    private void assertNoToken(FakeBuildContext build) throws IOException {
        assertThat(build.log()).doesNotContain(TOKEN);
        assertThat(build.launches.toString()).doesNotContain(TOKEN);
        for (Path root : List.of(buildDir, workspace.resolve(".mlops"), registry)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain(TOKEN);
                }
            }
        }
    }
}
