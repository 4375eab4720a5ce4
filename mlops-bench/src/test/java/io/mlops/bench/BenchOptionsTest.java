package io.mlops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void shouldDefaultToTheIssuesDataSet() {
        Bench.Options options = Bench.Options.parse(new String[0]);

        assertThat(options.rows()).isEqualTo(200_000);
        assertThat(options.features()).isEqualTo(20);
        assertThat(options.classes()).isEqualTo(4);
        assertThat(options.repeats()).isEqualTo(5);
        assertThat(options.params()).isEmpty();
    }

    @Test
    void shouldReadOptions() {
        Bench.Options options = Bench.Options.parse(
                new String[] {"--rows", "1000", "--repeats", "3", "--keep", "--param", "minibatch=50"});

        assertThat(options.rows()).isEqualTo(1000);
        assertThat(options.repeats()).isEqualTo(3);
        assertThat(options.keep()).isTrue();
        assertThat(options.params()).isEqualTo(Map.of("minibatch", "50"));
    }

    @Test
    void shouldRejectBadOptions() {
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--rows"})).hasMessage("--rows needs a value");
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--fast"})).hasMessage("unknown option --fast");
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--rows", "many"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bench.Options.parse(new String[] {"--param", "epoch=3"}))
                .hasMessageStartingWith("unknown hyperparameter 'epoch'");
    }
}
