package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.ExitCodes;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.RunMetadata;
import io.jenkins.plugins.mlops.records.RunStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a finished engine run in the build: stores its metadata in the build folder, archives the
 * metadata (and the model bundle, if any) as artifacts, and attaches an {@link MlRunAction}.
 */
final class RunRecorder {
    /** The files of a model bundle that are archived. */
    static final List<String> BUNDLE_FILES = List.of("model.tribuo", "bundle.json");
    /** The artifact folder of all runs. */
    static final String ARTIFACT_FOLDER = "mlops";

    private final BuildContext context;
    private final String functionName;

    RunRecorder(BuildContext context, String functionName) {
        this.context = context;
        this.functionName = functionName;
    }

    /**
     * Returns the metadata of a completed run, or fails the step with the engine's message.
     */
    RunMetadata requireMetadata(LaunchResult result) throws StepFailure {
        int exitCode = result.outcome().exitCode();
        if (!ExitCodes.completed(exitCode) || !result.hasMetadata()) {
            String error = result.outcome()
                    .lastErrorLine()
                    .replaceFirst("^mlops:\\s*", "")
                    .strip();
            String reason = "mlops exit code " + exitCode + ": " + ExitCodes.describe(exitCode);
            throw new StepFailure(
                    error.isEmpty()
                            ? "[" + functionName + "] " + reason
                            : "[" + functionName + "] " + error + " (" + reason + ")");
        }
        try {
            return RunMetadata.parse(result.metadataJson());
        } catch (IllegalArgumentException e) {
            throw new StepFailure("[" + functionName + "] " + e.getMessage());
        }
    }

    /**
     * Stores, archives and shows a run.
     *
     * @param metadata the run's metadata
     * @param metadataPath the metadata file in the workspace
     * @param modelDir the model bundle folder in the workspace to archive, or {@code null}
     * @return the attached action
     */
    MlRunAction record(RunMetadata metadata, String metadataPath, String modelDir)
            throws IOException, InterruptedException {
        new RunStore(context.buildDir()).write(metadata);
        String folder = ARTIFACT_FOLDER + "/" + RunStore.safeName(metadata.getRunId());
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put(folder + "/run-metadata.json", metadataPath);
        String modelArtifact = null;
        if (modelDir != null) {
            for (String file : BUNDLE_FILES) {
                String source = modelDir + "/" + file;
                if (context.exists(source)) {
                    artifacts.put(folder + "/model/" + file, source);
                    modelArtifact = folder + "/model";
                }
            }
        }
        context.archive(artifacts);
        MlRunAction action = new MlRunAction(functionName, metadata.getRunId(), modelArtifact, context.buildDir());
        context.addAction(action);
        return action;
    }

    /**
     * Builds the step's return value: the metadata document plus where the plugin put things.
     */
    static Map<String, Object> result(
            RunMetadata metadata, String metadataPath, MlRunAction action, String buildResult) {
        Map<String, Object> result = new LinkedHashMap<>(metadata.toMap());
        result.put("metadataFile", metadataPath);
        if (action.getModelArtifact() != null) {
            result.put("modelArtifact", action.getModelArtifact());
        }
        result.put("buildResult", buildResult);
        return result;
    }

    /** Quotes the arguments of a command line for the build log. */
    static String display(List<String> arguments) {
        StringBuilder b = new StringBuilder("mlops");
        for (String argument : arguments) {
            b.append(' ')
                    .append(
                            argument.isEmpty() || argument.matches(".*[\\s'\"].*")
                                    ? "'" + argument.replace("'", "'\\''") + "'"
                                    : argument);
        }
        return b.toString();
    }
}
