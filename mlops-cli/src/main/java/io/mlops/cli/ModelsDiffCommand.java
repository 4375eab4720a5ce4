package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.engine.registry.VersionDiff;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models diff NAME V1 V2}: parameters and metrics of two versions, with deltas. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compares the parameters and metrics of two versions of a model.")
final class ModelsDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "V1", description = "The first version.")
    int from;

    @Parameters(index = "2", paramLabel = "V2", description = "The second version.")
    int to;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        VersionDiff diff = registry.open().diff(name, from, to);
        if (json.enabled()) {
            Json.print(out, diff);
            return ExitCode.OK.code();
        }
        out.println(name + ": version " + from + " -> " + to
                + (diff.dataChanged() ? " (different training data)" : " (same training data)"));
        out.println();
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"parameter", "v" + from, "v" + to, ""});
        diff.parameters()
                .forEach(p -> parameters.add(new String[] {
                    p.name(), String.valueOf(p.from()), String.valueOf(p.to()), p.changed() ? "changed" : ""
                }));
        new Report(out).table(parameters);
        out.println();
        List<String[]> metrics = new ArrayList<>();
        metrics.add(new String[] {"metric", "v" + from, "v" + to, "delta"});
        diff.metrics()
                .forEach(m -> metrics.add(new String[] {
                    m.name(), number(m.from(), "%.4f"), number(m.to(), "%.4f"), number(m.delta(), "%+.4f")
                }));
        new Report(out).table(metrics);
        out.flush();
        return ExitCode.OK.code();
    }

    private static String number(final Double value, final String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }
}
