package io.mlops.contract.algorithm;

import io.mlops.contract.MlopsException;
import java.util.List;
import java.util.Map;

/** The two ways {@code logistic} trains, and which hyperparameters belong to each. */
public enum LogisticSolver {
    /** L-BFGS until the gradient is below the tolerance (the engine's {@code LbfgsLogisticTrainer}). */
    LBFGS("LBFGS", List.of(Hyperparameter.COST, Hyperparameter.MAX_ITERATIONS, Hyperparameter.TOLERANCE)),
    /** A fixed number of SGD epochs with AdaGrad: Tribuo's {@code LinearSGDTrainer}. */
    SGD("SGD", List.of(Hyperparameter.EPOCHS, Hyperparameter.LEARNING_RATE, Hyperparameter.MINIBATCH));

    private final String id;
    private final List<String> parameters;

    LogisticSolver(final String id, final List<String> parameters) {
        this.id = id;
        this.parameters = parameters;
    }

    /** @return the value of the {@code solver} hyperparameter */
    public String id() {
        return id;
    }

    /**
     * Returns the solver of resolved hyperparameters.
     *
     * @param resolved the resolved hyperparameters of {@code logistic}
     * @return the solver
     */
    public static LogisticSolver of(final Map<String, Object> resolved) {
        return SGD.id.equals(resolved.get(Hyperparameter.SOLVER)) ? SGD : LBFGS;
    }

    /**
     * Decides the solver (SGD when only SGD settings are given) and keeps only its hyperparameters, so the
     * run metadata records what was used.
     *
     * @param given    the hyperparameters as given
     * @param resolved every hyperparameter with its value or default; changed in place
     * @throws MlopsException if a hyperparameter of the other solver is given
     */
    static void keepOwnParameters(final Map<String, ?> given, final Map<String, Object> resolved) {
        LogisticSolver solver;
        if (given.containsKey(Hyperparameter.SOLVER)) {
            solver = of(resolved);
        } else {
            solver = SGD.parameters.stream().anyMatch(given::containsKey) ? SGD : LBFGS;
            resolved.put(Hyperparameter.SOLVER, solver.id);
        }
        LogisticSolver other = solver == SGD ? LBFGS : SGD;
        for (String name : other.parameters) {
            if (given.containsKey(name)) {
                throw new MlopsException(String.format(
                        "hyperparameter '%s' of algorithm 'logistic' applies to solver '%s', not to solver '%s'",
                        name, other.id, solver.id));
            }
            resolved.remove(name);
        }
    }
}
