package io.jenkins.plugins.mlops.records;

import hudson.model.Run;
import io.jenkins.plugins.mlops.Messages;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Shows one engine run (an {@code mlTrain} or {@code mlEvaluate} call) of a build: its metrics and
 * gate results. Only the run id is kept in {@code build.xml}; the metadata lives in
 * {@code <build dir>/mlops/<runId>.json} (see {@link RunStore}) and is loaded on first use.
 */
@ExportedBean
public class MlRunAction implements RunAction2 {
    private final String functionName;
    private final String runId;
    private final String modelArtifact;

    private transient File buildDir;
    private transient volatile RunMetadata metadata;

    /**
     * Creates the action.
     *
     * @param functionName the step that ran, {@code mlTrain} or {@code mlEvaluate}
     * @param runId the run id of the engine run
     * @param modelArtifact the artifact folder holding the model bundle, or {@code null}
     * @param buildDir the build directory, where the metadata is stored
     */
    public MlRunAction(String functionName, String runId, String modelArtifact, File buildDir) {
        this.functionName = functionName;
        this.runId = runId;
        this.modelArtifact = modelArtifact;
        this.buildDir = buildDir;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        buildDir = r.getRootDir();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        buildDir = r.getRootDir();
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

    /** @return {@code train} or {@code evaluate} */
    @Exported(skipNull = true)
    public String getKind() {
        return metadata().map(RunMetadata::getKind).orElse(null);
    }

    /** @return the algorithm, or {@code null} */
    @Exported(skipNull = true)
    public String getAlgorithm() {
        return metadata().map(RunMetadata::getAlgorithm).orElse(null);
    }

    /** @return the summary metrics by name */
    @Exported
    public Map<String, Double> getMetrics() {
        return metadata().map(RunMetadata::getMetrics).orElse(Collections.emptyMap());
    }

    /** @return PASSED, UNSTABLE or FAILED, or {@code null} when no gates were evaluated */
    @Exported(skipNull = true)
    public String getGateOutcome() {
        return metadata().map(RunMetadata::getGateOutcome).orElse(null);
    }

    /** @return the evaluated gates */
    @Exported(inline = true)
    public List<GateResult> getGates() {
        return metadata().map(RunMetadata::getGates).orElse(Collections.emptyList());
    }

    /** @return the SHA-256 of the model file, or {@code null} */
    @Exported(skipNull = true)
    public String getModelSha256() {
        return metadata().map(RunMetadata::getModelSha256).orElse(null);
    }

    /** @return the deployment of an {@code mlDeploy} run (status, checks, latency, throughput, errors), or {@code null} */
    @Exported(skipNull = true, inline = true)
    public DeploymentSummary getDeployment() {
        return metadata().map(RunMetadata::getDeployment).orElse(null);
    }

    /** @return whether the metadata file of this run is present */
    public boolean isAvailable() {
        return metadata().isPresent();
    }

    private Optional<RunMetadata> metadata() {
        RunMetadata loaded = metadata;
        if (loaded == null && buildDir != null) {
            try {
                loaded = new RunStore(buildDir).read(runId).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the metadata of run " + runId, e);
            }
            metadata = loaded;
        }
        return Optional.ofNullable(loaded);
    }
}
