package io.mlops.engine.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import io.mlops.contract.gates.Criticality;

/**
 * Fuzzes the gate parser: any text is a gate or a {@link MlopsException} with a one-line message, and parsing
 * stays linear: a backtracking parser took 37 s for 4,000 characters, so one second for the fuzzer's inputs
 * (at most a few thousand characters) marks anything worse than linear.
 */
class GateParserFuzzTest {
    private static final GateParser PARSER = new GateParser(Criticality.FAILURE);

    static {
        // classes are loaded and instrumented on first use: that time is not the parser's
        PARSER.parse("accuracy >= 0.9");
        try {
            PARSER.parse("x");
        } catch (MlopsException expected) {
            // loaded too
        }
    }

    @FuzzTest(maxDuration = "8s")
    void shouldParseOrRefuseAnyTextInLinearTime(final byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Gate gate = null;
        MlopsException refused = null;
        try {
            gate = PARSER.parse(text);
        } catch (MlopsException exception) {
            refused = exception;
        }
        long nanos = System.nanoTime() - start;

        assertThat(nanos).as("nanoseconds for %d characters", text.length()).isLessThan(1_000_000_000L);
        if (refused != null) {
            assertThat(refused.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000);
        } else {
            assertThat(gate.metric()).isNotBlank();
        }
    }
}
