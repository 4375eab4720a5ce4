package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops models show NAME[@REF]}: the model card, the aliases and the checksum check of a version. */
@Command(
        name = CommandNames.SHOW,
        mixinStandardHelpOptions = true,
        description =
                "Shows a version's model card, the model's aliases and what is deployed where, after verifying the model file's checksum.")
final class ModelsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "NAME[@REF]", description = "NAME (newest), NAME@VERSION or NAME@ALIAS.")
    String ref;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        FileSystemRegistry open = registry.open();
        ModelVersion version = open.resolve(ModelRef.parse(ref));
        open.readModel(version); // verifies the checksum: a corrupted model file is reported, exit 3
        Map<String, Integer> aliases = open.aliases(version.name());
        if (json.enabled()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("version", version);
            document.put("aliases", aliases);
            document.put("deployments", open.deployments(version.name()));
            document.put("modelVerified", true);
            Json.print(out, document);
            return ExitCode.OK.code();
        }
        out.print(open.modelCard(version));
        out.println();
        out.println("aliases: "
                + (aliases.isEmpty()
                        ? "none"
                        : aliases.entrySet().stream()
                                .map(e -> e.getKey() + " -> " + e.getValue())
                                .collect(Collectors.joining(", "))));
        Map<String, io.mlops.engine.registry.Deployment> deployments = open.deployments(version.name());
        out.println("deployed: "
                + (deployments.isEmpty()
                        ? "nowhere"
                        : deployments.values().stream()
                                .map(d -> d.target() + " -> " + version.name() + "@" + d.version() + " (" + d.at()
                                        + ", by " + d.by() + ")")
                                .collect(Collectors.joining("; "))));
        out.println("model file verified: sha256 " + version.model().sha256());
        out.flush();
        return ExitCode.OK.code();
    }
}
