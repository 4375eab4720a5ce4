package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path bundle;
    static Path bundle2;

    @TempDir
    Path dir;

    /** The result of one run of the command. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void trainBundles() throws IOException {
        Path data = shared.resolve("train.csv");
        StringBuilder csv = new StringBuilder("description,amount,category\n");
        Random random = new Random(1);
        String[][] words = {{"dinner", "lunch", "pizza"}, {"hotel", "room", "night"}, {"taxi", "train", "bus"}};
        String[] labels = {"meals", "lodging", "transport"};
        for (int i = 0; i < 90; i++) {
            int c = i % 3;
            csv.append(words[c][random.nextInt(3)])
                    .append(" receipt,")
                    .append(String.format(Locale.ROOT, "%.2f", 10 + c * 40 + random.nextGaussian() * 5))
                    .append(',')
                    .append(labels[c])
                    .append('\n');
        }
        Files.writeString(data, csv);
        bundle = shared.resolve("model");
        bundle2 = shared.resolve("model2");
        for (Path output : new Path[] {bundle, bundle2}) {
            Run run = run(
                    Map.of(),
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
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    static Run run(final Map<String, String> env, final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mlops.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run mlops(final String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("MLOPS_REGISTRY", dir.resolve("registry").toString());
        env.put("USER", "alice");
        return run(env, args);
    }

    @Test
    void shouldRegisterWithTheJenkinsBuildFromTheEnvironment() throws IOException {
        Map<String, String> env = Map.of(
                "JOB_NAME",
                "ml/receipts",
                "BUILD_NUMBER",
                "12",
                "BUILD_URL",
                "https://ci/job/ml/receipts/12/",
                "USER",
                "jenkins");

        Run run = run(
                env,
                "register",
                "--model",
                bundle.toString(),
                "--name",
                "receipts",
                "--registry",
                dir.resolve("reg").toString(),
                "--alias",
                "staging",
                "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode version = run.json();
        assertThat(version.path("name").asText()).isEqualTo("receipts");
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("registeredBy").asText()).isEqualTo("jenkins");
        assertThat(version.path("build").path("job").asText()).isEqualTo("ml/receipts");
        assertThat(version.path("build").path("number").asText()).isEqualTo("12");
        assertThat(version.path("build").path("url").asText()).isEqualTo("https://ci/job/ml/receipts/12/");
        assertThat(dir.resolve("reg/models/receipts/versions/1/MODEL_CARD.md")).isRegularFile();

        Run text = run(
                env,
                "register",
                "--model",
                bundle.toString(),
                "--name",
                "receipts",
                "--registry",
                dir.resolve("reg").toString());
        assertThat(text.out()).startsWith("registered receipts@2 (model sha256 ");
    }

    @Test
    void shouldListShowAliasDiffTraceAndAudit() throws IOException {
        assertThat(mlops("models", "list").out()).startsWith("no models in ");
        assertThat(mlops("register", "--model", bundle.toString(), "--name", "receipts", "--by", "bob")
                        .exit())
                .isZero();
        assertThat(mlops("register", "--model", bundle2.toString(), "--name", "receipts")
                        .exit())
                .isZero();

        Run alias = mlops("models", "alias", "receipts", "champion", "1", "--reason", "first release");
        assertThat(alias.out()).isEqualTo("receipts@champion: (new) -> 1 by alice: first release\n");
        Run move = mlops(
                "models", "alias", "receipts", "champion", "2", "--reason", "more epochs", "--by", "carol", "--json");
        assertThat(move.json().path("from").asInt()).isEqualTo(1);
        assertThat(move.json().path("to").asInt()).isEqualTo(2);

        Run list = mlops("models", "list");
        assertThat(list.out()).contains("receipts").contains("champion -> 2");
        assertThat(mlops("models", "list", "--json")
                        .json()
                        .get(0)
                        .path("latest")
                        .asInt())
                .isEqualTo(2);

        Run show = mlops("models", "show", "receipts@champion");
        assertThat(show.exit()).isZero();
        assertThat(show.out())
                .startsWith("# Model card: receipts version 2\n")
                .contains("aliases: champion -> 2")
                .contains("model file verified: sha256 ");
        JsonNode shown = mlops("models", "show", "receipts@1", "--json").json();
        assertThat(shown.path("version").path("registeredBy").asText()).isEqualTo("bob");
        assertThat(shown.path("aliases").path("champion").asInt()).isEqualTo(2);

        Run diff = mlops("models", "diff", "receipts", "1", "2");
        assertThat(diff.out())
                .startsWith("receipts: version 1 -> 2 (same training data)\n")
                .containsPattern("epochs +2 +4 +changed")
                .containsPattern("accuracy +[0-9.]+ +[0-9.]+ +[-+][0-9.]+");
        JsonNode diffJson =
                mlops("models", "diff", "receipts", "1", "2", "--json").json();
        assertThat(diffJson.path("parameters").findValues("name"))
                .extracting(JsonNode::asText)
                .contains("epochs");

        Run lineage = mlops("models", "lineage", "receipts@champion");
        assertThat(lineage.out())
                .startsWith("receipts@2\n")
                .contains("versions trained from the same data: receipts@1, receipts@2");
        JsonNode lineageJson =
                mlops("models", "lineage", "receipts@2", "--json").json();
        String sha = lineageJson.path("data").path("train").path("sha256").asText();
        assertThat(mlops("models", "lineage", "--data", sha, "--json").json())
                .extracting(JsonNode::asText)
                .containsExactly("receipts@1", "receipts@2");

        Run audit = mlops("models", "audit", "receipts");
        assertThat(audit.out())
                .contains("first release")
                .contains("more epochs")
                .contains("carol");
        assertThat(mlops("models", "audit", "receipts", "--json").json()).hasSize(2);
    }

    @Test
    void shouldExitWithBadInputAndOneLineForUnknownOrInvalidNames() throws IOException {
        mlops("register", "--model", bundle.toString(), "--name", "receipts");
        assertBadInput(
                mlops("models", "show", "receipts@9"),
                "mlops: version 9 of model 'receipts' not found; it has version 1 only\n");
        assertBadInput(
                mlops("models", "show", "fraud"),
                "mlops: model 'fraud' not found in registry "
                        + dir.resolve("registry").toRealPath() + "; models: receipts\n");
        assertBadInput(
                mlops("models", "show", "receipts@prod"),
                "mlops: alias 'prod' of model 'receipts' not found; the model has no aliases\n");
        assertBadInput(
                mlops("register", "--model", bundle.toString(), "--name", "../x"),
                "mlops: invalid model name '../x': use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit\n");
        assertBadInput(
                mlops("models", "alias", "receipts", "a/b", "1", "--reason", "r"),
                "mlops: invalid alias 'a/b': use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit\n");
        assertBadInput(
                mlops("models", "lineage", "--data", "xyz"),
                "mlops: invalid data fingerprint 'xyz': expected a SHA-256 (64 hex digits)\n");
        assertBadInput(
                mlops("register", "--model", dir.resolve("nothing").toString(), "--name", "receipts"),
                "mlops: " + dir.resolve("nothing") + ": model bundle folder not found\n");
    }

    @Test
    void shouldReportACorruptedModelFileAndExitWithBadInput() throws IOException {
        JsonNode version = mlops("register", "--model", bundle.toString(), "--name", "receipts", "--json")
                .json();
        Path blob = dir.resolve("registry")
                .resolve(version.path("model").path("blob").asText());
        byte[] bytes = Files.readAllBytes(blob);
        bytes[0] ^= 0x01;
        Files.write(blob, bytes);

        Run show = mlops("models", "show", "receipts");

        assertThat(show.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(show.err())
                .startsWith("mlops: "
                        + dir.resolve("registry")
                                .toRealPath()
                                .resolve(version.path("model").path("blob").asText())
                        + ": checksum mismatch: expected SHA-256 ")
                .endsWith("; the model file of receipts@1 is corrupted, refusing to load it\n");
        assertThat(show.out()).isEmpty();
    }

    @Test
    void shouldExitWithUsageErrorsForMissingArguments() {
        assertThat(mlops("models", "alias", "receipts", "champion", "1").exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(mlops("models", "alias", "receipts", "champion", "one", "--reason", "r")
                        .exit())
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(mlops("register", "--name", "x").exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(mlops("models").exit()).isEqualTo(ExitCode.USAGE.code());
        Run lineage = mlops("models", "lineage");
        assertThat(lineage.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(lineage.err()).startsWith("give either NAME[@REF] or --data SHA256\n");
    }

    private static void assertBadInput(final Run run, final String message) {
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).isEqualTo(message);
    }
}
