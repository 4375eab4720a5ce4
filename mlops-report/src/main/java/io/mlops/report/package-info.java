/**
 * One Jenkins-free model of the charts of run metadata. Each chart class turns contract records into a {@link
 * io.mlops.report.Chart}, whose ECharts option JSON the standalone report ({@code mlops report}) and the Jenkins pages
 * both render, so the two never disagree. The metric trend also gives echarts-build-trends' {@code LinesChartModel},
 * the model that the Jenkins echarts-api plugin renders.
 *
 * <p>Only the contract, Jackson and echarts-build-trends are used: the plugin runs this on the controller without the
 * engine.
 */
package io.mlops.report;
