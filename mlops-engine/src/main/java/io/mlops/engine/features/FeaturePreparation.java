package io.mlops.engine.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.data.TypedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.data.text.impl.TokenPipeline;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * The fitted feature preparation of a model: schema, settings and the values learned from the training
 * data (means for imputation, standard deviations for standardisation). It is stored in the model bundle,
 * so training, evaluation and serving turn rows into features with this one piece of code and these values.
 */
public final class FeaturePreparation {
    /** The value a missing category becomes under {@link FeatureSettings.MissingCategorical#CATEGORY}. */
    public static final String MISSING_CATEGORY = "<missing>";

    private static final int PARALLEL_ROWS = 50_000;
    private static final int CHUNK_ROWS = 8_192;

    private final DataSchema schema;
    private final FeatureSettings settings;
    private final Map<String, Double> means;
    private final Map<String, Double> scales;
    private final transient TokenPipeline text;
    /** The feature column names, by feature index. */
    private final transient String[] names;
    /** The imputation mean of each numeric feature, by feature index. */
    private final transient double[] featureMeans;
    /** Per feature column: divide by this after subtracting the mean; 0 where numbers are not standardised. */
    private final transient double[] featureScales;
    /** Whether a row's feature names can never repeat, so that no merging by name is needed. */
    private final transient boolean uniqueNames;
    /** For an all-numeric schema: the feature names in Tribuo's (sorted) order, else {@code null}. */
    private final transient String[] sortedNames;
    /** For an all-numeric schema: the position of each feature in {@link #sortedNames}. */
    private final transient int[] sortedPosition;

    /**
     * Creates a preparation.
     *
     * @param schema   the schema
     * @param settings the settings
     * @param means    the training mean of every numeric column
     * @param scales   the training standard deviation of every numeric column that is standardised
     *                 (to mean 0 and standard deviation 1); empty when numbers are used as they are
     */
    @JsonCreator
    public FeaturePreparation(
            @JsonProperty("schema") final DataSchema schema,
            @JsonProperty("settings") final FeatureSettings settings,
            @JsonProperty("means") final Map<String, Double> means,
            @JsonProperty("scales") final Map<String, Double> scales) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.means = Map.copyOf(means);
        this.scales = scales == null ? Map.of() : Map.copyOf(scales);
        this.text = new TokenPipeline(tokenizer(), settings.ngrams(), true);
        List<ColumnSpec> features = schema.features();
        int count = features.size();
        this.names = new String[count];
        this.featureMeans = new double[count];
        this.featureScales = new double[count];
        Set<String> distinct = new HashSet<>();
        boolean numericOnly = true;
        boolean categoricalSafe = true;
        boolean hasText = false;
        for (int f = 0; f < count; f++) {
            ColumnSpec spec = features.get(f);
            names[f] = spec.name();
            featureMeans[f] = this.means.getOrDefault(spec.name(), 0.0);
            Double scale = this.scales.get(spec.name());
            featureScales[f] = scale == null ? 0 : scale > 0 ? scale : 1;
            distinct.add(spec.name());
            numericOnly &= spec.type() == ColumnType.NUMERIC;
            hasText |= spec.type() == ColumnType.TEXT;
            // "a=b" as a column name could collide with category "b" of a column "a"
            categoricalSafe &= spec.name().indexOf('=') < 0;
        }
        this.uniqueNames = !hasText && distinct.size() == count && (numericOnly || categoricalSafe);
        if (numericOnly && uniqueNames) {
            this.sortedNames = names.clone();
            Arrays.sort(sortedNames);
            this.sortedPosition = new int[count];
            for (int f = 0; f < count; f++) {
                sortedPosition[f] = Arrays.binarySearch(sortedNames, names[f]);
            }
        } else {
            this.sortedNames = null;
            this.sortedPosition = null;
        }
    }

    /**
     * Fits a preparation on training data, standardising numbers as the settings say (for {@code null}: not).
     *
     * @param data     the training data
     * @param settings the settings
     * @return the fitted preparation
     */
    public static FeaturePreparation fit(final TypedData data, final FeatureSettings settings) {
        return fit(data, settings, Boolean.TRUE.equals(settings.standardize()));
    }

    /**
     * Fits a preparation on training data.
     *
     * @param data        the training data
     * @param settings    the settings
     * @param standardize whether numeric features are standardised to mean 0 and standard deviation 1
     * @return the fitted preparation
     */
    public static FeaturePreparation fit(
            final TypedData data, final FeatureSettings settings, final boolean standardize) {
        List<ColumnSpec> features = data.schema().features();
        // each numeric column's mean and deviation on its own, columns in parallel for large data; the sums run
        // row by row exactly as before, so the values are bit for bit the same
        double[] columnMeans = new double[features.size()];
        double[] columnScales = new double[features.size()];
        IntStream columns =
                IntStream.range(0, features.size()).filter(f -> features.get(f).type() == ColumnType.NUMERIC);
        (data.size() >= PARALLEL_ROWS ? columns.parallel() : columns).forEach(f -> {
            double sum = 0;
            long count = 0;
            for (int row = 0; row < data.size(); row++) {
                double value = data.number(f, row);
                if (!Double.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            double mean = count == 0 ? 0.0 : sum / count;
            columnMeans[f] = mean;
            if (standardize) {
                double squares = 0;
                for (int row = 0; row < data.size(); row++) {
                    double value = data.number(f, row);
                    if (!Double.isNaN(value)) {
                        squares += (value - mean) * (value - mean);
                    }
                }
                columnScales[f] = count == 0 ? 1.0 : Math.sqrt(squares / count);
            }
        });
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, Double> scales = new LinkedHashMap<>();
        for (int f = 0; f < features.size(); f++) {
            if (features.get(f).type() == ColumnType.NUMERIC) {
                means.put(features.get(f).name(), columnMeans[f]);
                if (standardize) {
                    scales.put(features.get(f).name(), columnScales[f]);
                }
            }
        }
        return new FeaturePreparation(data.schema(), settings, means, scales);
    }

    /** @return the schema */
    public DataSchema getSchema() {
        return schema;
    }

    /** @return the settings */
    public FeatureSettings getSettings() {
        return settings;
    }

    /** @return the training mean of every numeric column */
    public Map<String, Double> getMeans() {
        return means;
    }

    /** @return the training standard deviation of every standardised numeric column; empty if none is */
    public Map<String, Double> getScales() {
        return scales;
    }

    /**
     * Turns every row of a data set into an example.
     *
     * @param data the data, with this preparation's schema
     * @return one example per row, in order
     */
    public List<Example<Label>> examples(final TypedData data) {
        int rows = data.size();
        if (!uniqueNames || rows < PARALLEL_ROWS) {
            // text features share a tokenizer that is not thread-safe
            return examples(data, 0, rows);
        }
        // rows in parallel chunks, put back in order; the first failing row in file order is reported
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        List<List<Example<Label>>> parts = new ArrayList<>(Collections.nCopies(chunks, null));
        RuntimeException[] errors = new RuntimeException[chunks];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            try {
                parts.set(chunk, examples(data, chunk * CHUNK_ROWS, Math.min(rows, (chunk + 1) * CHUNK_ROWS)));
            } catch (RuntimeException exception) {
                errors[chunk] = exception;
            }
        });
        for (RuntimeException error : errors) {
            if (error != null) {
                throw error;
            }
        }
        List<Example<Label>> examples = new ArrayList<>(rows);
        parts.forEach(examples::addAll);
        return examples;
    }

    private List<Example<Label>> examples(final TypedData data, final int from, final int to) {
        List<Example<Label>> examples = new ArrayList<>(to - from);
        for (int row = from; row < to; row++) {
            examples.add(example(new Label(data.label(row)), new TypedRow(data, row)));
        }
        return examples;
    }

    /**
     * Turns one row into an example.
     *
     * @param label the label (use {@link org.tribuo.classification.LabelFactory#UNKNOWN_LABEL} to predict)
     * @param row   the row's values
     * @return the example
     * @throws MlopsException if a value is missing and the policy says error
     */
    public Example<Label> example(final Label label, final Row row) {
        if (sortedNames != null) {
            return numericExample(label, row);
        }
        if (uniqueNames) {
            return uniqueExample(label, row);
        }
        List<ColumnSpec> features = schema.features();
        List<String> names = new ArrayList<>(features.size() + 16);
        List<Double> values = new ArrayList<>(features.size() + 16);
        for (int f = 0; f < features.size(); f++) {
            ColumnSpec spec = features.get(f);
            switch (spec.type()) {
                case NUMERIC -> {
                    names.add(spec.name());
                    values.add(prepared(f, row.number(f), row));
                }
                case CATEGORICAL -> {
                    names.add(categoryFeature(spec.name(), category(f, row)));
                    values.add(1.0);
                }
                case TEXT -> {
                    String input = text(f, row);
                    if (input != null) {
                        for (Feature feature : text.process(spec.name(), input)) {
                            names.add(feature.getName());
                            values.add(feature.getValue());
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown column type " + spec.type());
            }
        }
        String[] n = names.toArray(new String[0]);
        double[] v = new double[n.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        ArrayExample<Label> example = new ArrayExample<>(label, n, v);
        example.reduceByName(org.tribuo.util.Merger.add());
        return example;
    }

    /**
     * Returns whether every feature is numeric and named uniquely, so that {@link #numericValues} applies.
     *
     * @return whether the schema is all numeric
     */
    public boolean isAllNumeric() {
        return sortedNames != null;
    }

    /**
     * For an all-numeric schema ({@link #isAllNumeric()}): every feature's value as the model sees it (missing
     * values imputed, then standardised if fitted so), by position in the schema. These are the values
     * {@link #example} puts into the example, for callers that score a model's parameters directly.
     *
     * @param row  the row's values
     * @param into receives the values, one per feature
     * @throws MlopsException if a value is missing and the policy says error
     */
    public void numericValues(final Row row, final double[] into) {
        for (int f = 0; f < names.length; f++) {
            into[f] = prepared(f, row.number(f), row);
        }
    }

    /**
     * The all-numeric case: the names are fixed and distinct, so the values go straight into an array in
     * Tribuo's sorted feature order; no boxing, no merging by name.
     */
    private Example<Label> numericExample(final Label label, final Row row) {
        double[] values = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            values[sortedPosition[f]] = prepared(f, row.number(f), row);
        }
        return new SortedArrayExample<>(label, sortedNames, values);
    }

    /** Numeric and categorical columns whose feature names cannot repeat: no merging by name needed. */
    private Example<Label> uniqueExample(final Label label, final Row row) {
        List<ColumnSpec> features = schema.features();
        String[] n = new String[names.length];
        double[] v = new double[names.length];
        for (int f = 0; f < n.length; f++) {
            if (features.get(f).type() == ColumnType.NUMERIC) {
                n[f] = names[f];
                v[f] = prepared(f, row.number(f), row);
            } else {
                n[f] = categoryFeature(names[f], category(f, row));
                v[f] = 1.0;
            }
        }
        return new ArrayExample<>(label, n, v);
    }

    /**
     * Tribuo's feature name of a category: {@code column=category}, the category without surrounding spaces.
     *
     * @param column   the column name
     * @param category the category, as {@link #category} returns it
     * @return the feature name
     */
    static String categoryFeature(final String column, final String category) {
        return column + "=" + category.strip();
    }

    /**
     * The start of the feature names of a text column's n-grams of length {@code n}, as Tribuo's
     * {@link org.tribuo.data.text.impl.NgramProcessor} names them: {@code column-n-N=}, followed by the
     * n-gram's tokens joined by {@link #NGRAM_SEPARATOR}.
     *
     * @param column the column name
     * @param n      the n-gram length
     * @return the prefix
     */
    static String ngramPrefix(final String column, final int n) {
        return column + "-" + n + "-N=";
    }

    /** What joins the tokens of an n-gram in its feature name. */
    static final char NGRAM_SEPARATOR = '/';

    /** @return a new tokenizer of text columns (not thread-safe: one per thread) */
    static BreakIteratorTokenizer tokenizer() {
        return new BreakIteratorTokenizer(Locale.ROOT);
    }

    /** The category of a categorical feature: a missing one becomes {@link #MISSING_CATEGORY} or an error. */
    String category(final int feature, final Row row) {
        String value = row.string(feature);
        if (value == null) {
            if (settings.missingCategorical() == FeatureSettings.MissingCategorical.ERROR) {
                throw row.missing(names[feature]);
            }
            return MISSING_CATEGORY;
        }
        return value;
    }

    /** The text of a text feature as it is tokenised (lower-cased if the settings say so), {@code null} if missing. */
    String text(final int feature, final Row row) {
        String value = row.string(feature);
        if (value == null) {
            return null;
        }
        return settings.lowercase() ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** A numeric feature's value as the model sees it: missing values imputed, then standardised if fitted so. */
    double prepared(final int feature, final Row row) {
        return prepared(feature, row.number(feature), row);
    }

    /** A numeric feature's value as the model sees it: missing values imputed, then standardised if fitted so. */
    private double prepared(final int feature, final double raw, final Row row) {
        double value = Double.isNaN(raw) ? missingNumeric(feature, row) : raw;
        double scale = featureScales[feature];
        return scale == 0 ? value : (value - featureMeans[feature]) / scale;
    }

    private double missingNumeric(final int feature, final Row row) {
        return switch (settings.missingNumeric()) {
            case MEAN -> featureMeans[feature];
            case ZERO -> 0.0;
            case ERROR -> throw row.missing(names[feature]);
        };
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof FeaturePreparation that
                && schema.equals(that.schema)
                && settings.equals(that.settings)
                && means.equals(that.means)
                && scales.equals(that.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, settings, means, scales);
    }

    @Override
    public String toString() {
        return "FeaturePreparation[schema=" + schema + ", settings=" + settings + ", means=" + means + ", scales="
                + scales + "]";
    }

    /** The values of one row, by the index of the feature column in the schema. */
    public interface Row {
        /**
         * Returns a numeric value.
         *
         * @param feature the feature column index
         * @return the number, {@code NaN} if missing
         */
        double number(int feature);

        /**
         * Returns a categorical or text value.
         *
         * @param feature the feature column index
         * @return the value, {@code null} if missing
         */
        String string(int feature);

        /**
         * Creates the error for a missing value that the policy rejects.
         *
         * @param column the column
         * @return the error
         */
        MlopsException missing(String column);
    }

    /**
     * The values of one row of typed data.
     *
     * @param data the data, with this preparation's schema
     * @param row  the row index
     * @return the row's values; a missing value the policy rejects is reported at the row's file and line
     */
    static Row row(final TypedData data, final int row) {
        return new TypedRow(data, row);
    }

    private record TypedRow(TypedData data, int row) implements Row {
        @Override
        public double number(final int feature) {
            return data.number(feature, row);
        }

        @Override
        public String string(final int feature) {
            return data.string(feature, row);
        }

        @Override
        public MlopsException missing(final String column) {
            return MlopsException.atLine(
                    data.source(row),
                    data.line(row),
                    "column '" + column + "' is empty and the missing-value policy is 'error'");
        }
    }
}
