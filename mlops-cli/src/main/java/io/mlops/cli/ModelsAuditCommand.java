package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.engine.registry.AliasMove;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models audit NAME}: every alias move of a model. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Prints the audit log of a model's alias moves.")
final class ModelsAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<AliasMove> moves = registry.open().auditLog(name);
        if (json.enabled()) {
            Json.print(out, moves);
            return ExitCode.OK.code();
        }
        if (moves.isEmpty()) {
            out.println("no alias moves for " + name);
            out.flush();
            return ExitCode.OK.code();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"seq", "at", "by", "alias", "from", "to", "reason"});
        moves.forEach(m -> rows.add(new String[] {
            Long.toString(m.seq()),
            m.at(),
            m.by(),
            m.alias(),
            m.from() == null ? "-" : m.from().toString(),
            Integer.toString(m.to()),
            m.reason()
        }));
        new Report(out).table(rows);
        out.flush();
        return ExitCode.OK.code();
    }
}
