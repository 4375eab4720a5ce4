package io.mlops.engine.train;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.data.CsvFormat;
import io.mlops.engine.data.DataWindow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines a training run. Same spec, same data and same seed give the same model.
 *
 * @param data         the training data: files, folders and globs (e.g. {@code data/incoming/*.csv}), read in order
 *                     as one data set ({@link io.mlops.engine.data.DataFiles})
 * @param testData     a separate test file, or {@code null} to split the training data
 * @param testFraction the share of rows held out for testing when there is no test file
 * @param label        the label column
 * @param columns      declared column types; other columns are inferred
 * @param ignore       columns that are not features
 * @param algorithm    the algorithm
 * @param params       hyperparameters as given (checked against the algorithm when training)
 * @param seed         the random seed of the split and the trainer
 * @param features     feature preparation settings
 * @param output       the folder the model bundle is written to
 * @param csv          how the CSV files are written (separator, decimal mark, encoding); detected by default
 * @param dedupe       whether rows that repeat an earlier row exactly are dropped
 * @param window       which part of the data is used (last rows, files or days), or {@code null} for all
 */
public record TrainingSpec(
        List<String> data,
        Path testData,
        double testFraction,
        String label,
        Map<String, ColumnType> columns,
        Set<String> ignore,
        Algorithm algorithm,
        Map<String, Object> params,
        long seed,
        FeatureSettings features,
        Path output,
        CsvFormat csv,
        boolean dedupe,
        DataWindow window) {
    /** The default share of rows held out for testing. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Creates a spec.
     */
    public TrainingSpec {
        data = List.copyOf(Objects.requireNonNull(data, "data"));
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(output, "output");
        columns = Map.copyOf(columns);
        ignore = Set.copyOf(ignore);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        features = features == null ? FeatureSettings.DEFAULTS : features;
        csv = csv == null ? CsvFormat.DETECT : csv;
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether the data is exactly one file, read as such (no folder, glob, de-duplication or window): such a
     * data set keeps the fingerprint of that file, as before data could span several files.
     *
     * @return {@code true} for one plain file
     */
    public boolean singleFile() {
        return data.size() == 1
                && !dedupe
                && window == null
                && !io.mlops.engine.data.DataFiles.isGlob(data.get(0))
                && !java.nio.file.Files.isDirectory(Path.of(data.get(0)));
    }

    /** Builds a {@link TrainingSpec}; every setter accepts {@code null} to keep the current value. */
    public static final class Builder {
        private final List<String> data = new java.util.ArrayList<>();
        private boolean dedupe;
        private DataWindow window;
        private Path testData;
        private double testFraction = DEFAULT_TEST_FRACTION;
        private String label;
        private final Map<String, ColumnType> columns = new LinkedHashMap<>();
        private final Set<String> ignore = new LinkedHashSet<>();
        private Algorithm algorithm = Algorithm.LOGISTIC;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private long seed = DEFAULT_SEED;
        private FeatureSettings features = FeatureSettings.DEFAULTS;
        private Path output = Path.of("model");
        private String delimiter;
        private Boolean decimalComma;
        private String encoding;

        /**
         * Sets the CSV field separator.
         *
         * @param value one character, or {@code tab}; {@code null} keeps detecting it
         * @return this builder
         */
        public Builder delimiter(final String value) {
            delimiter = value == null ? delimiter : value;
            return this;
        }

        /**
         * Sets whether CSV numbers use a decimal comma.
         *
         * @param value whether they do; {@code null} keeps detecting it
         * @return this builder
         */
        public Builder decimalComma(final Boolean value) {
            decimalComma = value == null ? decimalComma : value;
            return this;
        }

        /**
         * Sets the text encoding of the data files.
         *
         * @param value a charset name such as {@code windows-1252}; {@code null} keeps UTF-8
         * @return this builder
         */
        public Builder encoding(final String value) {
            encoding = value == null ? encoding : value;
            return this;
        }

        /**
         * Sets the training data to one file or folder.
         *
         * @param value the file; {@code null} keeps the current data
         * @return this
         */
        public Builder data(final Path value) {
            return value == null ? this : data(List.of(value.toString()));
        }

        /**
         * Sets the training data to files, folders and globs, read in this order.
         *
         * @param entries the entries; {@code null} or empty keeps the current data
         * @return this
         */
        public Builder data(final List<String> entries) {
            if (entries != null && !entries.isEmpty()) {
                data.clear();
                data.addAll(entries);
            }
            return this;
        }

        /**
         * Sets whether rows repeating an earlier row exactly are dropped.
         *
         * @param value whether to; {@code null} keeps the current setting
         * @return this
         */
        public Builder dedupe(final Boolean value) {
            dedupe = value == null ? dedupe : value;
            return this;
        }

        /**
         * Sets which part of the data is used.
         *
         * @param value the window; {@code null} keeps the current one
         * @return this
         */
        public Builder window(final DataWindow value) {
            window = value == null ? window : value;
            return this;
        }

        /**
         * Sets a separate test file.
         *
         * @param value the file
         * @return this
         */
        public Builder testData(final Path value) {
            testData = value == null ? testData : value;
            return this;
        }

        /**
         * Sets the held-out share.
         *
         * @param value between 0 and 1, exclusive
         * @return this
         */
        public Builder testFraction(final Double value) {
            testFraction = value == null ? testFraction : value;
            return this;
        }

        /**
         * Sets the label column.
         *
         * @param value the column
         * @return this
         */
        public Builder label(final String value) {
            label = value == null ? label : value;
            return this;
        }

        /**
         * Declares a column type.
         *
         * @param column the column
         * @param type   its type
         * @return this
         */
        public Builder column(final String column, final ColumnType type) {
            columns.put(column, type);
            return this;
        }

        /**
         * Excludes a column from the features.
         *
         * @param column the column
         * @return this
         */
        public Builder ignore(final String column) {
            ignore.add(column);
            return this;
        }

        /**
         * Sets the algorithm.
         *
         * @param value the algorithm
         * @return this
         */
        public Builder algorithm(final Algorithm value) {
            algorithm = value == null ? algorithm : value;
            return this;
        }

        /**
         * Sets a hyperparameter.
         *
         * @param name  its name
         * @param value its value
         * @return this
         */
        public Builder param(final String name, final Object value) {
            params.put(name, value);
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param value the seed
         * @return this
         */
        public Builder seed(final Long value) {
            seed = value == null ? seed : value;
            return this;
        }

        /**
         * Sets the feature settings.
         *
         * @param value the settings
         * @return this
         */
        public Builder features(final FeatureSettings value) {
            features = value == null ? features : value;
            return this;
        }

        /**
         * Sets the output folder.
         *
         * @param value the folder
         * @return this
         */
        public Builder output(final Path value) {
            output = value == null ? output : value;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws io.mlops.contract.MlopsException if a required field is missing or out of range
         */
        public TrainingSpec build() {
            if (data.isEmpty()) {
                throw new io.mlops.contract.MlopsException(
                        "no training data given: set 'data' to CSV or JSON Lines files, folders or globs");
            }
            if (label == null || label.isBlank()) {
                throw new io.mlops.contract.MlopsException(
                        "no label column given: set 'label' to the column to predict");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new io.mlops.contract.MlopsException(
                        "'testFraction' must be between 0 and 1 (exclusive), got " + testFraction);
            }
            if (seed < 0) {
                throw new io.mlops.contract.MlopsException("'seed' must be >= 0, got " + seed);
            }
            algorithm.resolve(params);
            return new TrainingSpec(
                    data,
                    testData,
                    testFraction,
                    label,
                    columns,
                    ignore,
                    algorithm,
                    params,
                    seed,
                    features,
                    output,
                    CsvFormat.of(delimiter, decimalComma, encoding),
                    dedupe,
                    window);
        }
    }
}
