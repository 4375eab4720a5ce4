package io.jenkins.plugins.mlops.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the trend's server time for 1,000 builds: reading the job-level {@link TrendIndex} and writing the
 * chart model JSON, against the baseline of reading one small file per build (what the chart would cost without the
 * index). Prints the medians of 21 rounds and their ratio; exits 1 if the index's median exceeds 100 ms.
 *
 * <pre>
 * ./mvnw -q -pl mlops-jenkins -am test-compile -DskipTests
 * ./mvnw -q -pl mlops-jenkins exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.mlops.charts.TrendIndexBench
 * </pre>
 */
public final class TrendIndexBench {
    static final int BUILDS = 1000;
    static final int ROUNDS = 21;
    static final double BUDGET_MILLIS = 100;

    private TrendIndexBench() {}

    public static void main(String[] args) throws IOException {
        Path job = Files.createTempDirectory("trend-bench");
        ObjectMapper json = new ObjectMapper();
        TrendIndex index = new TrendIndex(job);
        Path perBuild = Files.createDirectories(job.resolve("builds"));
        for (int build = 1; build <= BUILDS; build++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", 0.5 + build % 50 / 100.0);
            metrics.put("macroF1", 0.4 + build % 40 / 100.0);
            metrics.put("weightedF1", 0.45 + build % 30 / 100.0);
            TrendPoint point = new TrendPoint("#" + build, build, metrics, Map.of("accuracy", 0.6));
            index.append(point);
            Files.writeString(perBuild.resolve(build + ".json"), json.writeValueAsString(point));
        }
        MetricTrend trend = MetricTrend.defaults();
        double[] indexed = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            json.writeValueAsString(trend.model(index.read(BUILDS)));
            indexed[round] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            List<TrendPoint> points = new ArrayList<>();
            for (int build = 1; build <= BUILDS; build++) {
                points.add(json.readValue(perBuild.resolve(build + ".json").toFile(), TrendPoint.class));
            }
            json.writeValueAsString(trend.model(points));
            baseline[round] = (System.nanoTime() - start) / 1e6;
        }
        double index50 = median(indexed);
        double baseline50 = median(baseline);
        System.out.printf(
                "trend of %d builds: index %.1f ms, one file per build %.1f ms (median of %d), ratio %.2f%n",
                BUILDS, index50, baseline50, ROUNDS, index50 / baseline50);
        if (index50 > BUDGET_MILLIS) {
            System.out.printf("FAIL: the index's median exceeds the budget of %.0f ms%n", BUDGET_MILLIS);
            System.exit(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
