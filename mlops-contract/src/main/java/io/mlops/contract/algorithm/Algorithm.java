package io.mlops.contract.algorithm;

import static io.mlops.contract.algorithm.Hyperparameter.ALPHA;
import static io.mlops.contract.algorithm.Hyperparameter.COST;
import static io.mlops.contract.algorithm.Hyperparameter.EPOCHS;
import static io.mlops.contract.algorithm.Hyperparameter.EPSILON;
import static io.mlops.contract.algorithm.Hyperparameter.ETA;
import static io.mlops.contract.algorithm.Hyperparameter.FEATURE_FRACTION;
import static io.mlops.contract.algorithm.Hyperparameter.FEATURE_SUBSAMPLE;
import static io.mlops.contract.algorithm.Hyperparameter.GAMMA;
import static io.mlops.contract.algorithm.Hyperparameter.LAMBDA;
import static io.mlops.contract.algorithm.Hyperparameter.LEARNING_RATE;
import static io.mlops.contract.algorithm.Hyperparameter.MAX_DEPTH;
import static io.mlops.contract.algorithm.Hyperparameter.MAX_ITERATIONS;
import static io.mlops.contract.algorithm.Hyperparameter.MINIBATCH;
import static io.mlops.contract.algorithm.Hyperparameter.MIN_CHILD_WEIGHT;
import static io.mlops.contract.algorithm.Hyperparameter.SOLVER;
import static io.mlops.contract.algorithm.Hyperparameter.SUBSAMPLE;
import static io.mlops.contract.algorithm.Hyperparameter.THREADS;
import static io.mlops.contract.algorithm.Hyperparameter.TOLERANCE;
import static io.mlops.contract.algorithm.Hyperparameter.TREES;
import static io.mlops.contract.algorithm.Hyperparameter.choice;
import static io.mlops.contract.algorithm.Hyperparameter.decimal;
import static io.mlops.contract.algorithm.Hyperparameter.integer;

import io.mlops.contract.MlopsException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training algorithms by id, each with the hyperparameters it accepts, their defaults and limits. The engine makes
 * the trainer; everyone else (command line, Jenkins steps, specs) names the algorithm by its {@link #id()}.
 */
public enum Algorithm {
    /**
     * Multinomial logistic regression: by default trained to convergence by L-BFGS (scikit-learn's
     * {@code LogisticRegression} objective and stopping rule), or by a fixed number of SGD epochs with AdaGrad.
     */
    LOGISTIC(
            "logistic",
            true,
            List.of(
                    choice(
                            SOLVER,
                            LogisticSolver.LBFGS.id(),
                            List.of(LogisticSolver.LBFGS.id(), LogisticSolver.SGD.id()),
                            "LBFGS: L-BFGS until converged; SGD: a fixed number of AdaGrad epochs (the default "
                                    + "when epochs, learningRate or minibatch is given)"),
                    decimal(COST, 1.0, 1e-9, 1e9, "lbfgs: inverse regularisation strength C"),
                    integer(MAX_ITERATIONS, 100, 1, 1_000_000, "lbfgs: iteration limit"),
                    decimal(TOLERANCE, 1e-4, 1e-12, 1.0, "lbfgs: stop when no gradient entry is larger"),
                    integer(EPOCHS, 5, 1, 10_000, "sgd: passes over the training data"),
                    decimal(LEARNING_RATE, 1.0, 1e-9, 1e6, "sgd: AdaGrad initial learning rate"),
                    integer(MINIBATCH, 1, 1, 1_000_000, "sgd: examples per gradient step"))),
    /** Linear support vector machine (hinge loss) trained by SGD with AdaGrad. */
    LINEAR_SVM("linear-svm", true, sgdParameters()),
    /** LIBLINEAR's exact solvers (logistic regression or SVM). */
    LIBLINEAR(
            "liblinear",
            true,
            List.of(
                    choice(
                            SOLVER,
                            "L2R_LR",
                            List.of(
                                    "L2R_LR",
                                    "L2R_L2LOSS_SVC",
                                    "L2R_L2LOSS_SVC_DUAL",
                                    "L2R_L1LOSS_SVC_DUAL",
                                    "L1R_L2LOSS_SVC",
                                    "L1R_LR",
                                    "L2R_LR_DUAL",
                                    "MCSVM_CS"),
                            "LIBLINEAR solver"),
                    decimal(COST, 1.0, 1e-9, 1e9, "inverse regularisation strength"),
                    integer(MAX_ITERATIONS, 1000, 1, 1_000_000, "solver iterations"),
                    decimal(EPSILON, 0.01, 1e-12, 1.0, "stopping tolerance"))),
    /** A single classification and regression tree. */
    CART(
            "cart",
            false,
            List.of(
                    integer(MAX_DEPTH, 10, 1, 1000, "deepest level of the tree"),
                    decimal(FEATURE_FRACTION, 1.0, 0.01, 1.0, "share of features considered at each split"))),
    /** A random forest of CART trees with majority voting. */
    RANDOM_FOREST(
            "random-forest",
            false,
            List.of(
                    integer(TREES, 50, 1, 10_000, "number of trees"),
                    integer(MAX_DEPTH, 12, 1, 1000, "deepest level of each tree"),
                    decimal(FEATURE_FRACTION, 0.5, 0.01, 1.0, "share of features considered at each split"))),
    /** Gradient-boosted trees by XGBoost. */
    XGBOOST(
            "xgboost",
            false,
            List.of(
                    integer(TREES, 50, 1, 10_000, "boosting rounds"),
                    decimal(ETA, 0.3, 1e-6, 1.0, "learning rate"),
                    integer(MAX_DEPTH, 6, 1, 100, "deepest level of each tree"),
                    decimal(SUBSAMPLE, 1.0, 0.01, 1.0, "share of rows per tree"),
                    decimal(FEATURE_SUBSAMPLE, 1.0, 0.01, 1.0, "share of features per tree"),
                    decimal(LAMBDA, 1.0, 0, 1e6, "L2 regularisation"),
                    decimal(ALPHA, 0.0, 0, 1e6, "L1 regularisation"),
                    decimal(MIN_CHILD_WEIGHT, 1.0, 0, 1e6, "minimum hessian weight in a child"),
                    decimal(GAMMA, 0.0, 0, 1e6, "minimum loss reduction to split"),
                    integer(THREADS, 1, 1, 256, "threads; 1 keeps training reproducible")));

    /** The hyperparameters of both SGD-trained linear models. */
    private static List<Hyperparameter> sgdParameters() {
        return List.of(
                integer(EPOCHS, 5, 1, 10_000, "passes over the training data"),
                decimal(LEARNING_RATE, 1.0, 1e-9, 1e6, "AdaGrad initial learning rate"),
                integer(MINIBATCH, 1, 1, 1_000_000, "examples per gradient step"));
    }

    private final String id;
    private final boolean linear;
    private final Map<String, Hyperparameter> parameters;

    Algorithm(final String id, final boolean linear, final List<Hyperparameter> parameters) {
        this.id = id;
        this.linear = linear;
        this.parameters = new LinkedHashMap<>();
        parameters.forEach(p -> this.parameters.put(p.name(), p));
    }

    /** @return the name used in specs and on the command line, e.g. {@code logistic} */
    public String id() {
        return id;
    }

    /** @return whether the model is linear, so that numeric features are standardised by default */
    public boolean isLinear() {
        return linear;
    }

    /** @return the accepted hyperparameters, in documentation order */
    public List<Hyperparameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /**
     * Finds an algorithm by its name.
     *
     * @param name the name, e.g. {@code logistic}
     * @return the algorithm
     * @throws MlopsException if there is none of that name
     */
    public static Algorithm of(final String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(a -> a.id.equals(key))
                .findFirst()
                .orElseThrow(() -> new MlopsException("unknown algorithm '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(Algorithm::id).toList()));
    }

    /**
     * Checks the user's hyperparameters and fills in the defaults.
     *
     * @param given the values given, by name
     * @return every hyperparameter of this algorithm with its value, in documentation order
     * @throws MlopsException naming an unknown hyperparameter or a bad value
     */
    public Map<String, Object> resolve(final Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new MlopsException(String.format(
                        "unknown hyperparameter '%s' for algorithm '%s'; expected one of %s",
                        name, id, parameters.keySet()));
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        parameters.forEach((name, p) ->
                resolved.put(name, given.containsKey(name) ? p.convert(id, given.get(name)) : p.defaultValue()));
        if (this == LOGISTIC) {
            LogisticSolver.keepOwnParameters(given, resolved);
        }
        return resolved;
    }
}
