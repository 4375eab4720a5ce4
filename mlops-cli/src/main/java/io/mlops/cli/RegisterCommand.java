package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.engine.registry.BuildInfo;
import io.mlops.engine.registry.ModelVersion;
import io.mlops.engine.registry.Registration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops register}: registers a model bundle as the next version of a named model. */
@Command(
        name = CommandNames.REGISTER,
        mixinStandardHelpOptions = true,
        description = {
            "Registers a model bundle (written by mlops train) as the next version of a model.",
            "In Jenkins the build (JOB_NAME, BUILD_NUMBER, BUILD_URL) is recorded with the version."
        })
final class RegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    RegistryOptions registry;

    @Option(
            names = CommandNames.MODEL_OPTION,
            required = true,
            paramLabel = "DIR",
            description = "The model bundle folder.")
    Path model;

    @Option(names = CommandNames.NAME_OPTION, required = true, paramLabel = "NAME", description = "The model name.")
    String name;

    @Option(
            names = CommandNames.ALIAS_OPTION,
            paramLabel = "ALIAS",
            description = "Point this alias at the new version.")
    String alias;

    @Mixin
    ActorOption actor;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        ModelVersion version = registry.open()
                .register(new Registration(
                        model, name, actor.user(), BuildInfo.fromEnvironment(registry.env()), Path.of(""), alias));
        if (json.enabled()) {
            Json.print(out, version);
            return ExitCode.OK.code();
        }
        out.println("registered " + version.name() + "@" + version.version() + " (model sha256 "
                + version.model().sha256() + ", " + version.model().size() + " bytes)");
        if (alias != null) {
            out.println("alias " + alias + " -> " + version.version());
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
