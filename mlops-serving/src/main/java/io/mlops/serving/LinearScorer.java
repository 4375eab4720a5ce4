package io.mlops.serving;

import com.google.protobuf.InvalidProtocolBufferException;
import io.mlops.engine.features.FeatureIdEncoder;
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
 * Scores a Tribuo linear SGD classifier (logistic regression, linear SVM) with the model's own weights and
 * normaliser, but without building an {@link org.tribuo.Example}, a sparse vector and a
 * {@link org.tribuo.Prediction} per call. Over an all-numeric schema the feature ids, which Tribuo looks up by
 * name on every call, are looked up once here; with categorical or text features a {@link FeatureIdEncoder}
 * turns the input into ids without building feature names. Each class's score adds the same products in the
 * same order as Tribuo's {@code DenseMatrix.leftMultiply} (features by ascending id, then the bias), so every
 * score is the same double; {@link Predictor} checks that on the smoke inputs before it uses this, and
 * {@code LinearScorerTest} on many more.
 */
final class LinearScorer {
    private final FeaturePreparation preparation;
    private final VectorNormalizer normalizer;
    // per class: the weights of the known features in ascending id order (all-numeric schema) or by id
    // (otherwise), then the bias weight
    private final double[][] weights;
    // all-numeric schema: the schema position of each known feature, in ascending id order; else null
    private final int[] positions;
    private final int features;
    // other schemas: turns an input into feature ids; else null
    private final FeatureIdEncoder encoder;
    private final ThreadLocal<FeatureIdEncoder.Workspace> workspaces;

    private LinearScorer(
            final FeaturePreparation preparation,
            final VectorNormalizer normalizer,
            final double[][] weights,
            final int[] positions,
            final FeatureIdEncoder encoder) {
        this.preparation = preparation;
        this.normalizer = normalizer;
        this.weights = weights;
        this.positions = positions;
        this.features = preparation.getSchema().features().size();
        this.encoder = encoder;
        this.workspaces = encoder == null ? null : ThreadLocal.withInitial(encoder::workspace);
    }

    /**
     * Prepares the scorer of a model, where one applies.
     *
     * @param model       the model
     * @param preparation the bundle's feature preparation
     * @return the scorer, or {@code null} if the model is not a linear SGD classifier
     */
    static LinearScorer of(final Model<Label> model, final FeaturePreparation preparation) {
        if (!(model instanceof LinearSGDModel linear)) {
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
        DenseMatrix matrix = linear.getWeightsCopy();
        if (matrix.getDimension2Size() != ids.size() + 1) {
            // not the layout this class knows: features, then one bias column
            return null;
        }
        if (!preparation.isAllNumeric()) {
            FeatureIdEncoder encoder = FeatureIdEncoder.of(preparation, ids);
            if (encoder == null) {
                return null;
            }
            double[][] weights = new double[matrix.getDimension1Size()][];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = matrix.getRow(k).toArray();
            }
            return new LinearScorer(preparation, normalizer, weights, null, encoder);
        }
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
        return new LinearScorer(preparation, normalizer, weights, positions, null);
    }

    /**
     * Scores an input.
     *
     * @param input the input
     * @return the score of each class, by output id; {@code null} for an input that only Tribuo scores as
     *     Tribuo does (no feature the model knows, or a value that is not a number), so that Tribuo answers it
     * @throws io.mlops.contract.MlopsException if a value is missing and the model's policy says error
     */
    double[] scores(final FeaturePreparation.Row input) {
        double[] scores = new double[weights.length];
        if (encoder == null) {
            double[] prepared = new double[features];
            preparation.numericValues(input, prepared);
            int bias = positions.length;
            for (int k = 0; k < scores.length; k++) {
                double[] row = weights[k];
                double sum = 0.0;
                for (int i = 0; i < bias; i++) {
                    sum += row[i] * prepared[positions[i]];
                }
                scores[k] = sum + row[bias] * 1.0;
            }
        } else {
            FeatureIdEncoder.Workspace space = workspaces.get();
            if (!encoder.encode(input, space) || space.size() == 0) {
                return null;
            }
            int[] ids = space.ids();
            double[] values = space.values();
            int size = space.size();
            int bias = weights[0].length - 1;
            for (int k = 0; k < scores.length; k++) {
                double[] row = weights[k];
                double sum = 0.0;
                for (int i = 0; i < size; i++) {
                    sum += row[ids[i]] * values[i];
                }
                scores[k] = sum + row[bias] * 1.0;
            }
        }
        normalizer.normalizeInPlace(scores);
        return scores;
    }
}
