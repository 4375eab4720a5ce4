package io.mlops.cli;

import io.mlops.engine.registry.AliasMove;
import io.mlops.engine.text.Printable;
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
        name = "alias",
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

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; written to the audit log.")
    String reason;

    @Option(names = "--by", paramLabel = "USER", description = "Who moves it (default: $MLOPS_USER, else $USER).")
    String by;

    @Option(names = "--json", description = "Print the audit entry as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        AliasMove move = registry.open().setAlias(name, alias, version, registry.user(by), reason);
        if (json) {
            Json.print(out, move);
            return Mlops.OK;
        }
        out.println(name + "@" + alias + ": " + (move.from() == null ? "(new)" : move.from()) + " -> " + move.to()
                + " by " + Printable.escape(move.by()) + ": " + Printable.escape(move.reason()));
        out.flush();
        return Mlops.OK;
    }
}
