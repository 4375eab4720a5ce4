package io.jenkins.plugins.mlops.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.charts.MlTrendAction.TrendSettings;
import org.junit.jupiter.api.Test;

class MlTrendActionSettingsTest {
    @Test
    void shouldDefaultToFiftyBuildsOfAccuracyAndMacroF1() {
        TrendSettings settings = TrendSettings.parse("{}");

        assertThat(settings.builds()).isEqualTo(MlTrendAction.DEFAULT_BUILDS);
        assertThat(settings.metrics()).containsExactly("accuracy", "macroF1");
    }

    @Test
    void shouldReadTheChartDialogsNumberOfBuildsAndOurMetrics() {
        TrendSettings settings = TrendSettings.parse("{\"numberOfBuilds\":20,\"metrics\":[\"weightedF1\"]}");

        assertThat(settings.builds()).isEqualTo(20);
        assertThat(settings.metrics()).containsExactly("weightedF1");
        assertThat(TrendSettings.parse("{\"numberOfBuilds\":0}").builds()).isEqualTo(MlTrendAction.MAX_BUILDS);
    }

    @Test
    void shouldNameWhatIsWrongInTheQuery() {
        assertThatThrownBy(() -> TrendSettings.of("many", null)).hasMessageContaining("'many'");
        assertThatThrownBy(() -> TrendSettings.of("5000", null)).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> TrendSettings.of(null, "accuracy,speed")).hasMessageContaining("'speed'");
        assertThatThrownBy(() -> TrendSettings.parse("{")).hasMessageContaining("not JSON");
    }
}
