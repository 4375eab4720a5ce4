package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.engine.MlopsException;
import io.mlops.engine.data.ColumnSpec;
import io.mlops.engine.data.ColumnType;
import io.mlops.engine.features.FeaturePreparation;
import io.mlops.engine.model.ModelBundle;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates one JSON input against the model's schema and predicts it with the bundle's own feature
 * preparation, the same code that prepared the training data.
 */
public final class Predictor {
    private final Model<Label> model;
    private final FeaturePreparation preparation;
    private final List<ColumnSpec> features;
    private final Set<String> names;

    /**
     * Creates a predictor.
     *
     * @param bundle the model bundle
     */
    public Predictor(final ModelBundle bundle) {
        this.model = bundle.model();
        this.preparation = bundle.preparation();
        this.features = preparation.getSchema().features();
        this.names = Set.copyOf(features.stream().map(ColumnSpec::name).toList());
    }

    /**
     * The result of one prediction.
     *
     * @param label         the predicted class
     * @param probabilities the score of every class (probabilities where the model gives them)
     */
    public record Result(String label, Map<String, Double> probabilities) {
    }

    /**
     * Checks an input: an object with every feature of the schema, nothing else, numbers for numeric
     * features and strings for categorical and text features; {@code null} is a missing value, handled
     * by the model's missing-value policy.
     *
     * @param input the input
     * @throws InvalidInputException naming every field at fault
     */
    public void validate(final JsonNode input) throws InvalidInputException {
        if (input == null || !input.isObject()) {
            throw new InvalidInputException("expected a JSON object with the fields " + fieldNames(), Map.of());
        }
        Map<String, String> problems = null;
        for (ColumnSpec spec : features) {
            JsonNode value = input.get(spec.name());
            String problem = null;
            if (value == null) {
                problem = "missing; expected " + expected(spec.type());
            }
            else if (!value.isNull() && (spec.type() == ColumnType.NUMERIC ? !value.isNumber() : !value.isTextual())) {
                problem = "expected " + expected(spec.type()) + ", got " + value.getNodeType().name().toLowerCase();
            }
            else if (spec.type() == ColumnType.NUMERIC && value.isNumber() && !Double.isFinite(value.doubleValue())) {
                problem = "expected a finite number";
            }
            if (problem != null) {
                if (problems == null) {
                    problems = new TreeMap<>();
                }
                problems.put(spec.name(), problem);
            }
        }
        // every feature is there and the object has no more fields than features: nothing unknown to look for
        if (problems != null || input.size() != names.size()) {
            for (Iterator<String> it = input.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!names.contains(name)) {
                    if (problems == null) {
                        problems = new TreeMap<>();
                    }
                    problems.put(name, "unknown field; expected only " + fieldNames());
                }
            }
        }
        if (problems != null) {
            throw new InvalidInputException("input does not match the model's schema", problems);
        }
    }

    /**
     * Predicts a validated input.
     *
     * @param input the input
     * @return the prediction
     * @throws InvalidInputException if the model's missing-value policy rejects a {@code null}
     */
    public Result predict(final JsonNode input) throws InvalidInputException {
        Example<Label> example;
        try {
            example = preparation.example(LabelFactory.UNKNOWN_LABEL, new JsonRow(input));
        }
        catch (MlopsException exception) {
            throw new InvalidInputException(exception.getMessage(), Map.of());
        }
        Prediction<Label> prediction = model.predict(example);
        Map<String, Double> scores = new LinkedHashMap<>();
        prediction.getOutputScores().forEach((name, label) -> scores.put(name, label.getScore()));
        return new Result(prediction.getOutput().getLabel(), scores);
    }

    /** @return the input fields the model expects, in schema order */
    public List<String> fieldNames() {
        return features.stream().map(ColumnSpec::name).toList();
    }

    private static String expected(final ColumnType type) {
        return type == ColumnType.NUMERIC ? "a number" : "a string";
    }

    private final class JsonRow implements FeaturePreparation.Row {
        private final JsonNode input;

        JsonRow(final JsonNode input) {
            this.input = input;
        }

        @Override
        public double number(final int feature) {
            JsonNode value = input.get(features.get(feature).name());
            return value == null || value.isNull() ? Double.NaN : value.doubleValue();
        }

        @Override
        public String string(final int feature) {
            JsonNode value = input.get(features.get(feature).name());
            return value == null || value.isNull() ? null : value.asText();
        }

        @Override
        public MlopsException missing(final String column) {
            return new MlopsException("field '" + column + "' is null and the model's missing-value policy is 'error'");
        }
    }
}
