package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.model.BundleChecksums;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads a model bundle for serving: verifies its checksum, warms it up and runs smoke predictions, so
 * that a model is only ever switched in once it is known to answer.
 */
public final class ModelLoader {
    private static final ObjectMapper JSON = Json.mapper();
    private static final int WARM_UP = 2_000;
    /** Inputs drawn to compare direct linear scoring with Tribuo, and their seed. */
    private static final int SPREAD = 200;

    private static final long SPREAD_SEED = 20_261_127L;

    private final int driftWindow;

    /**
     * Creates a loader.
     *
     * @param driftWindow how many recent inputs the drift monitor compares
     */
    public ModelLoader(final int driftWindow) {
        this.driftWindow = driftWindow;
    }

    /**
     * Loads, verifies, warms up and smoke-tests a model.
     *
     * @param path    the bundle folder or its model file
     * @param name    the model name, or {@code null} for the bundle folder's name
     * @param version the version label, or {@code null} for the first 12 characters of the model's SHA-256
     * @return the model, ready to serve
     * @throws MlopsException if the bundle is missing or corrupted or a smoke prediction fails
     */
    public ServedModel load(final Path path, final String name, final String version) {
        ModelBundle bundle = new ModelStore().load(path);
        Predictor predictor = new Predictor(bundle);
        RunMetadata training = training(bundle.location());
        List<Instance> samples =
                samples(bundle, training).stream().map(predictor.reader()::read).toList();
        try {
            for (Instance sample : samples) {
                predictor.validate(sample);
            }
            List<Instance> spread = new ArrayList<>(samples);
            spread(bundle, training).stream().map(predictor.reader()::read).forEach(spread::add);
            predictor.checkDirectScoring(spread);
            for (int i = 0; i < WARM_UP; i++) {
                predictor.predict(samples.get(i % samples.size()));
            }
            for (Instance sample : samples) {
                Predictor.Result result = predictor.predict(sample);
                if (!bundle.manifest().labels().contains(result.label())) {
                    throw new MlopsException(
                            path + ": smoke prediction returned unknown class '" + result.label() + "'");
                }
            }
        } catch (InvalidInputException | RuntimeException exception) {
            throw new MlopsException(path + ": smoke prediction failed: " + exception.getMessage(), exception);
        }
        String resolvedName =
                name != null ? name : bundle.location().getFileName().toString();
        String resolvedVersion =
                version != null ? version : bundle.manifest().modelSha256().substring(0, 12);
        return new ServedModel(
                resolvedName,
                resolvedVersion,
                bundle,
                predictor,
                DriftMonitor.of(bundle.preparation().getSchema().features(), trainingData(training), driftWindow),
                training,
                Instant.now());
    }

    // read through the bundle's checksums, so that edited training statistics are refused like an edited model
    private static RunMetadata training(final Path folder) {
        BundleChecksums checksums = BundleChecksums.read(folder);
        if (!checksums.sums().containsKey(BundleLayout.METADATA_FILE)) {
            return null;
        }
        Path file = folder.resolve(BundleLayout.METADATA_FILE);
        byte[] bytes = checksums.readVerified(
                BundleLayout.METADATA_FILE, BoundedFiles.MAX_DOCUMENT_BYTES, "run metadata", "load");
        return new RunMetadataReader().read(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** The fingerprint of the training data, which describes each column's values; {@code null} if unknown. */
    private static DataFingerprint trainingData(final RunMetadata training) {
        return training == null || training.data() == null
                ? null
                : training.data().get(RunMetadata.TRAIN_DATA);
    }

    private static Map<String, ColumnStats> trainingColumns(final RunMetadata training) {
        DataFingerprint data = trainingData(training);
        return data == null || data.columns() == null ? Map.of() : data.columns();
    }

    /**
     * Numeric inputs spread like the training data (each feature drawn around its training mean with its
     * standard deviation), where the smoke samples alone would mostly give scores of exactly 0 or 1.
     */
    private static List<JsonNode> spread(final ModelBundle bundle, final RunMetadata training) {
        if (!bundle.preparation().isAllNumeric()) {
            return List.of();
        }
        Map<String, ColumnStats> columns = trainingColumns(training);
        Random random = new Random(SPREAD_SEED);
        List<JsonNode> inputs = new ArrayList<>();
        for (int i = 0; i < SPREAD; i++) {
            ObjectNode input = JSON.createObjectNode();
            for (ColumnSpec spec : bundle.preparation().getSchema().features()) {
                ColumnStats stats = columns.get(spec.name());
                double mean = stats != null && stats.mean() != null
                        ? stats.mean()
                        : bundle.preparation().getMeans().getOrDefault(spec.name(), 0.0);
                double deviation = stats != null && stats.stdDev() != null
                        ? stats.stdDev()
                        : bundle.preparation().getScales().getOrDefault(spec.name(), 1.0);
                input.put(spec.name(), mean + deviation * random.nextGaussian());
            }
            inputs.add(input);
        }
        return inputs;
    }

    // typical inputs from the training fingerprint: means, frequent categories and a few words
    private static List<JsonNode> samples(final ModelBundle bundle, final RunMetadata training) {
        Map<String, ColumnStats> columns = trainingColumns(training);
        List<JsonNode> samples = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            ObjectNode sample = JSON.createObjectNode();
            for (ColumnSpec spec : bundle.preparation().getSchema().features()) {
                ColumnStats stats = columns.get(spec.name());
                switch (spec.type()) {
                    case NUMERIC -> sample.put(
                            spec.name(),
                            stats != null && stats.mean() != null
                                    ? stats.mean() * (0.5 + s * 0.25)
                                    : bundle.preparation().getMeans().getOrDefault(spec.name(), 0.0));
                    case CATEGORICAL -> {
                        List<String> values = new ArrayList<>();
                        if (stats != null && stats.counts() != null) {
                            values.addAll(stats.counts().keySet());
                        }
                        sample.put(spec.name(), values.isEmpty() ? "unknown" : values.get(s % values.size()));
                    }
                    case TEXT -> sample.put(spec.name(), "smoke test input number " + s);
                    default -> throw new IllegalStateException("unknown type " + spec.type());
                }
            }
            samples.add(sample);
        }
        return samples;
    }
}
