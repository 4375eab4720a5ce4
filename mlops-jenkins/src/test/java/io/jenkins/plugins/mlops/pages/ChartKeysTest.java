package io.jenkins.plugins.mlops.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartKeysTest {
    @Test
    void shouldAcceptTheFixedKeysAndDataColumnKeys() {
        assertThat(ChartKeys.data("test", "amount")).isEqualTo("data/test/amount");
        assertThat(ChartKeys.isWellFormed(ChartKeys.data("train", "a column/with slash")))
                .isTrue();
        assertThat(ChartKeys.isWellFormed("confusion-matrix")).isTrue();
        assertThat(ChartKeys.isWellFormed("class-metrics")).isTrue();
        assertThat(ChartKeys.isWellFormed("latency")).isTrue();
    }

    @Test
    void shouldRejectAnythingElse() {
        assertThat(ChartKeys.isWellFormed("confusion")).isFalse();
        assertThat(ChartKeys.isWellFormed("data/test")).isFalse();
        assertThat(ChartKeys.isWellFormed("data//amount")).isFalse();
        assertThat(ChartKeys.isWellFormed("data/test/a\nb")).isFalse();
        assertThat(ChartKeys.isWellFormed("")).isFalse();
    }
}
