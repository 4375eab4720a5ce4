package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.engine.registry.ModelSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops models list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered models.")
final class ModelsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<ModelSummary> models = registry.open().models();
        if (json.enabled()) {
            Json.print(out, models);
            return ExitCode.OK.code();
        }
        if (models.isEmpty()) {
            out.println("no models in " + registry.folder());
            out.flush();
            return ExitCode.OK.code();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "versions", "aliases"});
        for (ModelSummary model : models) {
            rows.add(new String[] {
                model.name(),
                Integer.toString(model.latest()),
                model.aliases().isEmpty()
                        ? "-"
                        : model.aliases().entrySet().stream()
                                .map(e -> e.getKey() + " -> " + e.getValue())
                                .collect(Collectors.joining(", "))
            });
        }
        new Report(out).table(rows);
        out.flush();
        return ExitCode.OK.code();
    }
}
