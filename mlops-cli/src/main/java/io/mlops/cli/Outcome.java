package io.mlops.cli;

import io.mlops.engine.gates.GateReport;

/** Maps results to exit codes. */
final class Outcome {
    private Outcome() {}

    static int exitCode(final GateReport gates) {
        if (gates == null) {
            return Mlops.OK;
        }
        return switch (gates.outcome()) {
            case FAILED -> Mlops.GATES_FAILED;
            case UNSTABLE -> Mlops.GATES_UNSTABLE;
            case PASSED, INACTIVE -> Mlops.OK;
        };
    }
}
