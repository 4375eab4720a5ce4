package io.jenkins.plugins.mlops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.actions.MlRunAction;
import io.jenkins.plugins.mlops.actions.ModelVersionAction;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.launch.AgentCalls;
import io.jenkins.plugins.mlops.launch.EngineArchive;
import io.jenkins.plugins.mlops.launch.EngineCache;
import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.EngineHandle;
import io.jenkins.plugins.mlops.launch.EngineScript;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import io.jenkins.plugins.mlops.runner.BuildContext;
import io.jenkins.plugins.mlops.runner.RegistrySettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The one class that talks to the live Jenkins: the build, its workspace on the agent, its artifacts
 * and its result. Everything else in the plugin works against {@link BuildContext}.
 */
public final class JenkinsFacade implements BuildContext {
    /** How many earlier successful builds are searched for a baseline model. */
    static final int BASELINE_SEARCH_DEPTH = 20;
    /** The model files copied for a baseline. */
    static final List<String> BUNDLE_FILES = List.of("model.tribuo", "bundle.json");
    /** The build variables passed to registry commands, which record the build with a model version. */
    static final List<String> BUILD_VARIABLES = List.of("JOB_NAME", "BUILD_NUMBER", "BUILD_URL");
    /** One monitor per agent and engine: steps of this controller copy an engine to an agent one at a time. */
    private static final ConcurrentMap<String, Object> STAGING = new ConcurrentHashMap<>();

    private final StepContext context;
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;

    private JenkinsFacade(
            StepContext context, Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener) {
        this.context = context;
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
    }

    /**
     * Creates the facade of a running step.
     *
     * @param context the step context
     * @return the facade
     * @throws IOException if the context cannot be read
     * @throws InterruptedException if the build was aborted
     */
    public static JenkinsFacade of(StepContext context) throws IOException, InterruptedException {
        return new JenkinsFacade(
                context,
                context.get(Run.class),
                context.get(FilePath.class),
                context.get(Launcher.class),
                context.get(TaskListener.class));
    }

    @Override
    public PrintStream logger() {
        return listener.getLogger();
    }

    @Override
    public EngineHandle start(EngineCall call) throws IOException, InterruptedException {
        if (!launcher.isUnix()) {
            throw new AbortException("[mlops] the steps run on Unix agents (Linux, macOS) only for now; "
                    + workspace.getRemote() + " is on an agent without a Bourne shell");
        }
        String engine = stageEngine(EngineArchive.ofPlugin());
        String agentJavaHome = workspace.act(new AgentCalls.JavaHome());
        if (call.metadataPath() != null) {
            workspace.child(call.metadataPath()).delete(); // never read a stale document of an earlier run
        }
        BourneShellScript task = new BourneShellScript(EngineScript.of(agentJavaHome, engine, call.arguments()));
        task.charset(StandardCharsets.UTF_8);
        if (call.captureOutput()) {
            task.captureOutput();
        }
        EnvVars environment = new EnvVars(environment());
        environment.putAll(call.environment());
        Controller controller = task.launch(environment, workspace, launcher, listener);
        return new DurableEngine(
                FilePathUtils.getNodeName(workspace),
                workspace.getRemote(),
                controller,
                call.metadataPath(),
                call.captureOutput());
    }

    private EnvVars environment() throws IOException, InterruptedException {
        EnvVars env = context.get(EnvVars.class);
        return env == null ? new EnvVars() : env;
    }

    /**
     * Puts the engine into the agent's cache folder ({@code <agent root>/caches/mlops-engine/}) unless it is
     * there already, intact. Steps of this controller queue per agent and engine; the agent side installs
     * under a file lock with an atomic rename.
     *
     * @return the engine jar's path on the agent
     */
    private String stageEngine(EngineArchive archive) throws IOException, InterruptedException {
        FilePath folder = cacheRoot().child("caches").child("mlops-engine");
        FilePath engine = folder.child(EngineCache.fileName(archive.version()));
        synchronized (
                STAGING.computeIfAbsent(
                        FilePathUtils.getNodeName(workspace) + "|" + engine.getRemote(), k -> new Object())) {
            if (engine.act(new AgentCalls.IsInstalled(archive.sha256()))) {
                return engine.getRemote();
            }
            folder.mkdirs();
            FilePath copy = folder.child(".copy-" + archive.version() + "-" + UUID.randomUUID() + ".tmp");
            listener.getLogger()
                    .println("[mlops] copying the engine (" + archive.version() + ") to " + folder.getRemote());
            try (InputStream in = archive.open()) {
                copy.copyFrom(in);
            }
            return copy.act(new AgentCalls.Install(engine.getName(), archive.sha256()));
        }
    }

    /** The agent's root folder, or, if the agent cannot say, the workspace's temporary folder. */
    private FilePath cacheRoot() {
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        return root != null ? root : workspace.sibling(workspace.getName() + "@tmp");
    }

    @Override
    public Map<String, String> buildEnvironment() throws IOException, InterruptedException {
        EnvVars env = context.get(EnvVars.class);
        Map<String, String> build = new LinkedHashMap<>();
        for (String name : BUILD_VARIABLES) {
            String value = env == null ? null : env.get(name);
            if (value != null && !value.isEmpty()) {
                build.put(name, value);
            }
        }
        build.putIfAbsent("BUILD_NUMBER", Integer.toString(run.getNumber()));
        return build;
    }

    @Override
    public RegistrySettings settings() {
        MlopsGlobalConfiguration configuration = ExtensionList.lookupSingleton(MlopsGlobalConfiguration.class);
        return configuration.toSettings();
    }

    @Override
    public String secretText(String credentialsId) throws AbortException {
        StringCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(
                    "[mlDeploy] no 'Secret text' credentials with id '" + credentialsId + "' that this build may use");
        }
        return credentials.getSecret().getPlainText();
    }

    @Override
    public void addVersionAction(ModelVersionAction action) {
        run.addAction(action);
    }

    @Override
    public void appendDescription(String line) throws IOException {
        String description = run.getDescription();
        run.setDescription(description == null || description.isBlank() ? line : description + "\n" + line);
    }

    @Override
    public boolean exists(String workspacePath) throws IOException, InterruptedException {
        return workspace.child(workspacePath).exists();
    }

    @Override
    public void archive(Map<String, String> artifacts) throws IOException, InterruptedException {
        run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
    }

    @Override
    public File buildDir() {
        return run.getRootDir();
    }

    @Override
    public void addAction(MlRunAction action) {
        run.addAction(action);
    }

    @Override
    public void setResult(BuildOutcome outcome) {
        context.setResult(
                switch (outcome) {
                    case SUCCESS -> Result.SUCCESS;
                    case UNSTABLE -> Result.UNSTABLE;
                    case FAILURE -> Result.FAILURE;
                });
    }

    @Override
    public Optional<String> stagePreviousModel(String targetDir) throws IOException, InterruptedException {
        Run<?, ?> build = run.getPreviousSuccessfulBuild();
        for (int depth = 0; build != null && depth < BASELINE_SEARCH_DEPTH; depth++) {
            List<MlRunAction> actions = build.getActions(MlRunAction.class);
            for (int i = actions.size() - 1; i >= 0; i--) {
                String artifact = actions.get(i).getModelArtifact();
                if (artifact != null && copyBundle(build, artifact, workspace.child(targetDir))) {
                    logger().println("[mlEvaluate] baseline 'previous': model " + artifact + " of "
                            + build.getFullDisplayName());
                    return Optional.of(targetDir);
                }
            }
            build = build.getPreviousSuccessfulBuild();
        }
        return Optional.empty();
    }

    private static boolean copyBundle(Run<?, ?> build, String artifact, FilePath target)
            throws IOException, InterruptedException {
        VirtualFile root = build.getArtifactManager().root();
        if (!root.child(artifact + "/" + BUNDLE_FILES.get(0)).isFile()) {
            return false;
        }
        target.deleteRecursive(); // no file of an older baseline may linger
        target.mkdirs();
        for (String file : BUNDLE_FILES) {
            VirtualFile source = root.child(artifact + "/" + file);
            if (source.isFile()) {
                try (InputStream in = source.open()) {
                    target.child(file).copyFrom(in);
                }
            }
        }
        return true;
    }

    /**
     * The handle of an engine started as a durable task: node name, workspace path and the durable task's
     * controller, all serializable. It finds the workspace again after a controller restart and waits while
     * the agent is away.
     */
    static final class DurableEngine implements EngineHandle {
        private static final long serialVersionUID = 1L;

        private final String node;
        private final String remote;
        private final Controller controller;
        private final String metadataPath;
        private final boolean captureOutput;

        DurableEngine(String node, String remote, Controller controller, String metadataPath, boolean captureOutput) {
            this.node = node;
            this.remote = remote;
            this.controller = controller;
            this.metadataPath = metadataPath;
            this.captureOutput = captureOutput;
        }

        private FilePath workspace() {
            return FilePathUtils.find(node, remote);
        }

        private FilePath reachableWorkspace() throws IOException {
            FilePath workspace = workspace();
            if (workspace == null) {
                throw new IOException("agent '" + (node.isEmpty() ? "built-in" : node) + "' is offline");
            }
            return workspace;
        }

        @Override
        public boolean writeLog(OutputStream sink) throws IOException, InterruptedException {
            FilePath workspace = workspace();
            return workspace != null && controller.writeLog(workspace, sink);
        }

        @Override
        public Integer exitStatus() throws IOException, InterruptedException {
            FilePath workspace = workspace();
            return workspace == null
                    ? null
                    : controller.exitStatus(workspace, workspace.createLauncher(TaskListener.NULL), TaskListener.NULL);
        }

        @Override
        public LaunchResult result(ProcessOutcome outcome) throws IOException, InterruptedException {
            FilePath workspace = reachableWorkspace();
            FilePath metadata = metadataPath == null ? null : workspace.child(metadataPath);
            String json = metadata != null && metadata.exists() ? metadata.readToString() : null;
            String output = captureOutput
                    ? new String(
                            controller.getOutput(workspace, workspace.createLauncher(TaskListener.NULL)),
                            StandardCharsets.UTF_8)
                    : null;
            return new LaunchResult(outcome, json, remote, output);
        }

        @Override
        public void stop() throws IOException, InterruptedException {
            FilePath workspace = reachableWorkspace();
            controller.stop(workspace, workspace.createLauncher(TaskListener.NULL));
        }

        @Override
        public void cleanup() throws IOException, InterruptedException {
            FilePath workspace = workspace();
            if (workspace != null) {
                controller.cleanup(workspace);
            }
        }
    }
}
