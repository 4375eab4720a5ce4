package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.registry.ModelVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models export NAME@REF --to DIR}: writes a registered version as a model bundle folder. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Writes a version as a model bundle folder (verifying its checksum), e.g. to evaluate or serve it.")
final class ModelsExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME[@REF]", description = "NAME (newest), NAME@VERSION or NAME@ALIAS.")
    String ref;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DIR",
            description = "The bundle folder to write; new or empty.")
    Path to;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        ModelVersion version = registry.open().export(ModelRef.parse(ref), to);
        if (json.enabled()) {
            Json.print(out, version);
        } else {
            out.println("exported " + version.name() + "@" + version.version() + " to " + to);
            out.flush();
        }
        return ExitCode.OK.code();
    }
}
