package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.metadata.EnvironmentInfo;
import io.mlops.contract.text.Printable;
import io.mlops.engine.metadata.RunEnvironment;
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
            ReportCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n")
public final class Mlops {
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
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpList());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof MlopsException) {
                err.println("mlops: " + Printable.escape(exception.getMessage()));
                return ExitCode.BAD_INPUT.code();
            }
            err.println("mlops: internal error: " + exception);
            exception.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        });
        return commandLine.execute(args);
    }

    /** Prints the version of mlops and of its engine's libraries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            EnvironmentInfo environment = RunEnvironment.current();
            return new String[] {
                "mlops " + environment.mlops(),
                "Tribuo " + environment.tribuo() + ", Java " + environment.java() + ", " + environment.os()
            };
        }
    }
}
