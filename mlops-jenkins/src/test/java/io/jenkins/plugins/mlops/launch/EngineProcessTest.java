package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProcessTest {
    @TempDir
    Path workspace;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static List<String> childJvm(String... args) {
        String java = JavaCommand.javaExecutable(System.getProperty("java.home"), File.separatorChar == '\\');
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), FakeEngine.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private String log() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldStreamEveryOutputLineIntoTheLog() throws Exception {
        ProcessOutcome outcome = new EngineProcess(childJvm("progress", "3", "0"), workspace.toFile(), log).run();

        assertThat(outcome.exitCode()).isZero();
        assertThat(log())
                .contains("[mlops] epoch 1/3", "[mlops] epoch 2/3", "[mlops] epoch 3/3", "trained in 3 epochs");
        assertThat(outcome.lastErrorLine()).as("progress lines explain nothing").isEmpty();
    }

    @Test
    void shouldReturnExitCodeAndLastErrorLineOfFailedChild() throws Exception {
        ProcessOutcome outcome = new EngineProcess(childJvm("error"), workspace.toFile(), log).run();

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.lastErrorLine())
                .isEqualTo("mlops: data/train.csv line 812: column 'amount' is not a number: \"12,5O\"");
    }

    @Test
    void shouldExplainCrashWithFirstLineOfStackTrace() throws Exception {
        ProcessOutcome outcome = new EngineProcess(childJvm("crash"), workspace.toFile(), log).run();

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lastErrorLine())
                .isEqualTo("Exception in thread \"main\" java.lang.IllegalStateException: boom");
        assertThat(log()).contains("\tat io.jenkins.plugins.mlops.launch.FakeEngine.main");
    }

    @Test
    void shouldKillChildProcessPromptlyWhenInterrupted() throws Exception {
        Path pidFile = workspace.resolve("pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                new EngineProcess(childJvm("sleep", pidFile.toString()), workspace.toFile(), log).run();
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        runner.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertThat(System.currentTimeMillis()).as("child started").isLessThan(deadline);
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        long interruptedAt = System.nanoTime();
        runner.interrupt();
        runner.join(15_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat((System.nanoTime() - interruptedAt) / 1_000_000).isLessThan(10_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void shouldBuildJavaCommandLineWithEngineMainClass() {
        List<String> command =
                JavaCommand.of("/opt/java/bin/java", List.of("a.jar", "b.jar"), List.of("train", "--data", "x.csv"));

        assertThat(command)
                .containsExactly(
                        "/opt/java/bin/java",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.awt.headless=true",
                        "-cp",
                        "a.jar" + File.pathSeparator + "b.jar",
                        "io.mlops.cli.Mlops",
                        "train",
                        "--data",
                        "x.csv");
        assertThat(JavaCommand.javaExecutable("/opt/java", false))
                .isEqualTo("/opt/java" + File.separator + "bin" + File.separator + "java");
    }

    @Test
    void shouldPassSecretsOnlyThroughTheChildsEnvironmentAndCaptureOutputWhenAsked() throws Exception {
        String token = "s3cr3t-admin-token-" + System.nanoTime();

        ProcessOutcome outcome = new EngineProcess(
                        childJvm("env", "MLOPS_ADMIN_TOKEN"),
                        workspace.toFile(),
                        log,
                        java.util.Map.of("MLOPS_ADMIN_TOKEN", token),
                        true)
                .run();

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).isEqualTo("{\"tokenLength\": " + token.length() + "}\n");
        assertThat(log())
                .contains("[mlops] MLOPS_ADMIN_TOKEN has " + token.length() + " characters")
                .as("captured output is not logged")
                .doesNotContain("tokenLength")
                .doesNotContain(token);
    }
}
