package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops models}: queries and aliases of the model registry. */
@Command(
        name = CommandNames.MODELS,
        mixinStandardHelpOptions = true,
        description = "Lists, shows, compares and traces registered models, and moves their aliases.",
        subcommands = {
            ModelsListCommand.class,
            ModelsShowCommand.class,
            ModelsAliasCommand.class,
            ModelsExportCommand.class,
            ModelsDiffCommand.class,
            ModelsLineageCommand.class,
            ModelsAuditCommand.class
        })
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec command;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                command.commandLine(), "missing command: use one of list, show, alias, diff, lineage, audit");
    }
}
