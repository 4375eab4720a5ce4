package io.mlops.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Predicts with a Tribuo model, also examples in which the model knows no feature: a text whose words it never
 * saw, categories it never saw. Tribuo refuses those ("No features found in Example"), which stopped training
 * whenever one test row of a text-only model had only new words. They are predicted as what they are, an example
 * whose known features are all zero: one known feature is added with the value 0, so a linear model answers from
 * its bias terms alone, as it does for any input whose words it does not know.
 */
public final class Predictions {
    private Predictions() {}

    /**
     * Predicts one example.
     *
     * @param model   the model
     * @param example the example
     * @return the prediction
     */
    public static Prediction<Label> predict(final Model<Label> model, final Example<Label> example) {
        return model.predict(withKnownFeature(model, example));
    }

    /**
     * Predicts examples.
     *
     * @param model    the model
     * @param examples the examples
     * @return the predictions, in order
     */
    public static List<Prediction<Label>> predict(final Model<Label> model, final List<Example<Label>> examples) {
        List<Example<Label>> known = null;
        for (int i = 0; i < examples.size(); i++) {
            Example<Label> example = withKnownFeature(model, examples.get(i));
            if (example != examples.get(i)) {
                if (known == null) {
                    known = new ArrayList<>(examples);
                }
                known.set(i, example);
            }
        }
        return model.predict(known == null ? examples : known);
    }

    /** The example itself if the model knows one of its features, else a copy with one known feature at 0. */
    static Example<Label> withKnownFeature(final Model<Label> model, final Example<Label> example) {
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        for (Feature feature : example) {
            if (ids.getID(feature.getName()) >= 0) {
                return example;
            }
        }
        if (ids.size() == 0) {
            return example;
        }
        Example<Label> copy = example.copy();
        copy.add(new Feature(ids.get(0).getName(), 0.0));
        return copy;
    }
}
