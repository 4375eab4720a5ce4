package io.jenkins.plugins.mlops.pages;

import io.jenkins.plugins.mlops.records.DeploymentSummary;
import io.jenkins.plugins.mlops.records.GateSummary;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.RetrainDecisionSummary;
import io.mlops.contract.metadata.CodeVersion;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.report.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ML run of a build on the build page: metrics and gates, per-class and confusion-matrix charts, data
 * fingerprints, lineage, deployment and retrain decision. Reads the run's stored metadata once.
 */
public final class RunSection {
    private final MlRunAction action;
    private final RunMetadata metadata;
    private final Map<String, Chart> charts;

    /**
     * Creates the section of a run.
     *
     * @param action the run's action
     */
    public RunSection(MlRunAction action) {
        this.action = action;
        this.metadata = action.getMetadata().orElse(null);
        this.charts = metadata == null ? Map.of() : RunCharts.of(metadata);
    }

    /** @return the step, e.g. {@code mlEvaluate} */
    public String getFunctionName() {
        return action.getFunctionName();
    }

    /** @return the engine's run id */
    public String getRunId() {
        return action.getRunId();
    }

    /** @return whether the run's metadata is still stored */
    public boolean isAvailable() {
        return metadata != null;
    }

    /** @return the run kind, e.g. {@code evaluate}, or {@code null} */
    public String getKind() {
        return metadata == null ? null : metadata.kind().id();
    }

    /** @return the algorithm, or {@code null} */
    public String getAlgorithm() {
        return metadata == null ? null : metadata.algorithm();
    }

    /** @return when the run started (ISO-8601), or {@code null} */
    public String getStartedAt() {
        return metadata == null ? null : metadata.startedAt();
    }

    /** @return the overall metrics in the contract's order */
    public Map<String, Double> getMetrics() {
        return MlRunAction.overall(metadata == null ? null : metadata.metrics());
    }

    /** @return the number of test examples the metrics are measured on, or {@code null} */
    public Long getExamples() {
        return metadata == null || metadata.metrics() == null
                ? null
                : metadata.metrics().examples();
    }

    /** @return the overall gate status, or {@code null} without gates */
    public String getGateOutcome() {
        return action.getGateOutcome();
    }

    /** @return each gate: criterion, measured value, threshold, criticality, status */
    public List<GateSummary> getGates() {
        return action.getGates();
    }

    /** @return the per-class bars and the confusion matrix, where the run measured metrics */
    public List<ChartView> getModelCharts() {
        List<ChartView> views = new ArrayList<>();
        for (String key : List.of(ChartKeys.CLASS_METRICS, ChartKeys.CONFUSION_MATRIX)) {
            if (charts.containsKey(key)) {
                views.add(new ChartView(getRunId(), key, charts.get(key)));
            }
        }
        return views;
    }

    /** @return the fingerprint of each data set the run read */
    public List<DataSection> getData() {
        List<DataSection> sections = new ArrayList<>();
        if (metadata != null && metadata.data() != null) {
            metadata.data()
                    .forEach((role, fingerprint) ->
                            sections.add(new DataSection(getRunId(), role, fingerprint, charts)));
        }
        return sections;
    }

    /** @return the model file's path, or {@code null} */
    public String getModelPath() {
        return metadata == null ? null : metadata.model().path();
    }

    /** @return the model file's SHA-256, or {@code null} */
    public String getModelSha256() {
        return metadata == null ? null : metadata.model().sha256();
    }

    /** @return the baseline model's path of a relative evaluation, or {@code null} */
    public String getBaselinePath() {
        return metadata == null || metadata.baseline() == null
                ? null
                : metadata.baseline().path();
    }

    /** @return the code version the run saw, or {@code null} outside a Git work tree */
    public CodeVersion getCodeVersion() {
        return metadata == null ? null : metadata.codeVersion();
    }

    /** @return the commit, or {@code null} */
    public String getCommit() {
        CodeVersion code = getCodeVersion();
        return code == null ? null : code.commit();
    }

    /** @return the branch, or {@code null} */
    public String getBranch() {
        CodeVersion code = getCodeVersion();
        return code == null ? null : code.branch();
    }

    /** @return whether the work tree had uncommitted changes */
    public boolean isDirty() {
        CodeVersion code = getCodeVersion();
        return code != null && code.dirty();
    }

    /** @return the random seed, or {@code null} */
    public Long getSeed() {
        return metadata == null ? null : metadata.seed();
    }

    /** @return the engine and Java versions, or {@code null} */
    public String getEnvironment() {
        return metadata == null
                ? null
                : "mlops " + metadata.environment().mlops() + ", Java "
                        + metadata.environment().java();
    }

    /** @return the hyperparameters, or an empty map */
    public Map<String, Object> getHyperparameters() {
        return metadata == null || metadata.hyperparameters() == null ? Map.of() : metadata.hyperparameters();
    }

    /** @return the deployment of a deploy run, or {@code null} */
    public DeploymentSummary getDeployment() {
        return action.getDeployment();
    }

    /** @return the latency chart of a deployment's load test, or {@code null} */
    public ChartView getLatencyChart() {
        Chart chart = charts.get(ChartKeys.LATENCY);
        return chart == null ? null : new ChartView(getRunId(), ChartKeys.LATENCY, chart);
    }

    /** @return the retrain decision of a retrain check, or {@code null} */
    public RetrainDecisionSummary getDecision() {
        return action.getDecision();
    }

    /** @return the entry of this run in {@code <build>/ml/charts} */
    ChartsDocument.Entry chartsEntry() {
        return new ChartsDocument.Entry(getRunId(), getFunctionName(), getKind(), charts);
    }
}
