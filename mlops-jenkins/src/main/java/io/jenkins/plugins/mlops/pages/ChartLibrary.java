package io.jenkins.plugins.mlops.pages;

/**
 * Whether echarts-api, an optional dependency, is installed: the job's trend chart exists only then, and the build
 * and job pages draw their charts with its ECharts then and show the charts' numbers as tables otherwise.
 */
public final class ChartLibrary {
    /** A class of echarts-api, looked up without initialising it. */
    static final String ECHARTS_API_TYPE = "io.jenkins.plugins.echarts.AsyncTrendChart";

    private ChartLibrary() {}

    /** @return whether echarts-api is installed */
    public static boolean isInstalled() {
        try {
            Class.forName(ECHARTS_API_TYPE, false, ChartLibrary.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
