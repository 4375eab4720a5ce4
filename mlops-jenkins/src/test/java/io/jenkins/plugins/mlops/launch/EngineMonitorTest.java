package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every line the engine prints reaches the build log, in order, before the step gets its result. */
@Timeout(120)
class EngineMonitorTest {
    private static Path engineJar;

    @TempDir
    Path root;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void buildEngine(@TempDir Path folder) throws Exception {
        engineJar = FakeEngineJar.build(folder);
    }

    private EngineHandle start(String... arguments) throws IOException {
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        EngineCall call = EngineCall.logged(List.of(arguments), null);
        return LocalEngine.start(
                workspace,
                EngineScript.of(System.getProperty("java.home"), engineJar.toString(), call.arguments()),
                Map.of("PATH", "/usr/bin:/bin"),
                call);
    }

    @Test
    void shouldLogEveryLineOfBothStreamsInOrderBeforeTheResult() throws Exception {
        LaunchResult result = EngineMonitor.await(start("lines", "3000"), log);

        assertThat(result.outcome().exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            expected.add("line " + i + " of 3000");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldCopyTheOutputWrittenAfterTheLastLookBeforeReturning() throws Exception {
        // a handle whose process ends between two looks: its last output is there only when the exit code is
        EngineHandle lateOutput = new ScriptedHandle();
        EngineMonitor monitor = new EngineMonitor(lateOutput);

        EngineMonitor.Poll first = monitor.poll(log);
        EngineMonitor.Poll second = monitor.poll(log);

        assertThat(first.result()).isEmpty();
        assertThat(second.result()).isPresent();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("| metric | value |\n| accuracy | 0.93 |\nmlops: gate failed\n");
        assertThat(second.result().get().outcome().lastErrorLine()).isEqualTo("mlops: gate failed");
    }

    @Test
    void shouldExplainAFailureByTheLastMlopsLineOrTheJvmsError() {
        ErrorLine mlops = new ErrorLine();
        List.of("[mlops] reading", "| accuracy | 0.9 |", "mlops: first", "mlops: data.csv line 3: bad")
                .forEach(mlops::accept);
        ErrorLine crash = new ErrorLine();
        List.of("[mlops] training", "Exception in thread \"main\" java.lang.IllegalStateException: boom", "\tat x.y")
                .forEach(crash::accept);
        ErrorLine quiet = new ErrorLine();
        List.of("[mlops] epoch 1/3", "trained").forEach(quiet::accept);

        assertThat(mlops.get()).isEqualTo("mlops: data.csv line 3: bad");
        assertThat(crash.get()).startsWith("Exception in thread \"main\" java.lang.IllegalStateException: boom");
        assertThat(quiet.get()).isEmpty();
    }

    /** Prints a table while running; its last line appears together with the exit code. */
    private static final class ScriptedHandle implements EngineHandle {
        private int looks;

        @Override
        public boolean writeLog(OutputStream sink) throws IOException {
            looks++;
            if (looks == 1) {
                sink.write("| metric | value |\n| accuracy | 0.93 |\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if (looks == 3) {
                sink.write("mlops: gate failed\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            return false;
        }

        @Override
        public Integer exitStatus() {
            return looks >= 2 ? 5 : null;
        }

        @Override
        public LaunchResult result(ProcessOutcome outcome) {
            return new LaunchResult(outcome, null, "/ws");
        }

        @Override
        public void stop() {}

        @Override
        public void cleanup() {}
    }
}
