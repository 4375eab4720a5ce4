package io.mlops.engine.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlops.engine.MlopsException;
import io.mlops.engine.data.ColumnSpec;
import io.mlops.engine.data.ColumnType;
import io.mlops.engine.data.DataSchema;
import io.mlops.engine.data.TypedData;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.data.text.impl.TokenPipeline;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The fitted feature preparation of a model: schema, settings and the values learned from the
 * training data (means for imputation). It is stored in the model bundle, so training, evaluation and
 * serving turn rows into features with this one piece of code. Standardisation is fitted by Tribuo and
 * lives inside the model itself.
 */
public final class FeaturePreparation {
    /** The value a missing category becomes under {@link FeatureSettings.MissingCategorical#CATEGORY}. */
    public static final String MISSING_CATEGORY = "<missing>";

    private static final int PARALLEL_ROWS = 50_000;
    private static final int CHUNK_ROWS = 8_192;

    private final DataSchema schema;
    private final FeatureSettings settings;
    private final Map<String, Double> means;
    private final transient TokenPipeline text;
    /** The feature column names, by feature index. */
    private final transient String[] names;
    /** The imputation mean of each numeric feature, by feature index. */
    private final transient double[] featureMeans;
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
     */
    @JsonCreator
    public FeaturePreparation(@JsonProperty("schema") final DataSchema schema,
            @JsonProperty("settings") final FeatureSettings settings,
            @JsonProperty("means") final Map<String, Double> means) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.means = Map.copyOf(means);
        this.text = new TokenPipeline(new BreakIteratorTokenizer(Locale.ROOT), settings.ngrams(), true);
        List<ColumnSpec> features = schema.features();
        int count = features.size();
        this.names = new String[count];
        this.featureMeans = new double[count];
        Set<String> distinct = new HashSet<>();
        boolean numericOnly = true;
        boolean categoricalSafe = true;
        boolean hasText = false;
        for (int f = 0; f < count; f++) {
            ColumnSpec spec = features.get(f);
            names[f] = spec.name();
            featureMeans[f] = this.means.getOrDefault(spec.name(), 0.0);
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
        }
        else {
            this.sortedNames = null;
            this.sortedPosition = null;
        }
    }

    /**
     * Fits a preparation on training data.
     *
     * @param data     the training data
     * @param settings the settings
     * @return the fitted preparation
     */
    public static FeaturePreparation fit(final TypedData data, final FeatureSettings settings) {
        Map<String, Double> means = new LinkedHashMap<>();
        List<ColumnSpec> features = data.schema().features();
        for (int f = 0; f < features.size(); f++) {
            if (features.get(f).type() == ColumnType.NUMERIC) {
                double sum = 0;
                long count = 0;
                for (int row = 0; row < data.size(); row++) {
                    double value = data.number(f, row);
                    if (!Double.isNaN(value)) {
                        sum += value;
                        count++;
                    }
                }
                means.put(features.get(f).name(), count == 0 ? 0.0 : sum / count);
            }
        }
        return new FeaturePreparation(data.schema(), settings, means);
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
            }
            catch (RuntimeException exception) {
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
                    values.add(numeric(spec.name(), row.number(f), row));
                }
                case CATEGORICAL -> {
                    String value = row.string(f);
                    if (value == null) {
                        if (settings.missingCategorical() == FeatureSettings.MissingCategorical.ERROR) {
                            throw row.missing(spec.name());
                        }
                        value = MISSING_CATEGORY;
                    }
                    names.add(spec.name() + "=" + value.strip());
                    values.add(1.0);
                }
                case TEXT -> {
                    String value = row.string(f);
                    if (value != null) {
                        String input = settings.lowercase() ? value.toLowerCase(Locale.ROOT) : value;
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
     * The all-numeric case: the names are fixed and distinct, so the values go straight into an array in
     * Tribuo's sorted feature order; no boxing, no merging by name.
     */
    private Example<Label> numericExample(final Label label, final Row row) {
        double[] values = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            double value = row.number(f);
            values[sortedPosition[f]] = Double.isNaN(value) ? missingNumeric(f, row) : value;
        }
        return new ArrayExample<>(label, sortedNames, values);
    }

    /** Numeric and categorical columns whose feature names cannot repeat: no merging by name needed. */
    private Example<Label> uniqueExample(final Label label, final Row row) {
        List<ColumnSpec> features = schema.features();
        String[] n = new String[names.length];
        double[] v = new double[names.length];
        for (int f = 0; f < n.length; f++) {
            if (features.get(f).type() == ColumnType.NUMERIC) {
                double value = row.number(f);
                n[f] = names[f];
                v[f] = Double.isNaN(value) ? missingNumeric(f, row) : value;
            }
            else {
                String value = row.string(f);
                if (value == null) {
                    if (settings.missingCategorical() == FeatureSettings.MissingCategorical.ERROR) {
                        throw row.missing(names[f]);
                    }
                    value = MISSING_CATEGORY;
                }
                n[f] = names[f] + "=" + value.strip();
                v[f] = 1.0;
            }
        }
        return new ArrayExample<>(label, n, v);
    }

    private double missingNumeric(final int feature, final Row row) {
        return switch (settings.missingNumeric()) {
            case MEAN -> featureMeans[feature];
            case ZERO -> 0.0;
            case ERROR -> throw row.missing(names[feature]);
        };
    }

    private double numeric(final String name, final double value, final Row row) {
        if (!Double.isNaN(value)) {
            return value;
        }
        return switch (settings.missingNumeric()) {
            case MEAN -> means.getOrDefault(name, 0.0);
            case ZERO -> 0.0;
            case ERROR -> throw row.missing(name);
        };
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof FeaturePreparation that && schema.equals(that.schema) && settings.equals(that.settings)
                && means.equals(that.means);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, settings, means);
    }

    @Override
    public String toString() {
        return "FeaturePreparation[schema=" + schema + ", settings=" + settings + ", means=" + means + "]";
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
            return MlopsException.atLine(data.source(), data.line(row),
                    "column '" + column + "' is empty and the missing-value policy is 'error'");
        }
    }
}
