package io.jenkins.plugins.mlops.execution;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.ExitCode;
import io.mlops.contract.Json;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.text.Printable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a finished engine run in the build: stores its metadata document in the build folder, archives it (and the
 * model bundle, if any) as artifacts, and attaches an {@link MlRunAction}.
 */
final class RunRecorder {
    /** The artifact folder of all runs. */
    static final String ARTIFACT_FOLDER = "mlops";

    private final BuildContext context;
    private final String functionName;

    RunRecorder(BuildContext context, String functionName) {
        this.context = context;
        this.functionName = functionName;
    }

    /**
     * Returns the metadata of a run that completed (possibly with failed gates or a rolled-back deployment), read by
     * the contract's reader of its format version, or fails the step with the engine's message.
     */
    RunMetadata requireMetadata(LaunchResult result) throws StepFailure {
        int exitCode = result.outcome().exitCode();
        if (!completed(exitCode) || !result.hasMetadata()) {
            throw CommandOutput.failure(functionName, result);
        }
        try {
            return RunStore.parse("run metadata", result.metadataJson());
        } catch (IOException e) {
            throw new StepFailure("[" + functionName + "] " + Printable.escape(e.getMessage()));
        }
    }

    private static boolean completed(int exitCode) {
        try {
            return ExitCode.of(exitCode).completedRun();
        } catch (IllegalArgumentException e) { // a crash or a kill: no mlops exit code
            return false;
        }
    }

    /**
     * Stores, archives and shows a run.
     *
     * @param metadata the run's metadata, from {@link #requireMetadata(LaunchResult)}
     * @param launched what the engine produced: the metadata document as the engine wrote it
     * @param metadataPath the metadata file in the workspace
     * @param modelDir the model bundle folder in the workspace to archive, or {@code null}
     * @return the stored metadata and the attached action
     */
    Recorded record(RunMetadata metadata, LaunchResult launched, String metadataPath, String modelDir)
            throws IOException, InterruptedException {
        new RunStore(context.buildDir()).write(metadata, launched.metadataJson());
        String folder = ARTIFACT_FOLDER + "/" + RunStore.safeName(metadata.runId());
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put(folder + "/" + BundleLayout.METADATA_FILE, metadataPath);
        String modelArtifact = null;
        if (modelDir != null) {
            for (String file : BuildContext.BUNDLE_FILES) {
                String source = modelDir + "/" + file;
                if (context.exists(source)) {
                    artifacts.put(folder + "/model/" + file, source);
                    modelArtifact = folder + "/model";
                }
            }
        }
        context.archive(artifacts);
        MlRunAction action = new MlRunAction(functionName, metadata.runId(), modelArtifact, context.buildDir());
        context.addAction(action);
        return new Recorded(metadata, action);
    }

    /**
     * A run stored in the build.
     *
     * @param metadata the run's metadata, typed
     * @param action the action that shows it
     */
    record Recorded(RunMetadata metadata, MlRunAction action) {
        /** @return the build result the engine's gate outcome means (SUCCESS without gates), mapped 1:1 */
        BuildResult buildResult() {
            return metadata.gates() == null
                    ? BuildResult.SUCCESS
                    : metadata.gates().outcome().buildResult();
        }

        /**
         * Builds the step's return value: the metadata document as plain maps and lists, plus where the plugin put
         * things and the build result.
         */
        Map<String, Object> result(String metadataPath, BuildResult buildResult) {
            Map<String, Object> result = new LinkedHashMap<>(
                    Json.mapper().convertValue(metadata, new TypeReference<Map<String, Object>>() {}));
            result.put("metadataFile", metadataPath);
            if (action.getModelArtifact() != null) {
                result.put("modelArtifact", action.getModelArtifact());
            }
            result.put("buildResult", buildResult.name());
            return result;
        }
    }

    /** Quotes the arguments of a command line for the build log; control characters are escaped. */
    static String display(List<String> arguments) {
        StringBuilder b = new StringBuilder("mlops");
        for (String argument : arguments) {
            String printable = Printable.escape(argument);
            b.append(' ')
                    .append(
                            printable.isEmpty() || printable.matches(".*[\\s'\"\\\\].*")
                                    ? "'" + printable.replace("'", "'\\''") + "'"
                                    : printable);
        }
        return b.toString();
    }
}
