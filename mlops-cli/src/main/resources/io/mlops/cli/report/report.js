// Draws every chart of an mlops report. The options come from data attributes, so no value is ever part of a script.
(function () {
  const charts = [];
  document.querySelectorAll('[data-echarts-option]').forEach(function (element) {
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(JSON.parse(element.getAttribute('data-echarts-option')));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  document.body.setAttribute('data-charts-rendered', String(charts.length));
})();
