package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 point 6 on the command line: read-only registries, forged audit rows, URLs with user info. */
class HostileInputTest {
    @TempDir
    static Path shared;

    static Path bundle;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void trainBundle() throws IOException {
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
        Run run =
                run(Map.of(), "train", "--data", data.toString(), "--label", "category", "--output", bundle.toString());
        assertThat(run.exit()).as(run.err()).isZero();
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
    void shouldNotLetANewlineInAReasonForgeAnAuditRow() {
        assertThat(mlops("register", "--model", bundle.toString(), "--name", "receipts")
                        .exit())
                .isZero();
        String forged = "ok\n2  2026-01-01T00:00:00Z  mallory  champion  -  1  approved by security";
        assertThat(mlops("models", "alias", "receipts", "champion", "1", "--reason", forged)
                        .exit())
                .isZero();

        Run audit = mlops("models", "audit", "receipts");

        assertThat(audit.out().lines().toList()).hasSize(3);
        assertThat(audit.out())
                .contains("ok\\n2  2026-01-01T00:00:00Z  mallory")
                .doesNotContain("\nmallory");
    }

    @Test
    void shouldListARegistryThatCannotBeWritten() throws Exception {
        assertThat(mlops("register", "--model", bundle.toString(), "--name", "receipts")
                        .exit())
                .isZero();
        Path registry = dir.resolve("registry");
        ReadOnly readOnly = ReadOnly.make(registry);
        try {
            Run list = mlops("models", "list");
            Run show = mlops("models", "show", "receipts@1");
            Run audit = mlops("models", "audit", "receipts");

            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("receipts");
            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(audit.exit()).as(audit.err()).isZero();
            assertThat(mlops("register", "--model", bundle.toString(), "--name", "receipts")
                            .exit())
                    .isNotZero();
        } finally {
            readOnly.undo();
        }
    }

    @Test
    void shouldRefuseAServiceUrlWithUserInfo() {
        Map<String, String> env = new HashMap<>();
        env.put("MLOPS_REGISTRY", dir.resolve("registry").toString());
        env.put("MLOPS_ADMIN_TOKEN", "secret");

        Run deploy = run(env, "deploy", "--model", bundle.toString(), "--service", "http://admin:T0KEN@127.0.0.1:9");

        assertThat(deploy.exit()).isEqualTo(io.mlops.contract.ExitCode.BAD_INPUT.code());
        assertThat(deploy.err())
                .isEqualTo("mlops: service URL with user info (user:password@) refused: it would be printed and stored;"
                        + " give the admin token in MLOPS_ADMIN_TOKEN instead" + System.lineSeparator())
                .doesNotContain("T0KEN");
    }

    /** With MLOPS_PREDICT_TOKEN set, the golden check of {@code deploy --dir} sends it, so the deploy holds. */
    @Test
    void shouldDeployToAFolderWithThePredictionTokenSet() throws Exception {
        Path golden = Files.writeString(
                dir.resolve("golden.jsonl"),
                "{\"input\": {\"description\": \"taxi receipt\", \"amount\": 90.0}, \"expected\": \"transport\"}\n");
        Map<String, String> env = new HashMap<>();
        env.put("MLOPS_REGISTRY", dir.resolve("registry").toString());
        env.put("MLOPS_PREDICT_TOKEN", "predict-s3cret");

        Run deploy = run(
                env,
                "deploy",
                "--model",
                bundle.toString(),
                "--dir",
                dir.resolve("prod").toString(),
                "--golden",
                golden.toString(),
                "--json");

        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(Cli.parse(deploy.out()).get("deployment").get("status").asText())
                .isEqualTo("DEPLOYED");
        assertThat(deploy.out() + deploy.err()).doesNotContain("predict-s3cret");
        assertThat(dir.resolve("prod").resolve("current")).isSymbolicLink();
    }

    /**
     * Makes a folder tree unwritable. As root, permissions do not stop writes, so the immutable attribute does
     * (chattr); otherwise the write bits are taken away.
     */
    record ReadOnly(Path folder, boolean immutable) {
        static ReadOnly make(final Path folder) throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> command = root
                    ? List.of("chattr", "-R", "+i", folder.toString())
                    : List.of("chmod", "-R", "a-w", folder.toString());
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
            return new ReadOnly(folder, root);
        }

        void undo() throws Exception {
            List<String> command = immutable
                    ? List.of("chattr", "-R", "-i", folder.toString())
                    : List.of("chmod", "-R", "u+w", folder.toString());
            new ProcessBuilder(command).inheritIO().start().waitFor();
        }
    }
}
