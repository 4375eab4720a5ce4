package io.mlops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void shouldTakeTheMiddleValueOfAnOddCount() {
        Stats stats = Stats.of(5.0, 1.0, 3.0);

        assertThat(stats.median()).isEqualTo(3.0);
        assertThat(stats.min()).isEqualTo(1.0);
        assertThat(stats.max()).isEqualTo(5.0);
        assertThat(stats.count()).isEqualTo(3);
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertThat(Stats.of(4.0, 1.0, 3.0, 2.0).median()).isEqualTo(2.5);
        assertThat(Stats.of(7.0).median()).isEqualTo(7.0);
    }

    @Test
    void shouldUseNearestRankPercentiles() {
        Stats hundred =
                Stats.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertThat(hundred.percentile(99)).isEqualTo(99.0);
        assertThat(hundred.percentile(50)).isEqualTo(50.0);
        assertThat(hundred.percentile(100)).isEqualTo(100.0);
        assertThat(hundred.percentile(0.5)).isEqualTo(1.0);

        Stats thousand = Stats.of(LongStream.rangeClosed(1, 1000).toArray());
        assertThat(thousand.percentile(99)).isEqualTo(990.0);
        assertThat(thousand.median()).isEqualTo(500.5);

        Stats few = Stats.of(10, 20, 30);
        assertThat(few.percentile(99)).isEqualTo(30.0);
        assertThat(few.percentile(34)).isEqualTo(20.0);
        assertThat(few.percentile(33)).isEqualTo(10.0);
    }

    @Test
    void shouldNotChangeTheGivenValues() {
        double[] values = {3, 1, 2};
        Stats.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void shouldRejectEmptySamplesAndBadPercentiles() {
        assertThatThrownBy(() -> Stats.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.of(1.0).percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.of(1.0).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
