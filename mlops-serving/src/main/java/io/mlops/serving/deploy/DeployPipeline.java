package io.mlops.serving.deploy;

import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.metadata.RunTimer;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import io.mlops.engine.registry.Deployment;
import io.mlops.engine.registry.ModelRegistry;
import io.mlops.engine.registry.ModelSource;
import io.mlops.engine.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One deploy run: resolves the model (bundle path or registry reference), deploys and checks it with the
 * {@link Deployer}, records the outcome in the registry for registered models, and makes the run metadata.
 */
public final class DeployPipeline {
    private final ProgressListener progress;
    private final Path codeFolder;

    /**
     * Creates a pipeline.
     *
     * @param progress   receives progress messages
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     */
    public DeployPipeline(final ProgressListener progress, final Path codeFolder) {
        this.progress = progress;
        this.codeFolder = codeFolder;
    }

    /**
     * What to deploy.
     *
     * @param model        a bundle path or {@code NAME@REF}
     * @param registry     opens the registry, for {@code NAME@REF} and to record the deployment
     * @param name         the model name, or {@code null} for the registry name or the bundle folder's name
     * @param versionLabel the version label, or {@code null} for the registry version or the checksum's prefix
     * @param golden       golden requests, or {@code null}
     * @param load         the load test, or {@code null}
     * @param by           who deploys, for the registry
     */
    public record Request(
            String model,
            Supplier<? extends ModelRegistry> registry,
            String name,
            String versionLabel,
            Path golden,
            LoadTestSpec load,
            String by) {
        /**
         * Creates a request.
         */
        public Request {
            Objects.requireNonNull(model, "model == null");
            Objects.requireNonNull(registry, "registry == null");
        }
    }

    /**
     * What a deploy run produced.
     *
     * @param result       the deployment's outcome
     * @param metadata     the run metadata
     * @param metadataJson the metadata as validated JSON
     */
    public record Run(DeployResult result, RunMetadata metadata, String metadataJson) {}

    /**
     * Deploys.
     *
     * @param request what to deploy
     * @param target  where to
     * @return the run; {@link DeployResult#deployed()} is false after a rollback
     * @throws io.mlops.contract.MlopsException for bad input
     */
    public Run deploy(final Request request, final DeploymentTarget target) {
        RunTimer timer = RunTimer.start(RunKind.DEPLOY, codeFolder);
        try (ModelSource source = ModelSource.of(request.model(), request.registry())) {
            ModelBundle bundle = new ModelStore().load(source.bundle());
            ModelVersion registered = source.version();
            String name = request.name() != null
                    ? request.name()
                    : registered != null
                            ? registered.name()
                            : bundle.location().getFileName().toString();
            String version = request.versionLabel() != null
                    ? request.versionLabel()
                    : registered != null
                            ? Integer.toString(registered.version())
                            : bundle.manifest().modelSha256().substring(0, 12);
            DeployResult result = new Deployer(progress)
                    .deploy(
                            new DeployRequest(source.bundle(), name, version, request.golden(), request.load()),
                            target);
            if (registered != null) {
                record(request, registered, result);
            }
            RunMetadata metadata = timer.finish()
                    .algorithm(bundle.manifest().algorithm())
                    .hyperparameters(bundle.manifest().hyperparameters())
                    .seed(bundle.manifest().seed())
                    .schema(bundle.preparation().getSchema())
                    .features(bundle.preparation().getSettings())
                    .model(new ModelInfo(
                            Path.of(request.model()).toString(),
                            bundle.manifest().modelSha256(),
                            bundle.manifest().modelFingerprint()))
                    .deployment(result)
                    .build();
            return new Run(result, metadata, new MetadataWriter().toJson(metadata));
        }
    }

    private void record(final Request request, final ModelVersion registered, final DeployResult result) {
        request.registry()
                .get()
                .recordDeployment(
                        registered.name(),
                        new Deployment(
                                result.target(),
                                result.location(),
                                registered.version(),
                                result.status().name(),
                                request.by(),
                                Instant.now().toString(),
                                result.reasons()));
        progress.progress("recorded in the registry: " + registered.name() + "@" + registered.version() + " "
                + result.status() + " on " + result.target());
    }
}
