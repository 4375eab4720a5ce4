/*
 * The series part of the ML trend's configuration dialog (floatingBox.jelly). echarts-api's configureTrend fills and
 * saves its own fields (number of builds, size) and calls these two functions for ours: the chosen series are kept in
 * the browser's localStorage under 'jenkins-echarts-trend-configuration-mlops' as {"metrics": [...]}, and echarts-api
 * sends them with its fields to MlTrendChart.getConfigurableBuildTrendModel when it redraws the chart.
 */
(function () {
    const suffix = 'mlops';

    function choices(dialog) {
        return Array.from(dialog.find('input.ml-trend-series-choice'));
    }

    function fill(dialog, configuration) {
        const chosen = Array.isArray(configuration.metrics) && configuration.metrics.length > 0
            ? configuration.metrics
            : null;
        choices(dialog).forEach(box => {
            box.checked = chosen ? chosen.includes(box.value) : box.dataset.default === 'true';
        });
    }

    function save(dialog) {
        return {metrics: choices(dialog).filter(box => box.checked).map(box => box.value)};
    }

    function configure() {
        echartsJenkinsApi.configureTrend(suffix, fill, save);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', configure);
    } else {
        configure();
    }
})();
