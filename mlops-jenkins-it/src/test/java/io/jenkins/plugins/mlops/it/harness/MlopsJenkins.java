package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Jenkins every integration test of the module shares: the distribution with the {@code mlops.hpi} under test,
 * a fresh {@code JENKINS_HOME}, one inbound agent labelled {@value #AGENT_LABEL}, the examples' data and a model
 * registry folder. Started once, stopped (with every process it started) when the tests are done.
 */
public final class MlopsJenkins implements AutoCloseable {
    /** The label of the agent, as the example Jenkinsfiles ask for. */
    public static final String AGENT_LABEL = "ml";
    /** The node name of the agent. */
    public static final String AGENT_NAME = "ml-agent";

    private final Path work;
    private final JenkinsController controller;
    private final InboundAgent agent;
    private final Path fixtures;
    private final Path registry;

    private MlopsJenkins(Path work, JenkinsController controller, InboundAgent agent, Path fixtures) {
        this.work = work;
        this.controller = controller;
        this.agent = agent;
        this.fixtures = fixtures;
        this.registry = work.resolve("registry");
    }

    /**
     * Starts Jenkins with the plugin and connects the agent.
     *
     * @param distribution the distribution
     * @param hpi          the plugin under test
     * @param work         an empty folder for this run (home, agent, data)
     * @param fixtures     the folder with the examples' data, copied into each job's workspace
     * @return the running Jenkins
     */
    public static MlopsJenkins start(JenkinsDistribution distribution, Path hpi, Path work, Path fixtures) {
        if (!Files.isRegularFile(hpi)) {
            throw new AssertionError("the plugin under test " + hpi + " does not exist: build mlops-jenkins first "
                    + "(./mvnw -pl mlops-jenkins-it -am verify builds it)");
        }
        List<Path> files = new ArrayList<>(distribution.plugins());
        files.addAll(distribution.extraPlugins());
        files.add(hpi);
        PluginSet plugins = new PluginSet(files);
        List<String> missing =
                plugins.missingDependencies(PluginManifest.read(hpi).shortName());
        if (!missing.isEmpty()) {
            throw new AssertionError("cannot install " + hpi + " into " + distribution.folder() + ":\n  "
                    + String.join("\n  ", missing));
        }
        Path home = work.resolve("home");
        plugins.installInto(home);
        JenkinsController controller = new JenkinsController(distribution.war(), home, work.resolve("jenkins.log"));
        InboundAgent agent = new InboundAgent(controller.client(), AGENT_NAME, work.resolve("agent"));
        MlopsJenkins jenkins = new MlopsJenkins(work, controller, agent, fixtures);
        try {
            controller.start();
            jenkins.assertPluginActive(PluginManifest.read(hpi).shortName());
            agent.connect(AGENT_LABEL);
            Files.createDirectories(jenkins.registry);
            return jenkins;
        } catch (IOException failure) {
            jenkins.close();
            throw new UncheckedIOException(failure);
        } catch (RuntimeException | Error failure) {
            jenkins.close();
            throw failure;
        }
    }

    private void assertPluginActive(String shortName) {
        String state = client().script(String.join(
                "\n",
                "def pm = jenkins.model.Jenkins.get().pluginManager",
                "def p = pm.getPlugin('" + shortName + "')",
                "print(p != null && p.isActive() ? 'active' : 'not active')",
                "pm.failedPlugins.each { println(); print(it.name + ': ' + it.cause) }"));
        if (!state.startsWith("active")) {
            throw new AssertionError(
                    "Jenkins did not load the plugin " + shortName + ": " + state + "\nsee " + controller.log());
        }
    }

    /** @return the HTTP client of this Jenkins */
    public JenkinsClient client() {
        return controller.client();
    }

    /** @return the Jenkins process */
    public JenkinsController controller() {
        return controller;
    }

    /** @return the agent */
    public InboundAgent agent() {
        return agent;
    }

    /** @return the model registry folder (reachable from the agent and the built-in node: same machine) */
    public Path registry() {
        return registry;
    }

    /** @return the folder of this run */
    public Path work() {
        return work;
    }

    /** Restarts Jenkins on the same home and waits until the agent is back online. */
    public void restart() {
        controller.restart();
        agent.awaitOnline();
    }

    /**
     * Creates a Pipeline job whose workspace on the agent already holds the examples' data.
     *
     * @param name the job name
     * @param job  the job
     */
    public void createAgentJob(String name, PipelineJob job) {
        copyFixtures(agent.root().resolve("workspace").resolve(name));
        client().createJob(name, job.configXml());
    }

    /**
     * Creates a Pipeline job whose workspace on the built-in node already holds the examples' data.
     *
     * @param name the job name
     * @param job  the job
     */
    public void createBuiltInJob(String name, PipelineJob job) {
        copyFixtures(controller.home().resolve("workspace").resolve(name));
        client().createJob(name, job.configXml());
    }

    /**
     * Runs a build and waits for it.
     *
     * @param job        the job name
     * @param parameters build parameters
     * @return the finished build
     */
    public FinishedBuild run(String job, java.util.Map<String, String> parameters) {
        int number = client().build(job, parameters);
        return finished(job, number, Duration.ofMinutes(4));
    }

    /**
     * Waits for a build.
     *
     * @param job     the job name
     * @param number  the build number
     * @param timeout how long
     * @return the finished build
     */
    public FinishedBuild finished(String job, int number, Duration timeout) {
        return new FinishedBuild(job, number, client().awaitBuild(job, number, timeout), client().console(job, number));
    }

    private void copyFixtures(Path workspace) {
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path source : files.toList()) {
                Path target = workspace.resolve(fixtures.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot copy the examples' data into " + workspace, exception);
        }
    }

    /**
     * Stops the agent and Jenkins, then kills any process still running from this run's folder (engine JVMs
     * started detached by durable steps).
     */
    @Override
    public void close() {
        try {
            agent.close();
        } finally {
            try {
                controller.close();
            } finally {
                String folder = work.toString();
                ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .commandLine()
                                .map(c -> c.contains(folder))
                                .orElse(false))
                        .filter(p -> p.pid() != ProcessHandle.current().pid())
                        .sorted(Comparator.comparingLong(ProcessHandle::pid))
                        .forEach(ProcessHandle::destroyForcibly);
            }
        }
    }
}
