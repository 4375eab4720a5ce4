package io.jenkins.plugins.mlops.records;

import io.jenkins.plugins.mlops.Messages;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.MetricNames;
import io.mlops.contract.metrics.Metrics;
import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Shows one engine run (an {@code mlTrain}, {@code mlEvaluate} or {@code mlDeploy} call) of a build: its metrics, gate
 * results and deployment. Only what identifies the run is kept in {@code build.xml}; the engine's metadata document
 * lives in {@code <build dir>/mlops/<runId>.json} (see {@link RunStore}) and is loaded, typed by the contract, on first
 * use.
 */
@ExportedBean
public class MlRunAction extends BuildAction<RunMetadata> {
    private final String functionName;
    private final String runId;
    private final String modelArtifact;

    /**
     * Creates the action.
     *
     * @param functionName the step that ran, e.g. {@code mlTrain}
     * @param runId the run id of the engine run
     * @param modelArtifact the artifact folder holding the model bundle, or {@code null}
     * @param buildDir the build directory, where the metadata is stored
     */
    public MlRunAction(String functionName, String runId, String modelArtifact, File buildDir) {
        super(buildDir);
        this.functionName = functionName;
        this.runId = runId;
        this.modelArtifact = modelArtifact;
    }

    @Override
    protected Optional<RunMetadata> load(File folder) throws IOException {
        return new RunStore(folder).read(runId);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.format("MlRunAction.DisplayName", runId);
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** @return the step that ran */
    @Exported
    public String getFunctionName() {
        return functionName;
    }

    /** @return the run id of the engine run */
    @Exported
    public String getRunId() {
        return runId;
    }

    /** @return the artifact folder of the model bundle (relative to the build's artifacts), or {@code null} */
    @Exported(skipNull = true)
    public String getModelArtifact() {
        return modelArtifact;
    }

    /** @return the run's kind, e.g. {@code train}, or {@code null} if the metadata is not available */
    @Exported(skipNull = true)
    public String getKind() {
        return result().map(m -> m.kind().id()).orElse(null);
    }

    /** @return the algorithm, or {@code null} */
    @Exported(skipNull = true)
    public String getAlgorithm() {
        return result().map(RunMetadata::algorithm).orElse(null);
    }

    /** @return every overall metric of the contract the run measured, in the contract's order */
    @Exported
    public Map<String, Double> getMetrics() {
        return overall(result().map(RunMetadata::metrics).orElse(null));
    }

    /**
     * Returns the overall metrics of the contract that a run measured.
     *
     * @param metrics the run's metrics, or {@code null}
     * @return the values by name, in the contract's order ({@link MetricNames#OVERALL}); empty for {@code null}
     */
    public static Map<String, Double> overall(Metrics metrics) {
        Map<String, Double> overall = new LinkedHashMap<>();
        if (metrics != null) {
            Map<String, Double> all = metrics.byName();
            MetricNames.OVERALL.stream().filter(all::containsKey).forEach(name -> overall.put(name, all.get(name)));
        }
        return overall;
    }

    /** @return the engine's overall gate status (PASSED, UNSTABLE, FAILED or INACTIVE), or {@code null} without gates */
    @Exported(skipNull = true)
    public String getGateOutcome() {
        return result().map(RunMetadata::gates).map(g -> g.outcome().name()).orElse(null);
    }

    /** @return the build result the gate status means (SUCCESS, UNSTABLE or FAILURE), or {@code null} without gates */
    @Exported(skipNull = true)
    public String getBuildResult() {
        return result().map(RunMetadata::gates)
                .map(g -> g.outcome().buildResult().name())
                .orElse(null);
    }

    /** @return the evaluated gates */
    @Exported(inline = true)
    public List<GateSummary> getGates() {
        return result().map(RunMetadata::gates)
                .map(g -> g.results().stream().map(GateSummary::new).toList())
                .orElse(Collections.emptyList());
    }

    /** @return the SHA-256 of the model file, or {@code null} */
    @Exported(skipNull = true)
    public String getModelSha256() {
        return result().map(m -> m.model().sha256()).orElse(null);
    }

    /** @return the deployment of an {@code mlDeploy} run (status, checks, latency, throughput, errors), or {@code null} */
    @Exported(skipNull = true, inline = true)
    public DeploymentSummary getDeployment() {
        return result().map(RunMetadata::deployment).map(DeploymentSummary::new).orElse(null);
    }

    /** @return the retrain decision of an {@code mlRetrainWhen} run (each condition and the new data), or {@code null} */
    @Exported(skipNull = true, inline = true)
    public RetrainDecisionSummary getDecision() {
        return result().map(RunMetadata::decision)
                .map(RetrainDecisionSummary::new)
                .orElse(null);
    }

    /** @return whether the metadata file of this run is present */
    public boolean isAvailable() {
        return result().isPresent();
    }

    /** @return the typed metadata of the run, or empty if its file is gone */
    public Optional<RunMetadata> getMetadata() {
        return result();
    }
}
