package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.contract.text.Printable;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.serving.deploy.DeployPipeline;
import io.mlops.serving.deploy.DeploymentTarget;
import io.mlops.serving.deploy.DirectoryTarget;
import io.mlops.serving.deploy.ServerRuntime;
import io.mlops.serving.deploy.ServiceTarget;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops deploy}: deploys a model bundle, checks it with golden requests and a load test, rolls back on failure. */
@Command(
        name = CommandNames.DEPLOY,
        mixinStandardHelpOptions = true,
        description = {
            "Deploys a model bundle to a running service (hot swap) or to a folder (atomic 'current' link),",
            "then runs golden requests and a load test against it; any failed check rolls the deployment back (exit 6)."
        })
final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(
            names = CommandNames.MODEL_OPTION,
            required = true,
            paramLabel = "PATH|NAME@REF",
            description = {
                "Model bundle folder or its model.tribuo, or NAME@REF of the registry (e.g. receipts@champion);",
                "a registry model's deployment is recorded in the registry."
            })
    String model;

    @Option(
            names = CommandNames.NAME_OPTION,
            paramLabel = "NAME",
            description = "Model name (default: the registry name, else the bundle folder's name).")
    String name;

    @Option(
            names = CommandNames.VERSION_LABEL_OPTION,
            paramLabel = "LABEL",
            description = "Version label (default: the registry version, else a SHA-256 prefix).")
    String versionLabel;

    @Mixin
    ActorOption actor;

    @picocli.CommandLine.Mixin
    RegistryOptions registry;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(
                names = CommandNames.SERVICE_OPTION,
                paramLabel = "URL",
                description = "A running service to hot-swap, e.g. http://127.0.0.1:8080.")
        URI service;

        @Option(
                names = CommandNames.DIR_OPTION,
                paramLabel = "DIR",
                description = "A deployment folder with releases/ and a 'current' link.")
        Path dir;
    }

    @Option(
            names = CommandNames.ADMIN_TOKEN_ENV_OPTION,
            paramLabel = "VAR",
            defaultValue = "MLOPS_ADMIN_TOKEN",
            description =
                    "Environment variable with the service's admin token (for --service). Default: ${DEFAULT-VALUE}.")
    String adminTokenEnv;

    @Option(
            names = "--predict-token-env",
            paramLabel = "VAR",
            defaultValue = "MLOPS_PREDICT_TOKEN",
            description =
                    "Environment variable with the prediction token, if the service requires one. Default: ${DEFAULT-VALUE}.")
    String predictTokenEnv;

    @Option(
            names = "--stage",
            paramLabel = "DIR",
            description =
                    "Where to stage bundles for --service; the service must read it (default: a temporary folder).")
    Path stage;

    @Option(
            names = CommandNames.GOLDEN_OPTION,
            paramLabel = "FILE",
            description = "Golden requests, JSON Lines: {\"input\": {...}, \"expected\": \"label\"}.")
    Path golden;

    @Option(
            names = CommandNames.RPS_OPTION,
            paramLabel = "N",
            description = "Load test: requests per second (needs --golden for request bodies).")
    Integer rps;

    @Option(
            names = CommandNames.SECONDS_OPTION,
            paramLabel = "N",
            defaultValue = "" + LoadTestSpec.DEFAULT_SECONDS,
            description = "Load test duration. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(
            names = CommandNames.P99_MS_OPTION,
            paramLabel = "MS",
            defaultValue = "" + LoadTestSpec.DEFAULT_P99_MS,
            description = "Load test gate: largest p99 latency. Default: ${DEFAULT-VALUE}.")
    double p99Ms;

    @Option(
            names = CommandNames.MAX_ERROR_RATE_OPTION,
            paramLabel = "SHARE",
            defaultValue = "" + LoadTestSpec.DEFAULT_MAX_ERROR_RATE,
            description = "Load test gate: largest error rate. Default: ${DEFAULT-VALUE}.")
    double maxErrorRate;

    @Option(
            names = CommandNames.METADATA_OPTION,
            paramLabel = "FILE",
            description = "Write the deployment's run metadata here.")
    Path metadata;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(
                command.commandLine().getOut(), command.commandLine().getErr());
        if (metadata != null) {
            AtomicFiles.checkWritableFolder(metadata.toAbsolutePath().getParent());
        }
        LoadTestSpec load = rps == null ? null : new LoadTestSpec(rps, seconds, p99Ms, maxErrorRate);
        DeployPipeline.Run run = new DeployPipeline(console.progress(), Path.of(""))
                .deploy(
                        new DeployPipeline.Request(
                                model, registry::open, name, versionLabel, golden, load, actor.user()),
                        target());
        DeployResult result = run.result();
        String document = run.metadataJson();
        if (metadata != null) {
            AtomicFiles.writeString(metadata, document);
        }
        PrintWriter out = console.out();
        if (json.enabled()) {
            out.print(document);
        } else {
            out.println("deployment " + result.status() + ": " + result.name() + " " + result.version() + " -> "
                    + result.location());
            if (result.golden() != null) {
                out.printf(
                        Locale.ROOT,
                        "golden requests: %d of %d correct%n",
                        result.golden().passed(),
                        result.golden().total());
            }
            if (result.load() != null) {
                out.printf(
                        Locale.ROOT,
                        "load test: %d sent, %d failed (%.4f), %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                        result.load().sent(),
                        result.load().failed(),
                        result.load().errorRate(),
                        result.load().throughput(),
                        result.load().p50Ms(),
                        result.load().p95Ms(),
                        result.load().p99Ms());
            }
            result.reasons().forEach(reason -> out.println("rolled back: " + Printable.escape(reason)));
        }
        out.flush();
        return (result.deployed() ? ExitCode.OK : ExitCode.DEPLOY_ROLLED_BACK).code();
    }

    private DeploymentTarget target() {
        if (target.dir != null) {
            String predict = registry.env().get(predictTokenEnv);
            return new DirectoryTarget(
                    target.dir, ServerRuntime.current(), predict == null || predict.isBlank() ? null : predict);
        }
        String admin = registry.env().get(adminTokenEnv);
        if (admin == null || admin.isBlank()) {
            throw new MlopsException("no admin token: set the environment variable " + adminTokenEnv
                    + " (or name another with --admin-token-env)");
        }
        String predict = registry.env().get(predictTokenEnv);
        try {
            Path staging = stage != null ? stage : java.nio.file.Files.createTempDirectory("mlops-stage");
            return new ServiceTarget(
                    target.service, admin, predict == null || predict.isBlank() ? null : predict, staging);
        } catch (java.io.IOException exception) {
            throw new MlopsException("cannot create a staging folder: " + exception.getMessage(), exception);
        }
    }
}
