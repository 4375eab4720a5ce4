package io.jenkins.plugins.mlops.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.triggers.poll.PollException;
import org.junit.jupiter.api.Test;

class ModelDecayCauseTest {
    @Test
    void shouldSayWhichModelDecayedAndWhy() {
        ModelDecayCause cause = new ModelDecayCause(
                "receipts v1 at https://serving.internal:8443: live accuracy 0.7600 < 0.8500 over 400 labelled events");

        assertThat(cause.getShortDescription())
                .isEqualTo("Started by mlModelDecay: receipts v1 at https://serving.internal:8443:"
                        + " live accuracy 0.7600 < 0.8500 over 400 labelled events");
    }

    @Test
    void shouldNeedAThresholdAndNameAWrongOne() {
        ModelDecayTrigger trigger = new ModelDecayTrigger("H/10 * * * *");
        assertThatThrownBy(trigger::policy)
                .isInstanceOf(PollException.class)
                .hasMessage("mlModelDecay needs accuracyBelow or driftAbove (or both)");

        trigger.setAccuracyBelow(1.5);
        assertThatThrownBy(trigger::policy)
                .isInstanceOf(PollException.class)
                .hasMessage("mlModelDecay: accuracyBelow must be between 0 and 1: 1.5");
    }
}
