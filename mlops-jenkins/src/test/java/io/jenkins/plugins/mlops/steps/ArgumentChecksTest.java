package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgumentChecksTest {
    @Test
    void shouldCheckSeedFieldText() {
        assertThat(ArgumentChecks.seed("42")).isEmpty();
        assertThat(ArgumentChecks.seed(" ")).isEmpty();
        assertThat(ArgumentChecks.seed("-1")).hasValue("'seed' must be >= 0, got -1");
        assertThat(ArgumentChecks.seed("forty")).hasValue("'seed' must be a whole number, got 'forty'");
    }

    @Test
    void shouldCheckTestFractionFieldText() {
        assertThat(ArgumentChecks.testFraction("0.2")).isEmpty();
        assertThat(ArgumentChecks.testFraction("0")).hasValue("'testFraction' must be > 0 and < 1, got 0.0");
        assertThat(ArgumentChecks.testFraction("a fifth")).hasValue("'testFraction' must be a number, got 'a fifth'");
    }

    @Test
    void shouldCheckAlgorithmAndOnGateFailure() {
        assertThat(ArgumentChecks.algorithm("xgboost")).isEmpty();
        assertThat(ArgumentChecks.algorithm("svm"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("'algorithm' must be one of"));
        assertThat(ArgumentChecks.onGateFailure("unstable")).isEmpty();
        assertThat(ArgumentChecks.onGateFailure("SUCCESS"))
                .hasValue("'onGateFailure' must be FAILURE or UNSTABLE, got 'SUCCESS'");
        assertThat(ArgumentChecks.required("model", "")).hasValue("'model' must be given");
    }
}
