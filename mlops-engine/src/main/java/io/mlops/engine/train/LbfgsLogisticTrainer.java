package io.mlops.engine.train;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.logging.Logger;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Multinomial logistic regression trained to convergence by L-BFGS, with the objective and stopping rule
 * of scikit-learn's {@code LogisticRegression(solver="lbfgs")}: mean cross-entropy plus an L2 penalty of
 * {@code 1 / (2 C n)} on the weights, unpenalised intercepts, stopping when no gradient entry exceeds the
 * tolerance. The result is Tribuo's own softmax linear model (the one {@link LinearSGDTrainer} builds with
 * {@link LogMulticlass}), so bundles, evaluation and serving treat it like any logistic model.
 *
 * <p>Training starts from zero weights and its sums are computed in a fixed order, so the same data give
 * the same model; the seed is kept only for the record.
 */
public final class LbfgsLogisticTrainer extends LinearSGDTrainer {
    private static final Logger LOG = Logger.getLogger(LbfgsLogisticTrainer.class.getName());

    @Config(description = "inverse regularisation strength C")
    private double cost = 1.0;

    @Config(description = "L-BFGS iteration limit")
    private int maxIterations = 100;

    @Config(description = "stop when no gradient entry is larger")
    private double tolerance = 1e-4;

    /**
     * Creates a trainer.
     *
     * @param cost          the inverse regularisation strength {@code C}
     * @param maxIterations the iteration limit
     * @param tolerance     stop when no gradient entry is larger in magnitude
     * @param seed          recorded in the provenance; training uses no randomness
     */
    public LbfgsLogisticTrainer(final double cost, final int maxIterations, final double tolerance, final long seed) {
        // the SGD settings of the parent are unused: train() below replaces its loop
        super(new LogMulticlass(), new AdaGrad(1.0, 0.1), 1, 1, seed);
        this.cost = cost;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    @Override
    public LinearSGDModel train(
            final Dataset<Label> examples, final Map<String, Provenance> runProvenance, final int invocationCount) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("the training data contain examples without a label");
        }
        TrainerProvenance trainerProvenance = getProvenance();
        ImmutableFeatureMap featureMap = new ImmutableFeatureMap(examples.getFeatureMap());
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        int rows = examples.size();
        int features = featureMap.size();
        int classes = outputInfo.size();
        int[] rowStart = new int[rows + 1];
        int entries = 0;
        for (int i = 0; i < rows; i++) {
            entries += examples.getExample(i).size();
        }
        int[] index = new int[entries];
        double[] value = new double[entries];
        int[] target = new int[rows];
        double[] weight = new double[rows];
        int e = 0;
        for (int i = 0; i < rows; i++) {
            Example<Label> example = examples.getExample(i);
            rowStart[i] = e;
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id >= 0) {
                    index[e] = id;
                    value[e++] = feature.getValue();
                }
            }
            target[i] = outputInfo.getID(example.getOutput());
            weight[i] = example.getWeight();
        }
        rowStart[rows] = e;
        SoftmaxLoss loss = new SoftmaxLoss(classes, features, rowStart, index, value, target, weight, cost);
        double[] x = new double[loss.size()];
        Lbfgs.Result result = Lbfgs.minimise(loss, x, maxIterations, tolerance, (iteration, objective, gradient) -> {
            // the form TribuoProgress turns into progress messages (Tribuo logs the negated loss)
            LOG.info("At iteration " + iteration + ", average loss = " + (-objective));
        });
        if (!result.converged()) {
            LOG.warning(String.format(
                    java.util.Locale.ROOT,
                    "L-BFGS stopped at the iteration limit of %d before converging (tolerance %s); "
                            + "raise maxIterations",
                    maxIterations,
                    tolerance));
        }
        DenseMatrix weights = new DenseMatrix(classes, features + 1);
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j <= features; j++) {
                weights.set(k, j, x[k * (features + 1) + j]);
            }
        }
        ModelProvenance provenance = new ModelProvenance(
                LinearSGDModel.class.getName(),
                OffsetDateTime.now(),
                examples.getProvenance(),
                trainerProvenance,
                runProvenance);
        return createModel("lbfgs-logistic-model", provenance, featureMap, outputInfo, new LinearParameters(weights));
    }

    @Override
    public String toString() {
        return "LbfgsLogisticTrainer(cost=" + cost + ",maxIterations=" + maxIterations + ",tolerance=" + tolerance
                + ")";
    }
}
