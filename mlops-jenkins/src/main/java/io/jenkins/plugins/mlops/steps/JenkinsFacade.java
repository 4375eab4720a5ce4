package io.jenkins.plugins.mlops.steps;

import static io.jenkins.plugins.mlops.execution.BuildContext.BUNDLE_FILES;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.execution.BuildContext;
import io.jenkins.plugins.mlops.execution.RegistrySettings;
import io.jenkins.plugins.mlops.execution.StepFailure;
import io.jenkins.plugins.mlops.launch.AgentCalls;
import io.jenkins.plugins.mlops.launch.EngineArchive;
import io.jenkins.plugins.mlops.launch.EngineCache;
import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.EngineHandle;
import io.jenkins.plugins.mlops.launch.EngineScript;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.gates.BuildResult;
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
import java.util.function.Function;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.springframework.security.core.Authentication;

/**
 * The one class that talks to the live Jenkins: the build, its workspace on the agent, its artifacts
 * and its result. Everything else in the plugin works against {@link BuildContext}.
 */
public final class JenkinsFacade implements BuildContext {
    /** How many earlier successful builds are searched for a baseline model. */
    static final int BASELINE_SEARCH_DEPTH = 20;
    /** The build variables passed to registry commands, which record the build with a model version. */
    static final List<String> BUILD_VARIABLES = List.of("JOB_NAME", "BUILD_NUMBER", "BUILD_URL");
    /** One monitor per agent and engine: steps of this controller copy an engine to an agent one at a time. */
    private static final ConcurrentMap<String, Object> STAGING = new ConcurrentHashMap<>();

    private final StepContext context;
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;
    private final Function<String, ? extends Action> unstableWarning;

    private JenkinsFacade(
            StepContext context,
            Run<?, ?> run,
            FilePath workspace,
            Launcher launcher,
            TaskListener listener,
            Function<String, ? extends Action> unstableWarning) {
        this.context = context;
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
        this.unstableWarning = unstableWarning;
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
        return of(context, JenkinsFacade::unstableWarning);
    }

    /** Creates the facade with the warning that marks a flow node UNSTABLE (tests pass their own). */
    static JenkinsFacade of(StepContext context, Function<String, ? extends Action> unstableWarning)
            throws IOException, InterruptedException {
        return new JenkinsFacade(
                context,
                context.get(Run.class),
                context.get(FilePath.class),
                context.get(Launcher.class),
                context.get(TaskListener.class),
                unstableWarning);
    }

    /**
     * The "Secret text" credentials a form offers for a credentials field (the serving admin token): those the
     * job's builds can use (the global ones for the global configuration). Only users who may configure the job ({@link Item#CONFIGURE}), or administrators
     * outside a job, get the list; anyone else sees only the current value, so a saved form keeps it.
     *
     * @param item    the job the form belongs to, or {@code null} for the global configuration or the top-level
     *                Snippet Generator
     * @param current the field's current value
     * @return the choices
     */
    public static ListBoxModel secretTextChoices(Item item, String current) {
        String value = current == null ? "" : current;
        StandardListBoxModel choices = new StandardListBoxModel();
        if (!mayListCredentials(item)) {
            return choices.includeCurrentValue(value);
        }
        // as whom the job's builds look credentials up (SYSTEM unless an authorization plugin says otherwise)
        Authentication builds = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        return choices.includeEmptyValue()
                .includeAs(builds, item, StringCredentials.class)
                .includeCurrentValue(value);
    }

    /**
     * Whether the current user may see the credentials of a context: configure the job, or administer
     * Jenkins when there is no job.
     *
     * @param item the job, or {@code null} for Jenkins itself
     * @return whether the user may list credentials there
     */
    public static boolean mayListCredentials(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    @Override
    public PrintStream logger() {
        return listener.getLogger();
    }

    @Override
    public EngineHandle start(EngineCall call) throws IOException, InterruptedException {
        if (!launcher.isUnix()) {
            throw new StepFailure("[mlops] the steps run on Unix agents (Linux, macOS) only for now; "
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
    public Optional<String> startedBy() {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null ? Optional.empty() : Optional.ofNullable(cause.getUserId());
    }

    @Override
    public RegistrySettings settings() {
        MlopsGlobalConfiguration configuration = ExtensionList.lookupSingleton(MlopsGlobalConfiguration.class);
        return configuration.toSettings();
    }

    @Override
    public String secretText(String credentialsId) throws StepFailure {
        StringCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (credentials == null) {
            throw new StepFailure(
                    "[mlDeploy] no 'Secret text' credentials with id '" + credentialsId + "' that this build may use");
        }
        CredentialsProvider.track(run, credentials); // the credential's usage page lists this build
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
    public void setResult(BuildResult outcome) {
        context.setResult(
                switch (outcome) {
                    case SUCCESS -> Result.SUCCESS;
                    case UNSTABLE -> Result.UNSTABLE;
                    case FAILURE -> Result.FAILURE;
                });
        if (outcome == BuildResult.UNSTABLE) {
            try {
                mark(context, UNSTABLE_MESSAGE, unstableWarning);
            } catch (IOException | InterruptedException e) {
                logger().println("[mlops] could not mark the stage unstable: " + e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The warning shown on a stage whose quality gates made the build UNSTABLE. */
    static final String UNSTABLE_MESSAGE = "mlops quality gates: UNSTABLE";

    /**
     * Marks the flow node of a step UNSTABLE, as Pipeline's {@code unstable} step does: a {@link WarningAction}
     * on the node, so Stage View and other visualisations show the stage as unstable, not only the build.
     * Call it wherever a step sets the build result to UNSTABLE (also after a resumed step finished).
     *
     * @param context the step's context
     * @param message the warning, e.g. which gates were unstable
     * @throws IOException if the context cannot be read
     * @throws InterruptedException if the build was aborted
     */
    public static void markUnstable(StepContext context, String message) throws IOException, InterruptedException {
        mark(context, message, JenkinsFacade::unstableWarning);
    }

    private static Action unstableWarning(String message) {
        return new WarningAction(Result.UNSTABLE).withMessage(message);
    }

    /** Adds the warning made by {@code warning} to the step's flow node, if the context has one. */
    static void mark(StepContext context, String message, Function<String, ? extends Action> warning)
            throws IOException, InterruptedException {
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(warning.apply(message));
        }
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
        if (!root.child(artifact + "/" + BundleLayout.MODEL_FILE).isFile()) {
            return false;
        }
        target.deleteRecursive(); // no file of an older baseline may linger
        target.mkdirs();
        for (String file : BUNDLE_FILES) { // every archived file of the bundle, so its checksums verify
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
