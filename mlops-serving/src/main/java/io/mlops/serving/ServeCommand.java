package io.mlops.serving;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops serve}, also the main class of the runnable {@code mlops-serving.jar}: serves a model
 * bundle as a REST prediction service until stopped.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a model bundle over HTTP: POST /v1/predict, POST /v1/feedback, GET /v1/health,",
            "GET /v1/model, GET /metrics, and with an admin token POST /v1/admin/swap and /v1/admin/rollback.",
            "Tokens are read from environment variables or files, never from the command line."
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "PATH",
            description = "Model bundle folder or its model.tribuo.")
    Path model;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Model name shown by the service (default: folder name).")
    String name;

    @Option(
            names = "--version-label",
            paramLabel = "LABEL",
            description = "Version shown by the service (default: SHA-256 prefix).")
    String versionLabel;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = ServingConfig.LOOPBACK,
            description = "Address to bind. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port; 0 for any free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--admin-token-env",
            paramLabel = "VAR",
            defaultValue = "MLOPS_ADMIN_TOKEN",
            description =
                    "Environment variable holding the admin token; admin endpoints are disabled without one. Default: ${DEFAULT-VALUE}.")
    String adminTokenEnv;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File holding the admin token.")
    Path adminTokenFile;

    @Option(
            names = "--predict-token-env",
            paramLabel = "VAR",
            defaultValue = "MLOPS_PREDICT_TOKEN",
            description =
                    "Environment variable holding a token required for predictions and feedback. Default: ${DEFAULT-VALUE}.")
    String predictTokenEnv;

    @Option(
            names = "--feedback-window",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Feedback events the live accuracy covers. Default: ${DEFAULT-VALUE}.")
    int feedbackWindow;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file (a release's " + ServiceSettings.FILE + "); options given here win over it.")
    Path config;

    @Option(
            names = "--port-file",
            paramLabel = "FILE",
            description = "Write the bound port here once the service is ready.")
    Path portFile;

    /**
     * Runs the service.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        picocli.CommandLine commandLine = new picocli.CommandLine(new ServeCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("mlops serve: " + exception.getMessage());
            return exception instanceof MlopsException ? 3 : 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ServiceSettings file = config == null ? null : ServiceSettings.read(config);
        ServingConfig defaults = ServingConfig.defaults();
        String adminVariable = pick("--admin-token-env", adminTokenEnv, file == null ? null : file.adminTokenEnv());
        String predictVariable =
                pick("--predict-token-env", predictTokenEnv, file == null ? null : file.predictTokenEnv());
        String admin = adminTokenFile != null ? read(adminTokenFile) : blankToNull(System.getenv(adminVariable));
        String predict = blankToNull(System.getenv(predictVariable));
        ServingConfig serving = new ServingConfig(
                pick("--host", host, file == null ? null : file.host()),
                pick("--port", port, file == null ? null : file.port()),
                admin,
                predict,
                orDefault(file == null ? null : file.maxBodyBytes(), defaults.maxBodyBytes()),
                orDefault(file == null ? null : file.maxBatch(), defaults.maxBatch()),
                pick("--feedback-window", feedbackWindow, file == null ? null : file.feedbackWindow()),
                orDefault(file == null ? null : file.driftWindow(), defaults.driftWindow()),
                file == null || file.limits() == null
                        ? ServiceLimits.defaults()
                        : file.limits().or(ServiceLimits.defaults()));
        ServedModel served = new ModelLoader(serving.driftWindow())
                .load(
                        model,
                        pick("--name", name, file == null ? null : file.name()),
                        pick("--version-label", versionLabel, file == null ? null : file.version()));
        try (PredictionServer server = PredictionServer.start(serving, served)) {
            command.commandLine()
                    .getErr()
                    .printf(
                            "[mlops] serving %s %s on http://%s:%d (admin API %s)%n",
                            served.name(),
                            served.version(),
                            server.host(),
                            server.port(),
                            admin == null ? "disabled" : "enabled");
            command.commandLine().getErr().flush();
            if (portFile != null) {
                io.mlops.engine.io.AtomicFiles.writeString(portFile, Integer.toString(server.port()));
            }
            server.join();
        }
        return 0;
    }

    /** The option's value if it was given on the command line, else the file's if it has one, else the option's default. */
    private <T> T pick(final String option, final T value, final T fromFile) {
        boolean given = command.commandLine().getParseResult().hasMatchedOption(option);
        return given || fromFile == null ? value : fromFile;
    }

    private static int orDefault(final Integer value, final int fallback) {
        return value == null ? fallback : value;
    }

    private static String read(final Path file) {
        try {
            return blankToNull(Files.readString(file).strip());
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read token file");
        }
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
