package io.jenkins.plugins.mlops.history;

import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.Metrics;
import io.mlops.contract.retrain.ColumnDrift;
import io.mlops.contract.retrain.DataDrift;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The comparison of two builds' ML runs, A and B: metric deltas, hyperparameter differences, data differences (rows,
 * columns added, removed or retyped, and each column's drift as the contract's {@link DataDrift} defines it) and the
 * two confusion matrices. Jenkins-free: made from the run metadata each build stored.
 */
public final class BuildComparison {
    private final Side a;
    private final Side b;

    private BuildComparison(final Side a, final Side b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Compares two builds.
     *
     * @param a the first build (the reference)
     * @param b the second build
     * @return the comparison
     */
    public static BuildComparison of(final Side a, final Side b) {
        return new BuildComparison(a, b);
    }

    /** @return build A */
    public Side a() {
        return a;
    }

    /** @return build B */
    public Side b() {
        return b;
    }

    /**
     * What one build contributes: its number and its runs, as the comparison reads them.
     *
     * @param build the build number
     * @param runs  the runs' metadata in the order they ran; not empty
     */
    public record Side(int build, List<RunMetadata> runs) {
        /** Copies the runs. */
        public Side {
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("build #" + build + " has no ML runs");
            }
        }

        /** @return the last run with metrics (the one the job's trend shows), or {@code null} */
        public RunMetadata metricsRun() {
            RunMetadata found = null;
            for (RunMetadata run : runs) {
                if (run.metrics() != null) {
                    found = run;
                }
            }
            return found;
        }

        /** @return the last training run, else the last run naming an algorithm, or {@code null} */
        public RunMetadata trainingRun() {
            RunMetadata training = null;
            RunMetadata withAlgorithm = null;
            for (RunMetadata run : runs) {
                if (run.kind() == RunKind.TRAIN) {
                    training = run;
                }
                if (run.algorithm() != null) {
                    withAlgorithm = run;
                }
            }
            return training != null ? training : withAlgorithm;
        }

        /** @return every data role's fingerprint; a later run's fingerprint of a role replaces an earlier one */
        public Map<String, DataFingerprint> data() {
            Map<String, DataFingerprint> data = new LinkedHashMap<>();
            runs.forEach(run -> {
                if (run.data() != null) {
                    data.putAll(run.data());
                }
            });
            return data;
        }

        /** @return the metrics by name of {@link #metricsRun()}; empty without */
        public Map<String, Double> metrics() {
            RunMetadata run = metricsRun();
            return run == null ? Map.of() : run.metrics().byName();
        }

        /** @return the confusion matrix of {@link #metricsRun()}, or {@code null} */
        public ConfusionMatrix confusionMatrix() {
            RunMetadata run = metricsRun();
            Metrics metrics = run == null ? null : run.metrics();
            return metrics == null ? null : metrics.confusionMatrix();
        }
    }

    /**
     * One metric in both builds.
     *
     * @param name the metric name
     * @param a    its value in A, or {@code null}
     * @param b    its value in B, or {@code null}
     */
    public record MetricDelta(String name, Double a, Double b) {
        /** @return B - A, or {@code null} if one is missing */
        public Double delta() {
            return a == null || b == null ? null : b - a;
        }

        /** @return A as text, 4 decimals, "-" if missing */
        public String aText() {
            return number(a);
        }

        /** @return B as text */
        public String bText() {
            return number(b);
        }

        /** @return the delta with its sign, "-" if missing */
        public String deltaText() {
            Double delta = delta();
            return delta == null ? NONE : String.format(Locale.ROOT, "%+.4f", delta);
        }

        /** @return "better", "worse" or "same" for a metric where higher is better (all but log loss) */
        public String direction() {
            Double delta = delta();
            if (delta == null || Math.abs(delta) < 5e-5) {
                return "same";
            }
            boolean lowerIsBetter = name.equals(io.mlops.contract.metrics.MetricNames.LOG_LOSS);
            return (delta > 0) != lowerIsBetter ? "better" : "worse";
        }
    }

    /**
     * A value that differs between the builds.
     *
     * @param name the hyperparameter (or "algorithm")
     * @param a    its value in A as text, "-" if absent
     * @param b    its value in B as text
     */
    public record Difference(String name, String a, String b) {}

    /**
     * The data of one role (train, test) in both builds.
     *
     * @param role    the role
     * @param a       A's fingerprint, or {@code null} if only B has it
     * @param b       B's fingerprint, or {@code null} if only A has it
     * @param columns each column's change and drift; empty unless both have it
     */
    public record DataDifference(String role, DataFingerprint a, DataFingerprint b, List<ColumnDrift> columns) {
        /** @return whether both have the data with the same content */
        public boolean sameContent() {
            return a != null && b != null && Objects.equals(a.sha256(), b.sha256());
        }

        /** @return each column's row of the drift table */
        public List<DriftRow> rows() {
            return columns.stream().map(DriftRow::new).toList();
        }

        /** @return what the role's data is like in the two builds, in one line */
        public String summary() {
            if (a == null || b == null) {
                return "only build " + (a == null ? "B" : "A") + " has " + role + " data";
            }
            return (sameContent() ? "the same content" : "different content") + ": " + a.rows() + " rows in A, "
                    + b.rows() + " rows in B (" + String.format(Locale.ROOT, "%+d", b.rows() - a.rows()) + ")";
        }
    }

    /**
     * One column of a data difference, as the page shows it.
     *
     * @param drift the column's change and drift
     */
    public record DriftRow(ColumnDrift drift) {
        /** @return the PSI with 4 decimals, "-" if not measured */
        public String psiText() {
            return number(drift.psi());
        }

        /** @return the sort key of the PSI, -1 if not measured */
        public String psiKey() {
            return drift.psi() == null ? "-1" : String.format(Locale.ROOT, "%.6f", drift.psi());
        }

        /** @return a type, "-" if the column is not in that build */
        public String typeA() {
            return text(drift.typeA());
        }

        /** @return B's type, "-" if the column is not in B */
        public String typeB() {
            return text(drift.typeB());
        }
    }

    /**
     * One build's confusion matrix, for the side-by-side view.
     *
     * @param name   "A" or "B"
     * @param build  the build number
     * @param runId  the run whose matrix it is (the build's last run with metrics), {@code null} if none
     * @param matrix the matrix as a shaded table, {@code null} if the build has none
     */
    public record MatrixSide(String name, int build, String runId, MatrixTable matrix) {}

    /** @return the two builds' confusion matrices, A first */
    public List<MatrixSide> matrices() {
        return List.of(side("A", a), side("B", b));
    }

    private static MatrixSide side(final String name, final Side side) {
        RunMetadata run = side.metricsRun();
        return new MatrixSide(
                name, side.build(), run == null ? null : run.runId(), MatrixTable.of(side.confusionMatrix()));
    }

    /** @return every metric of either build, A's order first */
    public List<MetricDelta> metricDeltas() {
        Map<String, Double> before = a.metrics();
        Map<String, Double> after = b.metrics();
        List<MetricDelta> deltas = new ArrayList<>();
        for (String name : union(before.keySet(), after.keySet())) {
            deltas.add(new MetricDelta(name, before.get(name), after.get(name)));
        }
        return deltas;
    }

    /** @return the algorithm (if it differs) and every hyperparameter whose value differs */
    public List<Difference> hyperparameterDifferences() {
        RunMetadata x = a.trainingRun();
        RunMetadata y = b.trainingRun();
        String algorithmA = x == null ? null : x.algorithm();
        String algorithmB = y == null ? null : y.algorithm();
        Map<String, Object> before = x == null || x.hyperparameters() == null ? Map.of() : x.hyperparameters();
        Map<String, Object> after = y == null || y.hyperparameters() == null ? Map.of() : y.hyperparameters();
        List<Difference> differences = new ArrayList<>();
        if (!Objects.equals(algorithmA, algorithmB)) {
            differences.add(new Difference("algorithm", text(algorithmA), text(algorithmB)));
        }
        for (String name : union(before.keySet(), after.keySet())) {
            Object valueA = before.get(name);
            Object valueB = after.get(name);
            if (!Objects.equals(valueA, valueB)) {
                differences.add(new Difference(name, text(valueA), text(valueB)));
            }
        }
        return differences;
    }

    /** @return the data differences per role, A's roles first */
    public List<DataDifference> dataDifferences() {
        Map<String, DataFingerprint> before = a.data();
        Map<String, DataFingerprint> after = b.data();
        List<DataDifference> differences = new ArrayList<>();
        for (String role : union(before.keySet(), after.keySet())) {
            DataFingerprint x = before.get(role);
            DataFingerprint y = after.get(role);
            differences.add(
                    new DataDifference(role, x, y, x == null || y == null ? List.of() : DataDrift.between(x, y)));
        }
        return differences;
    }

    /** What a missing value shows. */
    static final String NONE = "-";

    static String number(final Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.4f", value);
    }

    static String text(final Object value) {
        return value == null ? NONE : String.valueOf(value);
    }

    private static List<String> union(final Set<String> a, final Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
