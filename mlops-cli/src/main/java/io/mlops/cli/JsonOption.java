package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import picocli.CommandLine.Option;

/** {@code --json}: print the command's result as JSON (for scripts and the Jenkins plugin) instead of text. */
final class JsonOption {
    @Option(names = CommandNames.JSON_OPTION, description = "Print the result as JSON instead of text.")
    boolean json;

    /** @return whether JSON was asked for */
    boolean enabled() {
        return json;
    }
}
