package io.mlops.engine.train;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.algorithm.LogisticSolver;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Makes the Tribuo trainer of an algorithm of the contract. */
public final class Trainers {
    private Trainers() {}

    /**
     * Creates the Tribuo trainer.
     *
     * @param algorithm       the algorithm
     * @param params          resolved hyperparameters (see {@link Algorithm#resolve(Map)})
     * @param seed            the random seed
     * @param loggingInterval for SGD: log progress every this many steps
     * @return the trainer
     */
    public static Trainer<Label> of(
            final Algorithm algorithm, final Map<String, Object> params, final long seed, final int loggingInterval) {
        return switch (algorithm) {
            case LOGISTIC -> LogisticSolver.of(params) == LogisticSolver.LBFGS
                    ? new LbfgsLogisticTrainer(
                            d(params, "cost"), i(params, "maxIterations"), d(params, "tolerance"), seed)
                    : sgd(new LogMulticlass(), params, seed, loggingInterval);
            case LINEAR_SVM -> sgd(new Hinge(), params, seed, loggingInterval);
            case LIBLINEAR -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(
                            LinearClassificationType.LinearType.valueOf((String) params.get("solver"))),
                    d(params, "cost"),
                    i(params, "maxIterations"),
                    d(params, "epsilon"),
                    seed);
            case CART -> new CARTClassificationTrainer(
                    i(params, "maxDepth"), (float) d(params, "featureFraction"), seed);
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(i(params, "maxDepth"), (float) d(params, "featureFraction"), seed),
                    new VotingCombiner(),
                    i(params, "trees"),
                    seed);
            case XGBOOST -> new XGBoostClassificationTrainer(
                    i(params, "trees"),
                    d(params, "eta"),
                    d(params, "gamma"),
                    i(params, "maxDepth"),
                    d(params, "minChildWeight"),
                    d(params, "subsample"),
                    d(params, "featureSubsample"),
                    d(params, "lambda"),
                    d(params, "alpha"),
                    i(params, "threads"),
                    true,
                    seed);
        };
    }

    private static Trainer<Label> sgd(
            final LabelObjective objective,
            final Map<String, Object> params,
            final long seed,
            final int loggingInterval) {
        return new LinearSGDTrainer(
                objective,
                new AdaGrad(d(params, "learningRate"), 0.1),
                i(params, "epochs"),
                loggingInterval,
                i(params, "minibatch"),
                seed);
    }

    private static int i(final Map<String, Object> params, final String name) {
        return ((Number) params.get(name)).intValue();
    }

    private static double d(final Map<String, Object> params, final String name) {
        return ((Number) params.get(name)).doubleValue();
    }
}
