package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.EngineHandle;
import io.jenkins.plugins.mlops.launch.EngineScript;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.LocalEngine;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.gates.BuildResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build on this machine: a workspace folder, a build folder (artifacts are copied to
 * {@code <build>/archive}), and a pluggable launch. Records what the step did to the build.
 */
public class FakeBuildContext implements BuildContext {
    /** Runs the engine for the fake build. */
    @FunctionalInterface
    public interface Launch {
        LaunchResult launch(List<String> arguments, String metadataPath) throws IOException, InterruptedException;
    }

    /** Runs the engine for the fake build, with the child's extra environment and output capture. */
    @FunctionalInterface
    public interface FullLaunch {
        LaunchResult launch(
                List<String> arguments, String metadataPath, Map<String, String> environment, boolean captureOutput)
                throws IOException, InterruptedException;
    }

    public final Path workspace;
    public final Path buildDir;
    public final Map<String, String> archived = new LinkedHashMap<>();
    public final List<MlRunAction> actions = new ArrayList<>();
    public final List<BuildResult> results = new ArrayList<>();
    public final List<List<String>> launches = new ArrayList<>();
    public Path previousModel;
    public final List<Map<String, String>> environments = new ArrayList<>();
    public final List<ModelVersionAction> versionActions = new ArrayList<>();
    public final List<String> descriptions = new ArrayList<>();
    public final Map<String, String> secrets = new LinkedHashMap<>();
    public final Map<String, String> buildEnvironment = new LinkedHashMap<>(Map.of(
            "JOB_NAME",
            "receipts/main",
            "BUILD_NUMBER",
            "17",
            "BUILD_URL",
            "http://jenkins/job/receipts/job/main/17/"));
    public RegistrySettings settings = RegistrySettings.NONE;
    /** The user id of the build's user cause, or {@code null} for a build no user started. */
    public String startedBy;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final FullLaunch launch;
    private Path engineJar;

    public FakeBuildContext(Path workspace, Path buildDir, Launch launch) {
        this(workspace, buildDir, (FullLaunch)
                (arguments, metadataPath, environment, capture) -> launch.launch(arguments, metadataPath));
    }

    public FakeBuildContext(Path workspace, Path buildDir, FullLaunch launch) {
        this.workspace = workspace;
        this.buildDir = buildDir;
        this.launch = launch;
    }

    /** @param engineJar the engine that {@link #start} runs, with this machine's Java */
    public void useEngine(Path engineJar) {
        this.engineJar = engineJar;
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream logger() {
        return logger;
    }

    /**
     * A build whose engine runs on this machine as on an agent: {@link EngineScript} started detached by
     * {@link LocalEngine}, with this machine's environment plus {@link #buildEnvironment}.
     */
    public FakeBuildContext(Path workspace, Path buildDir, Path engineJar) {
        this.workspace = workspace;
        this.buildDir = buildDir;
        this.launch = null;
        this.engineJar = engineJar;
    }

    @Override
    public LaunchResult launch(EngineCall call) throws IOException, InterruptedException {
        if (launch == null) {
            return BuildContext.super.launch(call);
        }
        launches.add(call.arguments());
        environments.add(call.environment());
        return launch.launch(call.arguments(), call.metadataPath(), call.environment(), call.captureOutput());
    }

    @Override
    public EngineHandle start(EngineCall call) throws IOException {
        if (engineJar == null) {
            throw new UnsupportedOperationException("this fake build has no engine to start");
        }
        launches.add(call.arguments());
        environments.add(call.environment());
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(buildEnvironment);
        environment.putAll(call.environment());
        String script = EngineScript.of(System.getProperty("java.home"), engineJar.toString(), call.arguments());
        return LocalEngine.start(workspace, script, environment, call);
    }

    @Override
    public Map<String, String> buildEnvironment() {
        return Map.copyOf(buildEnvironment);
    }

    @Override
    public Optional<String> startedBy() {
        return Optional.ofNullable(startedBy);
    }

    @Override
    public RegistrySettings settings() {
        return settings;
    }

    @Override
    public String secretText(String credentialsId) throws StepFailure {
        String secret = secrets.get(credentialsId);
        if (secret == null) {
            throw new StepFailure(
                    "[mlDeploy] no 'Secret text' credentials with id '" + credentialsId + "' that this build may use");
        }
        return secret;
    }

    @Override
    public void addVersionAction(ModelVersionAction action) {
        versionActions.add(action);
    }

    @Override
    public void appendDescription(String line) {
        descriptions.add(line);
    }

    @Override
    public boolean exists(String workspacePath) {
        return Files.exists(workspace.resolve(workspacePath));
    }

    @Override
    public void archive(Map<String, String> artifacts) throws IOException {
        for (Map.Entry<String, String> artifact : artifacts.entrySet()) {
            Path target = buildDir.resolve("archive").resolve(artifact.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(workspace.resolve(artifact.getValue()), target);
        }
        archived.putAll(artifacts);
    }

    @Override
    public File buildDir() {
        return buildDir.toFile();
    }

    @Override
    public void addAction(MlRunAction action) {
        actions.add(action);
    }

    @Override
    public void setResult(BuildResult outcome) {
        results.add(outcome);
    }

    @Override
    public Optional<String> stagePreviousModel(String targetDir) throws IOException {
        if (previousModel == null) {
            return Optional.empty();
        }
        Path target = workspace.resolve(targetDir);
        Files.createDirectories(target);
        try (var files = Files.list(previousModel)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return Optional.of(targetDir);
    }
}
