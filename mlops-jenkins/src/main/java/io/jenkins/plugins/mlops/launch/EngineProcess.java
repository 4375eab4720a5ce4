package io.jenkins.plugins.mlops.launch;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process, streams every line of its standard output and standard error into a log
 * as soon as it is written, and kills the process (with all its descendants) when the waiting
 * thread is interrupted, e.g. because the build was aborted.
 */
public final class EngineProcess {
    private static final long KILL_WAIT_SECONDS = 10;

    private final List<String> command;
    private final File workingDirectory;
    private final PrintStream log;
    private final Map<String, String> environment;
    private final boolean captureOutput;

    /**
     * Creates a process description.
     *
     * @param command the command line, program first
     * @param workingDirectory the working directory of the process
     * @param log receives every output line of the process
     */
    public EngineProcess(List<String> command, File workingDirectory, PrintStream log) {
        this(command, workingDirectory, log, Map.of(), false);
    }

    /**
     * Creates a process description with extra environment variables.
     *
     * @param command the command line, program first
     * @param workingDirectory the working directory of the process
     * @param log receives every line of standard error, and of standard output unless it is captured
     * @param environment variables added to the inherited environment (e.g. a token; never logged)
     * @param captureOutput {@code true} to collect standard output for {@link ProcessOutcome#output()} instead of logging it
     */
    public EngineProcess(
            List<String> command,
            File workingDirectory,
            PrintStream log,
            Map<String, String> environment,
            boolean captureOutput) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.captureOutput = captureOutput;
    }

    /**
     * Starts the process and waits for it to end.
     *
     * @return the exit code and the line of standard error that best explains a failure
     * @throws IOException if the process cannot be started
     * @throws InterruptedException if interrupted while waiting; the process has been killed then
     */
    public ProcessOutcome run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        ErrorLine lastError = new ErrorLine();
        StringBuilder captured = captureOutput ? new StringBuilder() : null;
        Thread out = pump(process.getInputStream(), null, captured, "stdout");
        Thread err = pump(process.getErrorStream(), lastError, null, "stderr");
        try {
            int exitCode = process.waitFor();
            out.join();
            err.join();
            return new ProcessOutcome(exitCode, lastError.get(), captured == null ? null : captured.toString());
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
    }

    /**
     * Picks the line that best explains a failure from standard error: the last {@code mlops: ...}
     * message of the command, else the first line of a stack trace or other unindented output
     * that is not a progress line.
     */
    static final class ErrorLine {
        private String message;
        private String fallback;

        synchronized void accept(String line) {
            if (line.startsWith("mlops:")) {
                message = line;
            } else if (fallback == null
                    && !line.isBlank()
                    && !Character.isWhitespace(line.charAt(0))
                    && !line.startsWith("[mlops]")) {
                fallback = line;
            }
        }

        synchronized String get() {
            return message != null ? message : fallback != null ? fallback : "";
        }
    }

    private Thread pump(InputStream stream, ErrorLine lastLine, StringBuilder capture, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (capture != null) {
                                capture.append(line).append('\n');
                                continue;
                            }
                            synchronized (log) {
                                log.println(line);
                            }
                            if (lastLine != null) {
                                lastLine.accept(line);
                            }
                        }
                    } catch (IOException e) {
                        // the stream closes when the process is killed; nothing more to read
                    }
                },
                "mlops-engine-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
