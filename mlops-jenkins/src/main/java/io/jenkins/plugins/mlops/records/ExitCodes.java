package io.jenkins.plugins.mlops.records;

/** The exit codes of the {@code mlops} command. */
public final class ExitCodes {
    /** Success, or all gates passed. */
    public static final int OK = 0;
    /** Internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** Bad input data or files. */
    public static final int BAD_INPUT = 3;
    /** Gates unstable. */
    public static final int GATES_UNSTABLE = 4;
    /** Gates failed. */
    public static final int GATES_FAILED = 5;
    /** A deployment check failed and the deployment was rolled back. */
    public static final int DEPLOY_ROLLED_BACK = 6;

    private ExitCodes() {}

    /**
     * Returns whether the command completed its run (possibly with failed gates) and wrote metadata.
     *
     * @param exitCode the exit code
     * @return {@code true} for 0, 4 and 5
     */
    public static boolean completed(int exitCode) {
        return exitCode == OK || exitCode == GATES_UNSTABLE || exitCode == GATES_FAILED;
    }

    /**
     * Describes an exit code for the build log.
     *
     * @param exitCode the exit code
     * @return a short description
     */
    public static String describe(int exitCode) {
        return switch (exitCode) {
            case OK -> "success";
            case INTERNAL_ERROR -> "internal error";
            case USAGE -> "usage error";
            case BAD_INPUT -> "bad input";
            case GATES_UNSTABLE -> "gates unstable";
            case GATES_FAILED -> "gates failed";
            case DEPLOY_ROLLED_BACK -> "deployment check failed, rolled back";
            default -> "terminated abnormally (crash, out of memory or killed)";
        };
    }
}
