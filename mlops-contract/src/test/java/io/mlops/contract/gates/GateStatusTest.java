package io.mlops.contract.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.ExitCode;
import org.junit.jupiter.api.Test;

class GateStatusTest {
    @Test
    void shouldMapTheOutcomeOneToOneToExitCodeAndBuildResult() {
        assertThat(GateStatus.PASSED.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(GateStatus.INACTIVE.buildResult()).isEqualTo(BuildResult.SUCCESS);
        assertThat(GateStatus.UNSTABLE.exitCode().code()).isEqualTo(4);
        assertThat(GateStatus.UNSTABLE.buildResult()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(GateStatus.FAILED.exitCode().code()).isEqualTo(5);
        assertThat(GateStatus.FAILED.buildResult()).isEqualTo(BuildResult.FAILURE);
        assertThat(GateStatus.failed(Criticality.UNSTABLE)).isEqualTo(GateStatus.UNSTABLE);
        assertThat(GateStatus.failed(Criticality.FAILURE)).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void shouldDescribeEveryExitCodeAndUnknownOnes() {
        assertThat(ExitCode.of(3)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ExitCode.describe(6)).isEqualTo("deployment check failed, rolled back");
        assertThat(ExitCode.describe(137)).isEqualTo("terminated abnormally (crash, out of memory or killed)");
        assertThat(ExitCode.helpList()).containsKeys("0", "1", "2", "3", "4", "5", "6");
        assertThat(ExitCode.GATES_FAILED.completedRun()).isTrue();
        assertThat(ExitCode.BAD_INPUT.completedRun()).isFalse();
    }
}
