package io.jenkins.plugins.mlops.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the trend's server time for 1,000 builds: what {@code MlTrendAction} does per chart request (read the
 * job-level {@link TrendIndex}, build the chart model of the default series, write it as JSON), against the baseline
 * of reading one small file per build (what the chart would cost without the index), alternating in every round.
 * Every line has all the fields the run history needs (metrics, thresholds, model version, data, hyperparameters,
 * ...), and every fifth build only checked for retraining (live accuracy alone, gaps in the other series). Prints the
 * medians of wall and CPU time of {@value #ROUNDS} rounds (after {@value #WARMUP} warm-up rounds) and their ratio;
 * exits 1 if the index's median CPU time (the server's own work; on a loaded machine wall time mostly measures the
 * wait for a core) exceeds {@value #BUDGET_MILLIS} ms.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl mlops-jenkins -am test-compile
 * java -cp "$CP" io.jenkins.plugins.mlops.charts.TrendIndexBench [builds=1000]   # CP: see docs/benchmarks.md
 * </pre>
 */
public final class TrendIndexBench {
    static final int BUILDS = 1000;
    static final int WARMUP = 10;
    static final int ROUNDS = 31;
    static final int BUDGET_MILLIS = 100;

    private TrendIndexBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optionally the number of builds
     * @throws IOException if the temporary files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : BUILDS;
        Path job = Files.createTempDirectory("trend-bench");
        ObjectMapper json = new ObjectMapper();
        TrendIndex index = new TrendIndex(job);
        Path perBuild = Files.createDirectories(job.resolve("builds"));
        for (int build = 1; build <= builds; build++) {
            TrendIndex.Line line = line(build);
            index.append(line);
            Files.writeString(perBuild.resolve(build + ".json"), json.writeValueAsString(line));
        }
        System.out.printf("index of %d builds: %d bytes%n", builds, Files.size(index.file()));
        MetricTrend trend = new MetricTrend(MetricTrend.DEFAULT_SERIES);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] indexedWall = new double[ROUNDS];
        double[] indexedCpu = new double[ROUNDS];
        double[] baselineWall = new double[ROUNDS];
        double[] baselineCpu = new double[ROUNDS];
        int checksum = 0;
        for (int round = -WARMUP; round < ROUNDS; round++) {
            long startCpu = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            checksum += json.writeValueAsString(trend.model(index.read(builds))).length();
            long wall = System.nanoTime() - start;
            long used = cpu.getCurrentThreadCpuTime() - startCpu;
            startCpu = cpu.getCurrentThreadCpuTime();
            start = System.nanoTime();
            List<TrendPoint> points = new ArrayList<>();
            for (int build = 1; build <= builds; build++) {
                points.add(json.readValue(perBuild.resolve(build + ".json").toFile(), TrendIndex.Line.class)
                        .point());
            }
            checksum += json.writeValueAsString(trend.model(points)).length();
            long baseline = System.nanoTime() - start;
            long baselineUsed = cpu.getCurrentThreadCpuTime() - startCpu;
            if (round >= 0) {
                indexedWall[round] = wall / 1e6;
                indexedCpu[round] = used / 1e6;
                baselineWall[round] = baseline / 1e6;
                baselineCpu[round] = baselineUsed / 1e6;
            }
        }
        double wall50 = median(indexedWall);
        double cpu50 = median(indexedCpu);
        double baseline50 = median(baselineWall);
        double baselineCpu50 = median(baselineCpu);
        System.out.printf(
                "trend of %d builds (medians of %d rounds): index %.1f ms wall, %.1f ms CPU;"
                        + " one file per build %.1f ms wall, %.1f ms CPU; ratio %.2f wall, %.2f CPU (checksum %d)%n",
                builds,
                ROUNDS,
                wall50,
                cpu50,
                baseline50,
                baselineCpu50,
                wall50 / baseline50,
                cpu50 / baselineCpu50,
                checksum);
        if (cpu50 > BUDGET_MILLIS) {
            System.out.printf("FAIL: the index's median CPU time exceeds the budget of %d ms%n", BUDGET_MILLIS);
            System.exit(1);
        }
    }

    /** A build as the recorder writes it; every fifth one only checked for retraining. */
    static TrendIndex.Line line(int build) {
        if (build % 5 == 0) {
            return new TrendIndex.Line(
                    build,
                    "#" + build,
                    Map.of(),
                    Map.of(MetricTrend.LIVE_ACCURACY, 0.8),
                    0.7 + build % 20 / 100.0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    TrendIndex.Line.NOT_DUE,
                    null);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.5 + build % 50 / 100.0);
        metrics.put("macroPrecision", 0.45 + build % 45 / 100.0);
        metrics.put("macroRecall", 0.42 + build % 43 / 100.0);
        metrics.put("macroF1", 0.4 + build % 40 / 100.0);
        metrics.put("weightedF1", 0.45 + build % 30 / 100.0);
        metrics.put("logLoss", 0.2 + build % 30 / 100.0);
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("epochs", 5);
        hyperparameters.put("learningRate", 0.1);
        hyperparameters.put("solver", "LBFGS");
        return new TrendIndex.Line(
                build,
                "#" + build,
                metrics,
                Map.of("accuracy", 0.6, "macroF1", 0.55),
                null,
                "logistic",
                "receipts",
                build,
                List.of("champion"),
                20_000L + build,
                String.format("%012x", build * 7919L),
                "PASSED",
                List.of("DEPLOYED"),
                null,
                hyperparameters);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
