package io.mlops.contract;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code mlops} command. The command line prints them in its help and the Jenkins plugin maps
 * them 1:1 to the step's outcome, so each code means the same in both places.
 */
public enum ExitCode {
    /** Success; all gates passed, or none were given, or all were inactive. */
    OK(0, "success"),
    /** An unexpected error (a bug). */
    INTERNAL_ERROR(1, "internal error"),
    /** Wrong command-line usage: unknown option, missing argument. */
    USAGE(2, "usage error"),
    /** A problem with the user's input; the message names the file, line, column or value. */
    BAD_INPUT(3, "bad input"),
    /** A gate failed whose criticality is {@code UNSTABLE}. */
    GATES_UNSTABLE(4, "gates unstable"),
    /** A gate failed whose criticality is {@code FAILURE}. */
    GATES_FAILED(5, "gates failed"),
    /** A deployment check failed and the deployment was rolled back. */
    DEPLOY_ROLLED_BACK(6, "deployment check failed, rolled back"),
    /**
     * {@code retrain-check --exit-code}: retraining is due (a condition fired). Without {@code --exit-code} the check
     * exits with {@link #OK} either way and the decision is in its run metadata.
     */
    RETRAIN_DUE(7, "retraining is due"),
    /**
     * A service or resource the run depends on is unreachable or answered with something unreadable (e.g. the
     * prediction service's {@code /metrics} for {@code retrain-check}); the message names it. Unlike
     * {@link #BAD_INPUT}, retrying later may succeed.
     */
    UNAVAILABLE(8, "a service the run needs is unreachable or unreadable");

    private final int code;
    private final String description;

    ExitCode(final int code, final String description) {
        this.code = code;
        this.description = description;
    }

    /** @return the process exit code */
    public int code() {
        return code;
    }

    /** @return a few words for logs, e.g. {@code bad input} */
    public String description() {
        return description;
    }

    /**
     * Returns whether a run with this exit code completed and wrote its run metadata (possibly with failed gates or a
     * rolled-back deployment).
     *
     * @return {@code true} for {@link #OK}, {@link #GATES_UNSTABLE}, {@link #GATES_FAILED},
     *     {@link #DEPLOY_ROLLED_BACK} and {@link #RETRAIN_DUE}
     */
    public boolean completedRun() {
        return this == OK
                || this == GATES_UNSTABLE
                || this == GATES_FAILED
                || this == DEPLOY_ROLLED_BACK
                || this == RETRAIN_DUE;
    }

    /**
     * Finds the exit code of a process.
     *
     * @param code the process exit code
     * @return the exit code
     * @throws IllegalArgumentException if mlops never exits with it (a crash, out of memory or a kill)
     */
    public static ExitCode of(final int code) {
        return Arrays.stream(values())
                .filter(e -> e.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an mlops exit code: " + code));
    }

    /**
     * Describes any process exit code for a log line.
     *
     * @param code the process exit code
     * @return the description, or what an unknown code usually means
     */
    public static String describe(final int code) {
        return Arrays.stream(values())
                .filter(e -> e.code == code)
                .map(ExitCode::description)
                .findFirst()
                .orElse("terminated abnormally (crash, out of memory or killed)");
    }

    /**
     * Returns the exit codes as the command's help lists them.
     *
     * @return what each code means, by code, in order
     */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(e -> list.put(Integer.toString(e.code), e.help()));
        return list;
    }

    private String help() {
        return switch (this) {
            case OK -> "success; all gates passed (or none given)";
            case INTERNAL_ERROR -> "internal error";
            case USAGE -> "usage error (unknown option, missing argument)";
            case BAD_INPUT -> "bad input (data, spec, model, registry name or reference);"
                    + " the message names file, line, column or value";
            case GATES_UNSTABLE -> "a gate failed with criticality UNSTABLE";
            case GATES_FAILED -> "a gate failed with criticality FAILURE";
            case DEPLOY_ROLLED_BACK -> "a deployment check failed and the deployment was rolled back";
            case RETRAIN_DUE -> "retrain-check --exit-code: retraining is due";
            case UNAVAILABLE -> "a service the run needs (e.g. the prediction service's /metrics) is unreachable"
                    + " or unreadable";
        };
    }
}
