package io.mlops.serving;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small all-numeric data sets and models for the service's tests: twelve numeric features on very different
 * scales, named out of alphabetical order (so that schema order, Tribuo's feature ids and the sorted order all
 * differ), four classes, and a few missing values.
 */
final class NumericModels {
    /** The feature names, in schema order. */
    static final List<String> FEATURES =
            List.of("weight", "Age", "zeta", "alpha", "b10", "b2", "höhe", "x_1", "X_1", "m", "delta", "c");
    /** The classes, also out of alphabetical order. */
    static final List<String> CLASSES = List.of("gamma", "alpha", "delta", "beta");
    // each feature's typical value and spread
    private static final double[] OFFSETS = {70, 40, 0, -5, 1e4, 0.002, 170, 0, 3, -1e3, 0.5, 1e-6};
    private static final double[] SCALES = {15, 12, 1, 0.01, 5e3, 0.001, 9, 1e3, 1e-4, 250, 0.2, 1e-7};

    private NumericModels() {}

    /**
     * Writes a JSON Lines training file: each row's class is the best of four fixed linear functions of the
     * standardised values, plus noise.
     *
     * @param file        the file
     * @param rows        how many rows
     * @param seed        the random seed
     * @param missingRate the share of values written as {@code null}
     * @return the file
     */
    static Path writeData(final Path file, final int rows, final long seed, final double missingRate) {
        Random random = new Random(seed);
        double[][] weights = new double[CLASSES.size()][FEATURES.size()];
        Random fixed = new Random(7);
        for (double[] row : weights) {
            for (int f = 0; f < row.length; f++) {
                row[f] = fixed.nextGaussian();
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] z = new double[FEATURES.size()];
            for (int f = 0; f < z.length; f++) {
                z[f] = random.nextGaussian();
            }
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < weights.length; k++) {
                double score = random.nextGaussian() * 0.3;
                for (int f = 0; f < z.length; f++) {
                    score += weights[k][f] * z[f];
                }
                if (score > max) {
                    max = score;
                    best = k;
                }
            }
            StringBuilder line =
                    new StringBuilder("{\"label\":\"").append(CLASSES.get(best)).append('"');
            for (int f = 0; f < z.length; f++) {
                line.append(",\"").append(FEATURES.get(f)).append("\":");
                line.append(
                        random.nextDouble() < missingRate ? "null" : Double.toString(OFFSETS[f] + SCALES[f] * z[f]));
            }
            lines.add(line.append('}').toString());
        }
        try {
            return Files.write(file, lines);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /**
     * Writes one random prediction input as JSON: values around and well beyond the training range, some
     * {@code null}, some zero, some integers.
     *
     * @param random the random source
     * @return the JSON object
     */
    static String randomInput(final Random random) {
        StringBuilder json = new StringBuilder("{");
        for (int f = 0; f < FEATURES.size(); f++) {
            json.append(f == 0 ? "" : ",").append('"').append(FEATURES.get(f)).append("\":");
            double draw = random.nextDouble();
            if (draw < 0.1) {
                json.append("null");
            } else if (draw < 0.15) {
                json.append('0');
            } else if (draw < 0.2) {
                json.append(Math.round(OFFSETS[f] + SCALES[f] * random.nextGaussian()));
            } else {
                json.append(OFFSETS[f] + SCALES[f] * random.nextGaussian() * 3);
            }
        }
        return json.append('}').toString();
    }

    /**
     * Trains a model on a data file.
     *
     * @param data        the data file
     * @param output      the bundle folder to write
     * @param algorithm   the algorithm
     * @param standardize whether numbers are standardised ({@code null}: the algorithm's default)
     * @param missing     the missing-number policy
     * @param seed        the seed
     * @return the bundle folder
     */
    static Path train(
            final Path data,
            final Path output,
            final Algorithm algorithm,
            final Boolean standardize,
            final FeatureSettings.MissingNumeric missing,
            final long seed) {
        TrainingSpec.Builder spec = TrainingSpec.builder()
                .data(data)
                .label("label")
                .algorithm(algorithm)
                .seed(seed)
                .features(
                        new FeatureSettings(1, true, standardize, missing, FeatureSettings.MissingCategorical.CATEGORY))
                .output(output);
        for (String feature : FEATURES) {
            spec.column(feature, ColumnType.NUMERIC);
        }
        if (algorithm == Algorithm.LOGISTIC || algorithm == Algorithm.LINEAR_SVM) {
            spec.param("epochs", 5);
        }
        new TrainingPipeline(ProgressListener.NONE, output.getParent()).train(spec.build(), List.of());
        return output;
    }
}
