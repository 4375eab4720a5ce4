package io.mlops.serving;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.engine.features.FeaturePreparation;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Validates one input (read from JSON by its {@link InputReader}) against the model's schema and predicts it
 * with the bundle's own feature preparation, the same code that prepared the training data.
 */
public final class Predictor {
    private final Model<Label> model;
    private final FeaturePreparation preparation;
    private final List<ColumnSpec> features;
    private final InputReader reader;
    private final List<String> classes;
    // scores linear models directly; null for other models, or once it differed from Tribuo
    private volatile LinearScorer scorer;

    /**
     * Creates a predictor.
     *
     * @param bundle the model bundle
     */
    public Predictor(final ModelBundle bundle) {
        this.model = bundle.model();
        this.preparation = bundle.preparation();
        this.features = preparation.getSchema().features();
        this.reader = new InputReader(features);
        // by output id: the order of Tribuo's scores
        List<String> outputs = new ArrayList<>();
        for (int id = 0; id < model.getOutputIDInfo().size(); id++) {
            outputs.add(model.getOutputIDInfo().getOutput(id).getLabel());
        }
        this.classes = List.copyOf(outputs);
        this.scorer = LinearScorer.of(model, preparation);
    }

    /**
     * The result of one prediction.
     *
     * @param label   the predicted class
     * @param classes every class, in the model's output order (shared by all results of a model)
     * @param scores  the score of each class (probabilities where the model gives them), aligned with {@code classes}
     */
    public record Result(String label, List<String> classes, double[] scores) {
        /** @return class to score, in the model's output order */
        public Map<String, Double> probabilities() {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                probabilities.put(classes.get(k), scores[k]);
            }
            return probabilities;
        }
    }

    /** @return the reader of this model's inputs */
    public InputReader reader() {
        return reader;
    }

    /**
     * Checks an input: an object with every feature of the schema, nothing else, numbers for numeric
     * features and strings for categorical and text features; {@code null} is a missing value, handled
     * by the model's missing-value policy.
     *
     * @param input the input, read by {@link #reader()}
     * @throws InvalidInputException naming every field at fault
     */
    public void validate(final Instance input) throws InvalidInputException {
        validate(input, Integer.MAX_VALUE);
    }

    /**
     * Checks an input against the model's schema and the longest value a text or categorical field may have
     * (tokenising a 1 MiB text costs about half a second of CPU).
     *
     * @param input        the input, read by {@link #reader()}
     * @param maxTextChars the longest string value of one field
     * @throws InvalidInputException naming every field at fault
     */
    public void validate(final Instance input, final int maxTextChars) throws InvalidInputException {
        if (!input.isObject()) {
            throw new InvalidInputException("expected a JSON object with the fields " + fieldNames(), Map.of());
        }
        Map<String, String> problems = input.problems() == null ? null : new TreeMap<>(input.problems());
        for (int f = 0; f < features.size(); f++) {
            if (!input.isPresent(f)) {
                if (problems == null) {
                    problems = new TreeMap<>();
                }
                ColumnSpec spec = features.get(f);
                problems.put(
                        spec.name(),
                        "missing; expected " + (spec.type() == ColumnType.NUMERIC ? "a number" : "a string"));
            } else if (features.get(f).type() != ColumnType.NUMERIC
                    && input.string(f) != null
                    && input.string(f).length() > maxTextChars) {
                if (problems == null) {
                    problems = new TreeMap<>();
                }
                problems.put(
                        features.get(f).name(),
                        "text of " + input.string(f).length() + " characters is longer than the limit of "
                                + maxTextChars);
            }
        }
        if (problems != null && !problems.isEmpty()) {
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
    public Result predict(final Instance input) throws InvalidInputException {
        LinearScorer linear = scorer;
        if (linear != null) {
            double[] scores;
            try {
                scores = linear.scores(input);
            } catch (MlopsException exception) {
                throw new InvalidInputException(exception.getMessage(), Map.of());
            }
            if (scores == null) {
                return predictWithTribuo(input);
            }
            // as Tribuo picks the label: the first highest score
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < scores.length; k++) {
                if (scores[k] > max) {
                    max = scores[k];
                    best = k;
                }
            }
            if (best >= 0) {
                return new Result(classes.get(best), classes, scores);
            }
        }
        return predictWithTribuo(input);
    }

    /**
     * Checks the direct linear scoring against Tribuo's own prediction on some inputs, and turns it off for
     * good if any score differs in any bit.
     *
     * @param inputs valid inputs
     * @return whether the direct scoring is on
     * @throws InvalidInputException if an input cannot be predicted at all
     */
    public boolean checkDirectScoring(final List<Instance> inputs) throws InvalidInputException {
        if (scorer == null) {
            return false;
        }
        for (Instance input : inputs) {
            Result direct = predict(input);
            Result tribuo = predictWithTribuo(input);
            if (!direct.label().equals(tribuo.label()) || !Arrays.equals(direct.scores(), tribuo.scores())) {
                scorer = null;
                return false;
            }
        }
        return true;
    }

    /** @return whether {@link #predict} scores with the direct linear scorer rather than with Tribuo */
    boolean scoresDirectly() {
        return scorer != null;
    }

    Result predictWithTribuo(final Instance input) throws InvalidInputException {
        Example<Label> example;
        try {
            example = preparation.example(LabelFactory.UNKNOWN_LABEL, input);
        } catch (MlopsException exception) {
            throw new InvalidInputException(exception.getMessage(), Map.of());
        }
        Prediction<Label> prediction = Predictions.predict(model, example);
        Map<String, Label> outputs = prediction.getOutputScores();
        double[] scores = new double[classes.size()];
        for (int k = 0; k < scores.length; k++) {
            Label score = outputs.get(classes.get(k));
            scores[k] = score == null ? Double.NaN : score.getScore();
        }
        return new Result(prediction.getOutput().getLabel(), classes, scores);
    }

    /** @return the model's classes, in its output order */
    public List<String> classes() {
        return classes;
    }

    /** @return the input fields the model expects, in schema order */
    public List<String> fieldNames() {
        return features.stream().map(ColumnSpec::name).toList();
    }
}
