package io.mlops.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.deploy.LoadTestResult;
import java.util.List;

/** The latency percentiles of a deployment's load test as bars, in milliseconds. */
public final class LatencyChart {
    /** The bars, in order. */
    public static final List<String> PERCENTILES = List.of("p50", "p95", "p99", "max");

    private LatencyChart() {}

    /**
     * Makes the bars.
     *
     * @param load the load test
     * @return the chart with one bar per entry of {@link #PERCENTILES}
     */
    public static Chart of(final LoadTestResult load) {
        ObjectNode option = Options.categoryChart(PERCENTILES, "ms");
        Options.bars(option, "latency", List.of(load.p50Ms(), load.p95Ms(), load.p99Ms(), load.maxMs()));
        return new Chart("deploy latency percentiles", option);
    }
}
