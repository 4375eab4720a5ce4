package io.jenkins.plugins.mlops.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An engine started on this machine the way durable-task's {@code BourneShellScript} starts it on an agent: the
 * script in a control folder, run detached by {@code sh} with its output in a log file, its exit code written
 * atomically when it ends. The handle holds only paths and a read position, so it survives serialization
 * while the process runs on.
 */
public final class LocalEngine implements EngineHandle {
    private static final long serialVersionUID = 1L;

    private final String workspace;
    private final String control;
    private final String metadataPath;
    private final boolean captureOutput;
    private long logPosition;

    private LocalEngine(Path workspace, Path control, String metadataPath, boolean captureOutput) {
        this.workspace = workspace.toString();
        this.control = control.toString();
        this.metadataPath = metadataPath;
        this.captureOutput = captureOutput;
    }

    /**
     * Starts a script detached.
     *
     * @param workspace the working directory
     * @param script the script, as {@link EngineScript} writes it
     * @param environment the environment of the script (the whole of it, as a launcher's environment)
     * @param call the call
     * @return the handle
     */
    public static LocalEngine start(Path workspace, String script, Map<String, String> environment, EngineCall call)
            throws IOException {
        Path control = Files.createTempDirectory(workspace.getParent(), "control-");
        Path scriptFile = control.resolve("script.sh");
        Files.writeString(scriptFile, script);
        scriptFile.toFile().setExecutable(true);
        String out = call.captureOutput() ? "'" + control.resolve("output.txt") + "' 2>" : "";
        String log = "'" + control.resolve("log.txt") + "'";
        String result = "'" + control.resolve("result.txt") + "'";
        String wrapper = "'" + scriptFile + "' > " + (call.captureOutput() ? out + log : log + " 2>&1") + "; echo $? > "
                + result + ".tmp; /bin/mv " + result + ".tmp " + result;
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", wrapper))
                .directory(workspace.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        Files.writeString(control.resolve("pid"), Long.toString(process.pid()));
        return new LocalEngine(workspace, control, call.metadataPath(), call.captureOutput());
    }

    @Override
    public boolean writeLog(OutputStream sink) throws IOException {
        Path log = Path.of(control, "log.txt");
        if (!Files.exists(log)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= logPosition) {
                return false;
            }
            byte[] bytes = new byte[(int) (length - logPosition)];
            file.seek(logPosition);
            file.readFully(bytes);
            sink.write(bytes);
            logPosition = length;
            return true;
        }
    }

    @Override
    public Integer exitStatus() throws IOException {
        Path result = Path.of(control, "result.txt");
        return Files.exists(result) ? Integer.valueOf(Files.readString(result).strip()) : null;
    }

    @Override
    public LaunchResult result(ProcessOutcome outcome) throws IOException {
        Path metadata = metadataPath == null ? null : Path.of(workspace, metadataPath);
        String json = metadata != null && Files.isRegularFile(metadata) ? Files.readString(metadata) : null;
        String output = captureOutput ? Files.readString(Path.of(control, "output.txt"), StandardCharsets.UTF_8) : null;
        return new LaunchResult(outcome, json, workspace, output);
    }

    @Override
    public void stop() throws IOException {
        long pid = Long.parseLong(Files.readString(Path.of(control, "pid")).strip());
        ProcessHandle.of(pid).ifPresent(wrapper -> {
            wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
        });
    }

    @Override
    public void cleanup() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(control))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** @return the control folder, for tests that look inside */
    public Path control() {
        return Path.of(control);
    }
}
