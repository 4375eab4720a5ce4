package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry used by evaluate and deploy: baselines by alias, deployments recorded where they went. */
class RegistryWorkflowTest {
    @TempDir
    static Path shared;

    private static Path bundle;
    private static Path bundle2;

    @TempDir
    Path dir;

    private Map<String, String> env;

    @org.junit.jupiter.api.BeforeAll
    static void trainTwoModels() {
        StringBuilder csv = new StringBuilder("description,amount,category\n");
        java.util.Random random = new java.util.Random(5);
        String[][] words = {{"dinner", "lunch", "pizza"}, {"hotel", "room", "night"}, {"taxi", "train", "bus"}};
        String[] labels = {"meals", "lodging", "transport"};
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            csv.append(words[c][random.nextInt(3)])
                    .append(" receipt,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 10 + c * 40 + random.nextGaussian() * 5))
                    .append(',')
                    .append(labels[c])
                    .append('\n');
        }
        Path data = Cli.write(shared.resolve("train.csv"), csv.toString());
        bundle = shared.resolve("model");
        bundle2 = shared.resolve("model2");
        for (Path output : new Path[] {bundle, bundle2}) {
            Cli.Result trained = Cli.run(
                    "train",
                    "--data",
                    data.toString(),
                    "--label",
                    "category",
                    "--column",
                    "description=text",
                    "-p",
                    "epochs=" + (output == bundle ? 2 : 4),
                    "--output",
                    output.toString());
            assertThat(trained.exitCode()).as(trained.toString()).isZero();
        }
    }

    @BeforeEach
    void registerTwoVersions() {
        env = new HashMap<>();
        env.put("MLOPS_REGISTRY", dir.resolve("registry").toString());
        env.put("USER", "alice");
        assertThat(run("register", "--model", bundle.toString(), "--name", "receipts", "--alias", "champion")
                        .exit())
                .isZero();
        assertThat(run("register", "--model", bundle2.toString(), "--name", "receipts", "--alias", "challenger")
                        .exit())
                .isZero();
    }

    private RegistryCommandsTest.Run run(final String... args) {
        return RegistryCommandsTest.run(env, args);
    }

    @Test
    void shouldExportAVersionAsABundle() throws Exception {
        RegistryCommandsTest.Run export = run(
                "models",
                "export",
                "receipts@champion",
                "--to",
                dir.resolve("out").toString(),
                "--json");

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.json().get("version").asInt()).isEqualTo(1);
        assertThat(Cli.sha256(dir.resolve("out/model.tribuo"))).isEqualTo(Cli.sha256(bundle.resolve("model.tribuo")));
        assertThat(run(
                                "models",
                                "export",
                                "receipts@champion",
                                "--to",
                                dir.resolve("out").toString())
                        .exit())
                .isEqualTo(ExitCode.BAD_INPUT.code());
    }

    @Test
    void shouldEvaluateAgainstTheChampionByAlias() throws Exception {
        RegistryCommandsTest.Run evaluate = run(
                "evaluate",
                "--model",
                "receipts@challenger",
                "--data",
                shared.resolve("train.csv").toString(),
                "--baseline",
                "receipts@champion",
                "--gate",
                "accuracy >= baseline - 0.5",
                "--json");

        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        JsonNode json = evaluate.json();
        assertThat(json.get("model").get("path").asText()).isEqualTo("receipts@challenger");
        assertThat(json.get("baseline").get("path").asText()).isEqualTo("receipts@champion");
        assertThat(json.get("baseline").get("sha256").asText()).isEqualTo(Cli.sha256(bundle.resolve("model.tribuo")));
        assertThat(json.get("gates").get("results").get(0).get("status").asText())
                .isEqualTo("PASSED");
        assertThat(MetadataCheck.valid(json)).isTrue();
    }

    @Test
    void shouldRecordWhatIsDeployedWhere() throws Exception {
        Path golden = Files.writeString(
                dir.resolve("golden.jsonl"),
                "{\"input\": {\"description\": \"taxi receipt\", \"amount\": 90.0}, \"expected\": \"transport\"}\n");

        RegistryCommandsTest.Run deploy = run(
                "deploy",
                "--model",
                "receipts@champion",
                "--dir",
                dir.resolve("prod").toString(),
                "--golden",
                golden.toString());
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("deployment DEPLOYED: receipts 1 -> ");

        RegistryCommandsTest.Run failed = run(
                "deploy",
                "--model",
                "receipts@challenger",
                "--dir",
                dir.resolve("prod").toString(),
                "--golden",
                Files.writeString(
                                dir.resolve("wrong.jsonl"),
                                "{\"input\": {\"description\": \"taxi receipt\", \"amount\": 90.0}, \"expected\": \"meals\"}\n")
                        .toString());
        assertThat(failed.exit()).as(failed.err()).isEqualTo(ExitCode.DEPLOY_ROLLED_BACK.code());

        RegistryCommandsTest.Run show = run("models", "show", "receipts", "--json");
        JsonNode deployments = show.json().get("deployments");
        assertThat(deployments.size()).isEqualTo(1);
        JsonNode production = deployments.get("directory " + dir.resolve("prod").toAbsolutePath());
        assertThat(production.get("version").asInt()).as(deployments.toString()).isEqualTo(1);
        assertThat(production.get("status").asText()).isEqualTo("DEPLOYED");
        assertThat(production.get("by").asText()).isEqualTo("alice");
        assertThat(run("models", "show", "receipts").out())
                .contains("deployed: directory " + dir.resolve("prod").toAbsolutePath() + " -> receipts@1 (");
        assertThat(Files.readAllLines(dir.resolve("registry/models/receipts/deployments.log")))
                .hasSize(2)
                .last()
                .asString()
                .contains("\"status\":\"ROLLED_BACK\"", "\"version\":2");
    }

    /** Schema validation of a metadata document. */
    static final class MetadataCheck {
        static boolean valid(final JsonNode json) {
            return io.mlops.engine.metadata.MetadataWriter.violations(json).isEmpty();
        }
    }
}
