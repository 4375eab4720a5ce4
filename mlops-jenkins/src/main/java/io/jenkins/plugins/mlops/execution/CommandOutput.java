package io.jenkins.plugins.mlops.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.mlops.contract.ExitCode;
import io.mlops.contract.Json;
import io.mlops.contract.text.Printable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code --json} answer of a registry command, or fails the step with the command's message. */
final class CommandOutput {
    private CommandOutput() {}

    /** Fails the step unless the command exited 0. */
    static void requireSuccess(String function, LaunchResult result) throws StepFailure {
        if (result.outcome().exitCode() != ExitCode.OK.code()) {
            throw failure(function, result);
        }
    }

    /**
     * The step's failure for a command that did not succeed: the command's own last error line (control characters
     * escaped) and what its exit code means.
     */
    static StepFailure failure(String function, LaunchResult result) {
        int exitCode = result.outcome().exitCode();
        String error = Printable.escape(
                result.outcome().lastErrorLine().replaceFirst("^mlops:\\s*", "").strip());
        String reason = "mlops exit code " + exitCode + ": " + ExitCode.describe(exitCode);
        return new StepFailure(
                error.isEmpty() ? "[" + function + "] " + reason : "[" + function + "] " + error + " (" + reason + ")");
    }

    /** Parses the JSON object the command printed. */
    static Map<String, Object> json(String function, LaunchResult result) throws StepFailure {
        requireSuccess(function, result);
        String output = result.output() == null ? "" : result.output().strip();
        try {
            Map<String, Object> document =
                    Json.mapper().readValue(output, new TypeReference<LinkedHashMap<String, Object>>() {});
            if (document == null) {
                throw new StepFailure("[" + function + "] mlops printed no JSON object");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new StepFailure(
                    "[" + function + "] mlops printed no JSON object: " + Printable.escape(e.getOriginalMessage()));
        }
    }

    static String text(Map<String, Object> document, String key) {
        Object value = document.get(key);
        return value == null ? null : String.valueOf(value);
    }

    static Integer number(Map<String, Object> document, String key) {
        return document.get(key) instanceof Number n ? n.intValue() : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> document, String key) {
        return document.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
