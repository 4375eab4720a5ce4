package io.mlops.serving.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, on this JVM's class path: started with a {@code --port-file}
 * it writes once it listens, measured by its process CPU time, stopped on close.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_SECONDS = 120;

    private final Process process;
    private final int port;

    private ServerProcess(final Process process, final int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param dir       where its port file and log go
     * @param name      a name for those files
     * @param jvm       JVM options
     * @param mainClass the main class
     * @param args      its arguments, without {@code --port-file}
     * @return the running server
     * @throws IOException          if it cannot start or does not come up in time
     * @throws InterruptedException if interrupted while waiting
     */
    static ServerProcess start(
            final Path dir, final String name, final List<String> jvm, final String mainClass, final String... args)
            throws IOException, InterruptedException {
        Path portFile = dir.resolve(name + ".port");
        Path logFile = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        command.add("--port-file");
        command.add(portFile.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!Files.isRegularFile(portFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException(name + " server did not start; its log:\n" + Files.readString(logFile));
            }
            Thread.sleep(50);
        }
        return new ServerProcess(
                process, Integer.parseInt(Files.readString(portFile).strip()));
    }

    /** @return the port it listens on, on 127.0.0.1 */
    int port() {
        return port;
    }

    /** @return the CPU time the server's process has used so far, all threads, user and system */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this system does not report a process's CPU time"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
