package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import io.mlops.contract.gates.Criticality;
import io.mlops.engine.gates.Gate;
import io.mlops.engine.gates.GateParser;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The gate options shared by {@code train} and {@code evaluate}. */
final class GateOptions {
    @Option(
            names = CommandNames.GATE_OPTION,
            paramLabel = "EXPR",
            description = {
                "A quality gate, repeatable: 'accuracy >= 0.9', 'recall[lodging] >= 0.8',",
                "'macroF1 >= baseline - 0.01'; a suffix '(unstable)' or '(failure)' overrides --on-gate-failure."
            })
    List<String> gates = new ArrayList<>();

    @Option(
            names = CommandNames.ON_GATE_FAILURE_OPTION,
            paramLabel = "UNSTABLE|FAILURE",
            defaultValue = "FAILURE",
            description =
                    "What a failed gate does by default: UNSTABLE (exit 4) or FAILURE (exit 5). Default: ${DEFAULT-VALUE}.")
    Criticality onGateFailure;

    List<Gate> parse() {
        return new GateParser(onGateFailure).parse(gates);
    }
}
