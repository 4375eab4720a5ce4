package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.text.Printable;
import io.mlops.engine.registry.AliasMove;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models alias NAME ALIAS VERSION --reason TEXT}. */
@Command(
        name = CommandNames.ALIAS,
        mixinStandardHelpOptions = true,
        description = "Points an alias (champion, challenger, staging, ...) at a version; the move is audited.")
final class ModelsAliasCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias.")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION", description = "The version it should point to.")
    int version;

    @Option(
            names = CommandNames.REASON_OPTION,
            required = true,
            paramLabel = "TEXT",
            description = "Why; written to the audit log.")
    String reason;

    @Mixin
    ActorOption actor;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        AliasMove move = registry.open().setAlias(name, alias, version, actor.user(), reason);
        if (json.enabled()) {
            Json.print(out, move);
            return ExitCode.OK.code();
        }
        out.println(name + "@" + alias + ": " + (move.from() == null ? "(new)" : move.from()) + " -> " + move.to()
                + " by " + Printable.escape(move.by()) + ": " + Printable.escape(move.reason()));
        out.flush();
        return ExitCode.OK.code();
    }
}
