package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs mlops as a real process: System.exit, standard streams and relative paths. */
class ChildProcessTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path workDir;

    private record Process(int exitCode, String out, String err) {}

    private Process mlops(final String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived command: C1 only and the serial collector roughly halve its run time
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Mlops.class.getName()));
        command.addAll(List.of(args));
        Path out =
                workDir.resolve("../" + workDir.getFileName() + "-stdout.txt").normalize();
        Path err =
                workDir.resolve("../" + workDir.getFileName() + "-stderr.txt").normalize();
        java.lang.Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("finished in time")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        Process result = new Process(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    @Test
    void shouldRefuseTheWorkingDirectoryAsOutputAndDeleteNothing() throws Exception {
        // the reproduction of the data loss: a stray bundle.json made the project folder look like a bundle
        Files.writeString(workDir.resolve("bundle.json"), "{}");
        Path source = Cli.write(workDir.resolve("src/keep.c"), "x");
        Path data = Cli.receipts(workDir.resolve("data/train.csv"), 1, 300);
        String dataSha = Cli.sha256(data);

        Process result =
                mlops("train", "--data", "data" + File.separator + "train.csv", "--label", "category", "--output", ".");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Mlops.BAD_INPUT);
        assertThat(result.err())
                .contains("mlops: .: output folder is the working directory, and writing a model bundle replaces the"
                        + " whole folder; choose a subfolder such as 'model'");
        assertThat(source).hasContent("x");
        assertThat(Cli.sha256(data)).isEqualTo(dataSha);
        assertThat(Cli.entries(workDir)).containsExactlyInAnyOrder("bundle.json", "src", "data");
    }

    @Test
    void shouldTrainWithRelativePathsInTheWorkingDirectoryAndExitWithZero() throws Exception {
        Cli.receipts(workDir.resolve("data/train.csv"), 1, 600);

        Process result = mlops(
                "train",
                "--data",
                "data" + File.separator + "train.csv",
                "--label",
                "category",
                "-p",
                "epochs=2",
                "--seed",
                "7",
                "--output",
                "model",
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains(
                        "[mlops] reading data" + File.separator + "train.csv",
                        "[mlops] training",
                        "%",
                        "[mlops] model written to model");
        assertThat(result.err().lines().filter(line -> !line.startsWith("[mlops] ")))
                .isEmpty();
        JsonNode metadata = Cli.assertBundle(workDir.resolve("model"));
        assertThat(Cli.parse(result.out())).isEqualTo(metadata);
        assertThat(metadata.path("seed").asLong()).isEqualTo(7);
        assertThat(metadata.path("data").path("train").path("file").asText())
                .isEqualTo("data" + File.separator + "train.csv");
        assertThat(Cli.entries(workDir)).containsExactly("data", "model");
    }

    @Test
    void shouldExitWithFiveFromTheProcessWhenAGateFails() throws Exception {
        Cli.receipts(workDir.resolve("train.csv"), 1, 600);
        Cli.receipts(workDir.resolve("test.csv"), 2, 200);
        Cli.Result trained = Cli.run(
                "train",
                "--data",
                Cli.abs(workDir.resolve("train.csv")),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                Cli.abs(workDir.resolve("model")));
        assertThat(trained.exitCode()).as(trained.toString()).isZero();

        Process result = mlops(
                "evaluate",
                "--model",
                "model",
                "--data",
                "test.csv",
                "--gate",
                "accuracy >= 0.5",
                "--gate",
                "accuracy >= 0.999");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Mlops.GATES_FAILED);
        assertThat(result.out()).contains("model model on test.csv (200 examples)", "quality gates: FAILED");
    }
}
