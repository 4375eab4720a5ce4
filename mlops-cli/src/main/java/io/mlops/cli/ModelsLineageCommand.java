package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.Lineage;
import io.mlops.engine.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models lineage NAME@REF} and {@code mlops models lineage --data SHA256}. */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        description = "Shows the data, code and build of a version, or (--data) the versions trained from some data.")
final class ModelsLineageCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME[@REF]", description = "The version.")
    String ref;

    @Option(
            names = CommandNames.DATA_OPTION,
            paramLabel = "SHA256",
            description = "List the versions trained from this data.")
    String data;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if ((ref == null) == (data == null)) {
            throw new CommandLine.ParameterException(command.commandLine(), "give either NAME[@REF] or --data SHA256");
        }
        PrintWriter out = command.commandLine().getOut();
        FileSystemRegistry open = registry.open();
        if (data != null) {
            List<ModelVersion> versions = open.versionsTrainedFrom(data);
            if (json.enabled()) {
                Json.print(
                        out,
                        versions.stream().map(v -> v.name() + "@" + v.version()).toList());
                return ExitCode.OK.code();
            }
            out.println(
                    versions.isEmpty()
                            ? "no version was trained from data " + data
                            : "trained from data " + data + ":");
            versions.forEach(v -> out.println("  " + v.name() + "@" + v.version() + "  registered " + v.registeredAt()
                    + " by " + v.registeredBy()));
            out.flush();
            return ExitCode.OK.code();
        }
        Lineage lineage = open.lineage(ModelRef.parse(ref));
        if (json.enabled()) {
            Json.print(out, lineage);
            return ExitCode.OK.code();
        }
        out.println(lineage.model());
        lineage.data().forEach((role, d) -> {
            out.println("  data " + role + ": " + d.file() + " (" + d.rows() + " rows, sha256 " + d.sha256() + ")");
            if (d.inputs() != null && d.inputs().size() > 1) {
                d.inputs()
                        .forEach(f -> out.println("    " + f.file() + " (" + f.rows() + " rows, sha256 "
                                + f.sha256().substring(0, 12) + ")"));
            }
        });
        if (lineage.dataGit() != null) {
            out.println("  data in git: " + lineage.dataGit().path() + " at commit "
                    + lineage.dataGit().commit() + ", tree " + lineage.dataGit().treeId()
                    + (lineage.dataGit().unchanged() ? "" : " (file not committed as used)"));
        }
        out.println("  code: "
                + (lineage.code() == null
                        ? "not in Git"
                        : lineage.code().commit()
                                + (lineage.code().branch() == null
                                        ? ""
                                        : " on " + lineage.code().branch())
                                + (lineage.code().dirty() ? " (uncommitted changes)" : "")));
        out.println("  build: "
                + (lineage.build() == null
                        ? "none recorded"
                        : lineage.build().job() + " #" + lineage.build().number()
                                + (lineage.build().url() == null
                                        ? ""
                                        : " " + lineage.build().url())));
        out.println("  registered: " + lineage.registered());
        out.println("  versions trained from the same data: " + String.join(", ", lineage.sameData()));
        if (lineage.previous() != null && lineage.dataAdded() != null) {
            var added = lineage.dataAdded();
            out.println("  data since " + lineage.previous() + ": " + added.newRows() + " new rows; "
                    + added.added().size() + " files added, " + added.changed().size() + " changed, "
                    + added.removed().size() + " removed, " + added.unchangedFiles() + " unchanged");
            added.added().forEach(f -> out.println("    added: " + f.file() + " (" + f.rows() + " rows)"));
            added.changed().forEach(f -> out.println("    changed: " + f.file() + " (" + f.rows() + " rows now)"));
            added.removed().forEach(f -> out.println("    removed: " + f.file() + " (" + f.rows() + " rows)"));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
