package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mlops serve --config config.json} takes the service's name, version and port from the file, and options
 * given on the command line win over it. The command runs in this JVM, in a thread that the test interrupts.
 */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final List<Thread> running = new ArrayList<>();

    /** A running {@code mlops serve}, its port read from its port file. */
    private record Serve(Thread thread, int port, StringWriter err, AtomicInteger exit) {}

    @AfterEach
    void stop() throws InterruptedException {
        for (Thread thread : running) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(thread.isAlive()).as("the service stopped").isFalse();
        }
    }

    private Serve serve(final String... args) throws Exception {
        Path portFile = dir.resolve("port-" + running.size());
        List<String> all =
                new ArrayList<>(List.of("--model", TestModels.modelA().toString(), "--port-file", portFile.toString()));
        all.addAll(List.of(args));
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = new Thread(
                () -> {
                    CommandLine command = new CommandLine(new ServeCommand());
                    command.setErr(new PrintWriter(err, true));
                    exit.set(command.execute(all.toArray(String[]::new)));
                },
                "serve-command-test");
        running.add(thread);
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(portFile)) {
            assertThat(thread.isAlive()).as("serve exited early: %s", err).isTrue();
            assertThat(System.nanoTime()).as("serve did not start: %s", err).isLessThan(deadline);
            Thread.sleep(20);
        }
        return new Serve(thread, Integer.parseInt(Files.readString(portFile).strip()), err, exit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path config(final String name, final String version, final int port) throws IOException {
        Path file = dir.resolve(ServiceSettings.FILE);
        new ServiceSettings(name, version, ServingConfig.LOOPBACK, port, null, null, null, null, null, null)
                .write(file);
        return file;
    }

    @Test
    void shouldTakeNameVersionAndPortFromTheConfigFile() throws Exception {
        int port = freePort();
        Path config = config("from-file", "v-file", port);

        Serve serve = serve("--config", config.toString());

        assertThat(serve.port()).isEqualTo(port);
        JsonNode model = new Http(port).get("/v1/model").json();
        assertThat(model.get("name").asText()).isEqualTo("from-file");
        assertThat(model.get("version").asText()).isEqualTo("v-file");
        assertThat(serve.err().toString()).contains("serving from-file v-file on http://127.0.0.1:" + port);
    }

    @Test
    void shouldLetCommandLineOptionsWinOverTheConfigFile() throws Exception {
        Path config = config("file-name", "v-file", 1);

        Serve serve = serve("--config", config.toString(), "--port", "0", "--name", "x");

        assertThat(serve.port())
                .as("a free port, not the file's")
                .isNotEqualTo(1)
                .isPositive();
        JsonNode model = new Http(serve.port()).get("/v1/model").json();
        assertThat(model.get("name").asText()).isEqualTo("x");
        assertThat(model.get("version").asText())
                .as("not overridden: from the file")
                .isEqualTo("v-file");
    }

    @Test
    void shouldStopWhenInterrupted() throws Exception {
        Serve serve = serve("--config", config("receipts", "1", 0).toString());
        assertThat(new Http(serve.port()).get("/v1/health").status()).isEqualTo(200);

        serve.thread().interrupt();
        serve.thread().join(TimeUnit.SECONDS.toMillis(20));

        assertThat(serve.thread().isAlive()).isFalse();
        assertThat(serve.exit().get())
                .as("an interrupted service ends with an error code")
                .isNotZero();
        assertThat(accepts(serve.port()))
                .as("port %d still accepts connections", serve.port())
                .isFalse();
    }

    private static boolean accepts(final int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException closed) {
            return false;
        }
    }
}
