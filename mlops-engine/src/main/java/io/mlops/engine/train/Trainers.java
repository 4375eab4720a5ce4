package io.mlops.engine.train;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.algorithm.Hyperparameter;
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
                            d(params, Hyperparameter.COST),
                            i(params, Hyperparameter.MAX_ITERATIONS),
                            d(params, Hyperparameter.TOLERANCE),
                            seed)
                    : sgd(new LogMulticlass(), params, seed, loggingInterval);
            case LINEAR_SVM -> sgd(new Hinge(), params, seed, loggingInterval);
            case LIBLINEAR -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(
                            LinearClassificationType.LinearType.valueOf((String) params.get(Hyperparameter.SOLVER))),
                    d(params, Hyperparameter.COST),
                    i(params, Hyperparameter.MAX_ITERATIONS),
                    d(params, Hyperparameter.EPSILON),
                    seed);
            case CART -> new CARTClassificationTrainer(
                    i(params, Hyperparameter.MAX_DEPTH), (float) d(params, Hyperparameter.FEATURE_FRACTION), seed);
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(
                            i(params, Hyperparameter.MAX_DEPTH),
                            (float) d(params, Hyperparameter.FEATURE_FRACTION),
                            seed),
                    new VotingCombiner(),
                    i(params, Hyperparameter.TREES),
                    seed);
            case XGBOOST -> new XGBoostClassificationTrainer(
                    i(params, Hyperparameter.TREES),
                    d(params, Hyperparameter.ETA),
                    d(params, Hyperparameter.GAMMA),
                    i(params, Hyperparameter.MAX_DEPTH),
                    d(params, Hyperparameter.MIN_CHILD_WEIGHT),
                    d(params, Hyperparameter.SUBSAMPLE),
                    d(params, Hyperparameter.FEATURE_SUBSAMPLE),
                    d(params, Hyperparameter.LAMBDA),
                    d(params, Hyperparameter.ALPHA),
                    i(params, Hyperparameter.THREADS),
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
                new AdaGrad(d(params, Hyperparameter.LEARNING_RATE), 0.1),
                i(params, Hyperparameter.EPOCHS),
                loggingInterval,
                i(params, Hyperparameter.MINIBATCH),
                seed);
    }

    private static int i(final Map<String, Object> params, final String name) {
        return ((Number) params.get(name)).intValue();
    }

    private static double d(final Map<String, Object> params, final String name) {
        return ((Number) params.get(name)).doubleValue();
    }
}
