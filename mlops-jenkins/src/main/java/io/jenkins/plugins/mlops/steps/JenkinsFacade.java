package io.jenkins.plugins.mlops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.actions.MlRunAction;
import io.jenkins.plugins.mlops.actions.ModelVersionAction;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.launch.AgentLaunch;
import io.jenkins.plugins.mlops.launch.EngineDistribution;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import io.jenkins.plugins.mlops.runner.BuildContext;
import io.jenkins.plugins.mlops.runner.RegistrySettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
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
    /** The model files copied for a baseline. */
    static final List<String> BUNDLE_FILES = List.of("model.tribuo", "bundle.json");
    /** The build variables passed to registry commands, which record the build with a model version. */
    static final List<String> BUILD_VARIABLES = List.of("JOB_NAME", "BUILD_NUMBER", "BUILD_URL");

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
    public LaunchResult launch(
            List<String> arguments, String metadataPath, Map<String, String> environment, boolean captureOutput)
            throws IOException, InterruptedException {
        return workspace.act(new AgentLaunch(
                stageEngine(EngineDistribution.locate()),
                arguments,
                metadataPath,
                listener,
                environment,
                captureOutput));
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
    public String secretText(String credentialsId) throws AbortException {
        StringCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(
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

    /** Copies the engine jars to the agent once per plugin version, into {@code <workspace>@tmp/mlops-engine/<hash>}. */
    private List<String> stageEngine(EngineDistribution distribution) throws IOException, InterruptedException {
        FilePath folder = workspace
                .sibling(workspace.getName() + "@tmp")
                .child("mlops-engine")
                .child(fingerprint(distribution));
        folder.mkdirs();
        List<String> classpath = new ArrayList<>();
        for (File jar : distribution.getJars()) {
            FilePath target = folder.child(jar.getName());
            if (!target.exists() || target.length() != jar.length()) {
                target.copyFrom(new FilePath(jar));
            }
            classpath.add(target.getRemote());
        }
        return classpath;
    }

    private static String fingerprint(EngineDistribution distribution) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (File jar : distribution.getJars()) {
                digest.update((jar.getName() + ':' + jar.length() + ':' + jar.lastModified() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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
        if (outcome == BuildOutcome.UNSTABLE) {
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
}
