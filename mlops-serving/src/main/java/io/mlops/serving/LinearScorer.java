package io.mlops.serving;

import com.google.protobuf.InvalidProtocolBufferException;
import io.mlops.engine.features.FeaturePreparation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.util.VectorNormalizer;

/**
 * Scores a Tribuo linear SGD classifier (logistic regression, linear SVM) over an all-numeric schema with
 * the model's own weights and normaliser, but without building an {@link org.tribuo.Example}, a sparse
 * vector and a {@link org.tribuo.Prediction} per call: the feature ids, which Tribuo looks up by name on
 * every call, are looked up once here. Each class's score adds the same products in the same order as
 * Tribuo's {@code DenseMatrix.leftMultiply} (features by ascending id, then the bias), so every score is the
 * same double; {@link Predictor} checks that on the smoke inputs before it uses this, and
 * {@code LinearScorerTest} on many more.
 */
final class LinearScorer {
    private final FeaturePreparation preparation;
    private final VectorNormalizer normalizer;
    // per class: the weights of the known features in ascending id order, then the bias weight
    private final double[][] weights;
    // the schema position of each known feature, in ascending id order
    private final int[] positions;
    private final int features;

    private LinearScorer(
            final FeaturePreparation preparation,
            final VectorNormalizer normalizer,
            final double[][] weights,
            final int[] positions) {
        this.preparation = preparation;
        this.normalizer = normalizer;
        this.weights = weights;
        this.positions = positions;
        this.features = preparation.getSchema().features().size();
    }

    /**
     * Prepares the scorer of a model, where one applies.
     *
     * @param model       the model
     * @param preparation the bundle's feature preparation
     * @return the scorer, or {@code null} if the model is not a linear SGD classifier over numeric features
     */
    static LinearScorer of(final Model<Label> model, final FeaturePreparation preparation) {
        if (!(model instanceof LinearSGDModel linear) || !preparation.isAllNumeric()) {
            return null;
        }
        VectorNormalizer normalizer;
        try {
            // the model's own normaliser, as it was saved with the model
            normalizer = VectorNormalizer.deserialize(linear.serialize()
                    .getSerializedData()
                    .unpack(ClassificationLinearSGDProto.class)
                    .getNormalizer());
        } catch (InvalidProtocolBufferException | RuntimeException exception) {
            return null;
        }
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        List<int[]> known = new ArrayList<>();
        List<String> names =
                preparation.getSchema().features().stream().map(c -> c.name()).toList();
        for (int f = 0; f < names.size(); f++) {
            int id = ids.getID(names.get(f));
            if (id >= 0) {
                known.add(new int[] {id, f});
            }
        }
        if (known.isEmpty()) {
            return null;
        }
        // Tribuo's sparse vector: the known features in id order, then the bias
        known.sort(Comparator.comparingInt(pair -> pair[0]));
        DenseMatrix matrix = linear.getWeightsCopy();
        if (matrix.getDimension2Size() != ids.size() + 1) {
            // not the layout this class knows: features, then one bias column
            return null;
        }
        double[][] weights = new double[matrix.getDimension1Size()][known.size() + 1];
        int[] positions = new int[known.size()];
        for (int i = 0; i < known.size(); i++) {
            positions[i] = known.get(i)[1];
            for (int k = 0; k < weights.length; k++) {
                weights[k][i] = matrix.get(k, known.get(i)[0]);
            }
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k][known.size()] = matrix.get(k, ids.size());
        }
        return new LinearScorer(preparation, normalizer, weights, positions);
    }

    /**
     * Scores an input.
     *
     * @param input the input
     * @return the score of each class, by output id
     * @throws io.mlops.contract.MlopsException if a value is missing and the model's policy says error
     */
    double[] scores(final FeaturePreparation.Row input) {
        double[] prepared = new double[features];
        preparation.numericValues(input, prepared);
        double[] scores = new double[weights.length];
        int bias = positions.length;
        for (int k = 0; k < scores.length; k++) {
            double[] row = weights[k];
            double sum = 0.0;
            for (int i = 0; i < bias; i++) {
                sum += row[i] * prepared[positions[i]];
            }
            scores[k] = sum + row[bias] * 1.0;
        }
        normalizer.normalizeInPlace(scores);
        return scores;
    }
}
