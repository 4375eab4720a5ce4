package io.mlops.serving.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.engine.metadata.CodeVersion;
import io.mlops.engine.metadata.EnvironmentInfo;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.ModelInfo;
import io.mlops.engine.metadata.RunMetadata;
import io.mlops.engine.model.ModelBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds the run metadata of a deployment, validated against the same schema as training runs. */
public final class DeployMetadata {
    private DeployMetadata() {}

    /**
     * Builds the metadata.
     *
     * @param bundle     the deployed bundle
     * @param path       the bundle path as given
     * @param result     the deployment outcome
     * @param started    when the deployment started
     * @param totalNanos how long it took
     * @param codeFolder a folder inside the Git work tree, for the code version
     * @return the metadata
     */
    public static RunMetadata of(
            final ModelBundle bundle,
            final Path path,
            final DeployResult result,
            final Instant started,
            final long totalNanos,
            final Path codeFolder) {
        return new RunMetadata(
                MetadataWriter.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "deploy",
                started.toString(),
                Instant.now().toString(),
                bundle.manifest().algorithm(),
                bundle.manifest().hyperparameters(),
                bundle.manifest().seed(),
                null,
                null,
                bundle.preparation().getSchema(),
                bundle.preparation().getSettings(),
                new ModelInfo(
                        path.toString(),
                        bundle.manifest().modelSha256(),
                        bundle.manifest().modelFingerprint()),
                null,
                CodeVersion.of(codeFolder).orElse(null),
                null,
                null,
                null,
                Map.of("totalMillis", totalNanos / 1_000_000),
                EnvironmentInfo.current(),
                new ObjectMapper().valueToTree(result));
    }
}
