package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.gates.GateReport;

/** Maps a run's gate report to the exit code the contract defines for it. */
final class Outcome {
    private Outcome() {}

    static int exitCode(final GateReport gates) {
        return (gates == null ? ExitCode.OK : gates.outcome().exitCode()).code();
    }
}
