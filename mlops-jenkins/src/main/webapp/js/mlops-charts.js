/*
 * Draws the charts of the plugin's pages with ECharts (echarts-api's adjunct "io.jenkins.plugins.echarts" must be
 * loaded before this file). No inline script is needed (Jenkins' Content-Security-Policy): a page only marks where a
 * chart goes, and this file fetches the chart models as JSON and draws them.
 *
 * Contract (data-* attributes of the element that becomes the chart; give it a size with CSS, e.g. class mlops-chart
 * of css/mlops-pages.css):
 *   data-mlops-chart       required: the chart's key, e.g. "confusion-matrix", "class-metrics", "latency" or
 *                          "data/ROLE/COLUMN" (io.jenkins.plugins.mlops.pages.ChartKeys)
 *   data-mlops-charts-url  required: the URL of a build's charts document, "<rootURL>/<build URL>ml/charts"
 *                          (io.jenkins.plugins.mlops.pages.ChartsDocument); fetched once per distinct URL
 *   data-mlops-run         optional: the run id within that build; empty or absent means the document's "primary"
 *                          run (the build's last run with metrics, the one the job's trend shows)
 * Two confusion matrices side by side (the comparison of two builds): two elements with data-mlops-chart
 * "confusion-matrix" and the charts URLs of the two builds.
 *
 * When a chart is drawn its element gets data-mlops-chart-drawn="true"; when it cannot be drawn the element shows
 * why as text (never HTML) and gets data-mlops-chart-drawn="false".
 */
(function () {
    'use strict';

    function themed(option) {
        if (window.echartsJenkinsApi && typeof window.echartsJenkinsApi.getTextColor === 'function') {
            option.textStyle = Object.assign({color: window.echartsJenkinsApi.getTextColor()}, option.textStyle);
        }
        return option;
    }

    function fail(element, message) {
        element.textContent = message;
        element.dataset.mlopsChartDrawn = 'false';
    }

    function drawOne(element, documentJson) {
        const runId = element.dataset.mlopsRun || documentJson.primary;
        const run = (documentJson.runs || []).find(function (candidate) {
            return candidate.runId === runId;
        });
        const chart = run && run.charts ? run.charts[element.dataset.mlopsChart] : undefined;
        if (!chart) {
            fail(element, 'No chart "' + element.dataset.mlopsChart + '" in run "' + runId + '".');
            return;
        }
        element.textContent = '';
        const instance = window.echarts.init(element);
        instance.setOption(themed(chart.option));
        element.dataset.mlopsChartDrawn = 'true';
        window.addEventListener('resize', function () {
            instance.resize();
        });
    }

    function drawAll() {
        const byUrl = new Map();
        document.querySelectorAll('[data-mlops-chart]').forEach(function (element) {
            const url = element.dataset.mlopsChartsUrl;
            if (!byUrl.has(url)) {
                byUrl.set(url, []);
            }
            byUrl.get(url).push(element);
        });
        byUrl.forEach(function (elements, url) {
            if (!window.echarts) {
                elements.forEach(function (element) {
                    fail(element, 'ECharts is not loaded (the echarts-api plugin).');
                });
                return;
            }
            fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('HTTP ' + response.status + ' from ' + url);
                    }
                    return response.json();
                })
                .then(function (documentJson) {
                    elements.forEach(function (element) {
                        drawOne(element, documentJson);
                    });
                })
                .catch(function (error) {
                    elements.forEach(function (element) {
                        fail(element, 'The chart cannot be drawn: ' + error.message);
                    });
                });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
