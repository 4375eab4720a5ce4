package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.FakeEngineJar;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running engine step survives a controller restart: its state is serialized as the Pipeline persists it, every
 * object of the first controller is dropped, and the deserialized run, resumed, follows the engine process that ran
 * on to its result. Aborting the resumed step still kills the process tree.
 */
@Timeout(120)
class EngineStepRunTest {
    private static final String TOKEN = "tok-3f9a1c-never-persisted";
    private static Path engineJar;

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    private final java.util.List<TestSite> sites = new java.util.ArrayList<>();

    @BeforeAll
    static void buildEngine(@TempDir Path folder) throws Exception {
        engineJar = FakeEngineJar.build(folder);
    }

    @AfterEach
    void stopThreads() {
        sites.forEach(TestSite::shutdown);
    }

    /** A step that runs the fake engine for a while; its value is what the engine wrote. */
    record SlowRequest(long millis, int exitCode) implements StepRequest {
        @Override
        public EngineCall prepare(BuildContext context) {
            context.logger().println("[mlTest] preparing");
            return new EngineCall(
                    List.of(
                            "slow-metadata",
                            "out/meta.json",
                            "out/engine",
                            Long.toString(millis),
                            "run-42",
                            Integer.toString(exitCode)),
                    "out/meta.json",
                    Map.of("MLOPS_ADMIN_TOKEN", TOKEN),
                    false);
        }

        @Override
        public Map<String, Object> finish(BuildContext context, LaunchResult launched) throws IOException {
            if (launched.outcome().exitCode() != 0) {
                throw new io.jenkins.plugins.mlops.execution.StepFailure(
                        "[mlTest] engine exit code " + launched.outcome().exitCode());
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("metadata", launched.metadataJson());
            value.put("exitCode", launched.outcome().exitCode());
            return value;
        }
    }

    /** The Pipeline of one controller: its threads, its build log, the step's outcome. */
    private final class TestSite implements EngineStepRun.Site {
        final FakeBuildContext build = new FakeBuildContext(workspace, buildDir, engineJar);
        final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final AtomicInteger saves = new AtomicInteger();

        TestSite() {
            sites.add(this);
        }

        @Override
        public BuildContext open() {
            return build;
        }

        @Override
        public PrintStream log() {
            return build.logger();
        }

        @Override
        public void succeed(Object result) {
            outcome.complete(result);
        }

        @Override
        public void fail(Throwable error) {
            outcome.completeExceptionally(error);
        }

        @Override
        public void saveState() {
            saves.incrementAndGet();
        }

        @Override
        public void execute(Runnable work) {
            threads.execute(work);
        }

        @Override
        public void schedule(Runnable work, long delayMillis) {
            threads.schedule(work, delayMillis, TimeUnit.MILLISECONDS);
        }

        void shutdown() {
            threads.shutdownNow();
        }
    }

    private static byte[] serialize(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static EngineStepRun deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (EngineStepRun) in.readObject();
        }
    }

    /** Starts the step on a first controller and returns the engine's process once it runs. */
    private ProcessHandle startOnFirstController(EngineStepRun run) throws Exception {
        TestSite first = new TestSite();
        run.start(first);
        Path pidFile = workspace.resolve("out/engine.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(run.isStarted()
                && Files.exists(pidFile)
                && !Files.readString(pidFile).isBlank())) {
            assertThat(System.nanoTime()).as("engine started").isLessThan(deadline);
            assertThat(first.outcome).isNotDone();
            Thread.sleep(20);
        }
        ProcessHandle engine = ProcessHandle.of(
                        Long.parseLong(Files.readString(pidFile).strip()))
                .orElseThrow();
        first.shutdown(); // the controller goes away; the engine runs on
        assertThat(first.saves.get())
                .as("state saved once the engine was started")
                .isPositive();
        return engine;
    }

    @Test
    void shouldCompleteWithTheEnginesResultAfterARestartWhileTheEngineRanOn() throws Exception {
        EngineStepRun run = new EngineStepRun(new SlowRequest(1_500, 0));
        ProcessHandle engine = startOnFirstController(run);

        byte[] persisted = serialize(run);
        run = null; // every object of the first controller is gone
        assertThat(engine.isAlive())
                .as("the engine runs on while the controller is down")
                .isTrue();
        assertThat(new String(persisted, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);

        EngineStepRun resumed = deserialize(persisted);
        TestSite second = new TestSite();
        resumed.resume(second);
        Object value = second.outcome.get(60, TimeUnit.SECONDS);

        assertThat(value).isEqualTo(Map.of("metadata", "{\"runId\": \"run-42\"}", "exitCode", 0));
        assertThat(second.build.log()).contains("finished run-42");
        assertThat(second.build.launches).as("not started again").isEmpty();
        assertThat(engine.isAlive()).isFalse();
    }

    @Test
    void shouldKillTheEngineProcessTreeWhenAbortedAfterARestart() throws Exception {
        EngineStepRun run = new EngineStepRun(new SlowRequest(120_000, 0));
        ProcessHandle engine = startOnFirstController(run);
        EngineStepRun resumed = deserialize(serialize(run));
        TestSite second = new TestSite();
        resumed.resume(second);

        InterruptedException abort = new InterruptedException("aborted by the user");
        resumed.stop(abort, second);

        assertThatThrownBy(() -> second.outcome.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCause(abort);
        engine.onExit().get(20, TimeUnit.SECONDS);
        assertThat(engine.isAlive()).isFalse();
        assertThat(workspace.resolve("out/meta.json")).doesNotExist();
    }

    @Test
    void shouldStartTheEngineWhenTheRestartCameBeforeItWasStarted() throws Exception {
        EngineStepRun notStarted = deserialize(serialize(new EngineStepRun(new SlowRequest(10, 0))));
        TestSite site = new TestSite();

        notStarted.resume(site);

        assertThat(site.outcome.get(60, TimeUnit.SECONDS))
                .isEqualTo(Map.of("metadata", "{\"runId\": \"run-42\"}", "exitCode", 0));
        assertThat(site.build.log()).contains("[mlTest] preparing", "finished run-42");
    }

    @Test
    void shouldFailTheStepWithTheRecordersMessageWhenTheEngineFails() throws Exception {
        TestSite site = new TestSite();

        new EngineStepRun(new SlowRequest(10, 3)).start(site);

        assertThatThrownBy(() -> site.outcome.get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(io.jenkins.plugins.mlops.execution.StepFailure.class)
                .hasRootCauseMessage("[mlTest] engine exit code 3");
    }
}
