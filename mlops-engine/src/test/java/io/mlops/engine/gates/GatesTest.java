package io.mlops.engine.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.gates.GateStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatesTest {
    private final GateParser parser = new GateParser(Criticality.FAILURE);

    @Test
    void shouldParseAbsoluteRelativeAndPerClassGates() {
        assertThat(parser.parse("accuracy >= 0.90"))
                .isEqualTo(new Gate("accuracy >= 0.90", "accuracy", Gate.Operator.GE, 0.9, false, Criticality.FAILURE));
        assertThat(parser.parse("recall[lodging]>=0.8 (unstable)"))
                .isEqualTo(new Gate(
                        "recall[lodging]>=0.8 (unstable)",
                        "recall[lodging]",
                        Gate.Operator.GE,
                        0.8,
                        false,
                        Criticality.UNSTABLE));
        assertThat(parser.parse("macrof1 >= baseline - 0.01"))
                .isEqualTo(new Gate(
                        "macrof1 >= baseline - 0.01", "macroF1", Gate.Operator.GE, -0.01, true, Criticality.FAILURE));
        assertThat(parser.parse("logLoss < baseline").relative()).isTrue();
        assertThat(parser.parse("logLoss <= 0.5").operator()).isEqualTo(Gate.Operator.LE);
    }

    @Test
    void shouldRejectMalformedGatesWithExactMessages() {
        assertThatThrownBy(() -> parser.parse("accuracy 0.9"))
                .isInstanceOf(MlopsException.class)
                .hasMessage(
                        "gate \"accuracy 0.9\" is not of the form 'METRIC OP THRESHOLD', e.g. 'accuracy >= 0.9' or 'macroF1 >= baseline - 0.01'");
        assertThatThrownBy(() -> parser.parse("acuracy >= 0.9"))
                .hasMessage(
                        "gate \"acuracy >= 0.9\": unknown metric 'acuracy'; expected one of [accuracy, macroPrecision, macroRecall, macroF1, weightedF1, logLoss] or [precision[CLASS], recall[CLASS], f1[CLASS]]");
        assertThatThrownBy(() -> parser.parse("accuracy >= high"))
                .hasMessage("gate \"accuracy >= high\": threshold \"high\" is not a number or 'baseline [+|- NUMBER]'");
        assertThatThrownBy(() -> parser.parse("accuracy >= 0.9 (warn)"))
                .hasMessage(
                        "gate \"accuracy >= 0.9 (warn)\": unknown criticality 'warn'; expected (unstable) or (failure)");
    }

    @Test
    void shouldEvaluateToStructuredResults() {
        List<Gate> gates = new GateParser(Criticality.UNSTABLE)
                .parse(List.of(
                        "accuracy >= 0.9",
                        "macroF1 >= 0.95",
                        "recall[lodging] >= 0.8 (failure)",
                        "logLoss <= 0.3",
                        "accuracy >= baseline - 0.01"));

        GateReport report = new GateEvaluator()
                .evaluate(gates, Map.of("accuracy", 0.93, "macroF1", 0.91, "recall[lodging]", 0.75), null);

        assertThat(report.outcome()).isEqualTo(GateStatus.FAILED);
        assertThat(report.results())
                .containsExactly(
                        new GateResult(
                                "accuracy >= 0.9",
                                "accuracy",
                                ">=",
                                0.93,
                                0.9,
                                null,
                                GateStatus.PASSED,
                                Criticality.UNSTABLE),
                        new GateResult(
                                "macroF1 >= 0.95",
                                "macroF1",
                                ">=",
                                0.91,
                                0.95,
                                null,
                                GateStatus.UNSTABLE,
                                Criticality.UNSTABLE),
                        new GateResult(
                                "recall[lodging] >= 0.8 (failure)",
                                "recall[lodging]",
                                ">=",
                                0.75,
                                0.8,
                                null,
                                GateStatus.FAILED,
                                Criticality.FAILURE),
                        new GateResult(
                                "logLoss <= 0.3",
                                "logLoss",
                                "<=",
                                null,
                                0.3,
                                null,
                                GateStatus.INACTIVE,
                                Criticality.UNSTABLE),
                        new GateResult(
                                "accuracy >= baseline - 0.01",
                                "accuracy",
                                ">=",
                                0.93,
                                null,
                                null,
                                GateStatus.INACTIVE,
                                Criticality.UNSTABLE));
    }

    @Test
    void shouldCompareWithTheBaseline() {
        List<Gate> gates = parser.parse(List.of("accuracy >= baseline - 0.01", "macroF1 > baseline"));

        GateReport report = new GateEvaluator()
                .evaluate(gates, Map.of("accuracy", 0.90, "macroF1", 0.85), Map.of("accuracy", 0.905, "macroF1", 0.86));

        assertThat(report.results().get(0).threshold()).isCloseTo(0.895, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.results().get(0).baseline()).isEqualTo(0.905);
        assertThat(report.results().get(0).status()).isEqualTo(GateStatus.PASSED);
        assertThat(report.results().get(1).status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.outcome()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void shouldPassWhenThereAreNoGatesOrOnlyInactiveOnes() {
        assertThat(new GateEvaluator().evaluate(List.of(), Map.of(), null).outcome())
                .isEqualTo(GateStatus.PASSED);
        assertThat(new GateEvaluator()
                        .evaluate(parser.parse(List.of("f1[x] >= 1")), Map.of(), null)
                        .outcome())
                .isEqualTo(GateStatus.PASSED);
    }
}
