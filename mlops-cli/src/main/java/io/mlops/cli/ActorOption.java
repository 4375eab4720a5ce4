package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import picocli.CommandLine.Option;

/** {@code --by USER}: who acts, for the registry's records; else {@code $MLOPS_USER}, {@code $USER}, {@code $USERNAME}. */
final class ActorOption extends EnvironmentOptions {
    @Option(
            names = CommandNames.BY_OPTION,
            paramLabel = "USER",
            description = "Who does it, for the registry's records (default: $MLOPS_USER, else $USER).")
    String by;

    /** @return the given user, else $MLOPS_USER, else $USER or $USERNAME, else {@code unknown} */
    String user() {
        for (String candidate : new String[] {by, env().get("MLOPS_USER"), env().get("USER"), env().get("USERNAME")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "unknown";
    }
}
