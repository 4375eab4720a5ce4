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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted feature preparation of a model: schema, settings and the values learned from the
 * training data (means for imputation). It is stored in the model bundle, so training, evaluation and
 * serving turn rows into features with this one piece of code. Standardisation is fitted by Tribuo and
 * lives inside the model itself.
 */
public final class FeaturePreparation {
    /** The value a missing category becomes under {@link FeatureSettings.MissingCategorical#CATEGORY}. */
    public static final String MISSING_CATEGORY = "<missing>";

    private final DataSchema schema;
    private final FeatureSettings settings;
    private final Map<String, Double> means;
    private final transient TokenPipeline text;

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
        List<Example<Label>> examples = new ArrayList<>(data.size());
        for (int row = 0; row < data.size(); row++) {
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
