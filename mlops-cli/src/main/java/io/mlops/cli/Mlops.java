package io.mlops.cli;

import io.mlops.engine.MlopsException;
import io.mlops.engine.metadata.EnvironmentInfo;
import io.mlops.engine.text.Printable;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mlops} command: trains, evaluates and gates models with the same engine that the Jenkins
 * steps run.
 */
@Command(
        name = "mlops",
        mixinStandardHelpOptions = true,
        versionProvider = Mlops.Version.class,
        description = "Train, evaluate and gate machine-learning models, locally or in Jenkins.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            io.mlops.serving.ServeCommand.class,
            DeployCommand.class,
            RegisterCommand.class,
            ModelsCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; all gates passed (or none given)",
            "1:internal error",
            "2:usage error (unknown option, missing argument)",
            "3:bad input (data, spec, model, registry name or reference); the message names file, line, column or value",
            "4:a gate failed with criticality UNSTABLE",
            "5:a gate failed with criticality FAILURE",
            "6:a deployment check failed and the deployment was rolled back"
        })
public final class Mlops {
    /** Success, all gates passed. */
    public static final int OK = 0;
    /** An unexpected error. */
    public static final int INTERNAL_ERROR = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** A problem with the user's input. */
    public static final int BAD_INPUT = 3;
    /** A gate failed and is configured to make the run unstable. */
    public static final int GATES_UNSTABLE = 4;
    /** A gate failed and is configured to fail the run. */
    public static final int GATES_FAILED = 5;

    /** A deployment check failed and the deployment was rolled back. */
    public static final int DEPLOY_ROLLED_BACK = 6;

    private Mlops() {}

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(final PrintWriter out, final PrintWriter err, final String... args) {
        return run(out, err, System.getenv(), args);
    }

    /**
     * Runs the command with the given environment variables (registry location, user, Jenkins build).
     *
     * @param out  standard output
     * @param err  standard error
     * @param env  the environment variables
     * @param args the arguments
     * @return the exit code
     */
    public static int run(
            final PrintWriter out, final PrintWriter err, final Map<String, String> env, final String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine commandLine = new CommandLine(Mlops.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                K instance = defaults.create(type);
                if (instance instanceof EnvironmentAware aware) {
                    aware.environment(env);
                }
                return instance;
            }
        });
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof MlopsException) {
                err.println("mlops: " + Printable.escape(exception.getMessage()));
                return BAD_INPUT;
            }
            err.println("mlops: internal error: " + exception);
            exception.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    /** Prints the version of mlops and of its engine's libraries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            EnvironmentInfo environment = EnvironmentInfo.current();
            return new String[] {
                "mlops " + environment.mlops(),
                "Tribuo " + environment.tribuo() + ", Java " + environment.java() + ", " + environment.os()
            };
        }
    }
}
