package io.jenkins.plugins.mlops.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.execution.GateFailureResult;
import org.junit.jupiter.api.Test;

class GateOutcomesTest {
    @Test
    void shouldMapPassedGatesToSuccess() {
        assertThat(GateOutcomes.toBuildOutcome("PASSED", GateFailureResult.FAILURE))
                .isEqualTo(BuildOutcome.SUCCESS);
        assertThat(GateOutcomes.toBuildOutcome(null, GateFailureResult.FAILURE)).isEqualTo(BuildOutcome.SUCCESS);
    }

    @Test
    void shouldMapUnstableGatesToUnstable() {
        assertThat(GateOutcomes.toBuildOutcome("UNSTABLE", GateFailureResult.FAILURE))
                .isEqualTo(BuildOutcome.UNSTABLE);
    }

    @Test
    void shouldMapFailedGatesPerOnGateFailure() {
        assertThat(GateOutcomes.toBuildOutcome("FAILED", GateFailureResult.FAILURE))
                .isEqualTo(BuildOutcome.FAILURE);
        assertThat(GateOutcomes.toBuildOutcome("FAILED", GateFailureResult.UNSTABLE))
                .isEqualTo(BuildOutcome.UNSTABLE);
    }

    @Test
    void shouldRejectUnknownOutcome() {
        assertThatThrownBy(() -> GateOutcomes.toBuildOutcome("MAYBE", GateFailureResult.FAILURE))
                .hasMessage("not a gate outcome: MAYBE");
    }

    @Test
    void shouldTellWhichExitCodesCompletedARun() {
        assertThat(ExitCodes.completed(0)).isTrue();
        assertThat(ExitCodes.completed(4)).isTrue();
        assertThat(ExitCodes.completed(5)).isTrue();
        assertThat(ExitCodes.completed(3)).isFalse();
        assertThat(ExitCodes.describe(137)).isEqualTo("terminated abnormally (crash, out of memory or killed)");
    }
}
