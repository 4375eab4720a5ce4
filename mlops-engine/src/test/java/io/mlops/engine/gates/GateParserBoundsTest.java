package io.mlops.engine.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.gates.Criticality;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 9 point 5: a long gate costs time linear in its length and gets a short, one-line message. */
class GateParserBoundsTest {
    private final GateParser parser = new GateParser(Criticality.FAILURE);

    @Test
    void shouldRejectALongThresholdWithAShortenedMessage() {
        String gate = "accuracy >= 0.9" + " ".repeat(4000) + " x";

        assertThatThrownBy(() -> parser.parse(gate))
                .isInstanceOf(MlopsException.class)
                .hasMessage("gate \"accuracy >= 0.9" + " ".repeat(45) + "...(3957 more characters)\": threshold \"0.9"
                        + " ".repeat(57) + "...(3945 more characters)\" is not a number or 'baseline [+|- NUMBER]'");
    }

    @Test
    void shouldEscapeControlCharactersInMessages() {
        assertThatThrownBy(() -> parser.parse("accuracy >= 0.9\n| forged | row"))
                .hasMessage("gate \"accuracy >= 0.9\\n| forged | row\": threshold \"0.9\\n| forged | row\""
                        + " is not a number or 'baseline [+|- NUMBER]'");
    }

    @Test
    void shouldKeepTheGrammarOfTheRegularExpressionItReplaces() {
        assertThat(parser.parse("  f1[a b] <  baseline+0.5  ( UNSTABLE )  "))
                .isEqualTo(new Gate(
                        "f1[a b] <  baseline+0.5  ( UNSTABLE )",
                        "f1[a b]",
                        Gate.Operator.LT,
                        0.5,
                        true,
                        Criticality.UNSTABLE));
        assertThat(parser.parse("accuracy>0.5").operator()).isEqualTo(Gate.Operator.GT);
        assertThatThrownBy(() -> parser.parse("accuracy >=")).hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> parser.parse("f1[] >= 1")).hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> parser.parse("f1[x >= 1")).hasMessageContaining("is not of the form");
        assertThatThrownBy(() -> parser.parse("accuracy >= (unstable)"))
                .hasMessageContaining("threshold \"(unstable)\" is not a number");
    }

    /**
     * Time against length, not a wall-clock limit: the median time for an 8 times longer gate must grow about 8
     * times (linear), far from the 512 times of the cubic regular expression this parser replaced.
     */
    @Test
    void shouldTakeTimeLinearInTheLengthOfTheGate() {
        int n = 20_000;
        String shortGate = "accuracy >= 0.9" + " ".repeat(n) + " x";
        String longGate = "accuracy >= 0.9" + " ".repeat(8 * n) + " x";
        for (int i = 0; i < 50; i++) {
            time(shortGate);
            time(longGate);
        }
        long[] shortTimes = new long[31];
        long[] longTimes = new long[31];
        for (int i = 0; i < shortTimes.length; i++) {
            shortTimes[i] = time(shortGate);
            longTimes[i] = time(longGate);
        }

        double ratio = (double) median(longTimes) / median(shortTimes);

        assertThat(ratio).as("median time ratio for 8x the length").isLessThan(32);
    }

    private long time(final String gate) {
        long start = System.nanoTime();
        try {
            parser.parse(gate);
        } catch (MlopsException expected) {
            // the input is invalid on purpose: the time to say so is measured
        }
        return System.nanoTime() - start;
    }

    private static long median(final long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return Math.max(1, sorted[sorted.length / 2]);
    }
}
