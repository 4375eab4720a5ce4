package io.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgorithmTest {
    @Test
    void shouldFindAlgorithmsByName() {
        assertThat(Algorithm.of("logistic")).isEqualTo(Algorithm.LOGISTIC);
        assertThat(Algorithm.of("Random_Forest")).isEqualTo(Algorithm.RANDOM_FOREST);
    }

    @Test
    void shouldRejectUnknownAlgorithm() {
        assertThatThrownBy(() -> Algorithm.of("deep-net"))
                .isInstanceOf(MlopsException.class)
                .hasMessage(
                        "unknown algorithm 'deep-net'; expected one of [logistic, linear-svm, liblinear, cart, random-forest, xgboost]");
    }

    @Test
    void shouldRejectUnknownHyperparameter() {
        assertThatThrownBy(() -> Algorithm.LOGISTIC.resolve(Map.of("epoch", 3)))
                .hasMessage(
                        "unknown hyperparameter 'epoch' for algorithm 'logistic'; expected one of [solver, cost, maxIterations, tolerance, epochs, learningRate, minibatch]");
    }

    @Test
    void shouldRejectBadHyperparameterValues() {
        assertThatThrownBy(() -> Algorithm.LOGISTIC.resolve(Map.of("epochs", "ten")))
                .hasMessage(
                        "hyperparameter 'epochs' of algorithm 'logistic' must be an integer from 1 to 10000, got \"ten\"");
        assertThatThrownBy(() -> Algorithm.LOGISTIC.resolve(Map.of("epochs", 2.5)))
                .hasMessage(
                        "hyperparameter 'epochs' of algorithm 'logistic' must be an integer from 1 to 10000, got \"2.5\"");
        assertThatThrownBy(() -> Algorithm.XGBOOST.resolve(Map.of("eta", "2")))
                .hasMessage("hyperparameter 'eta' of algorithm 'xgboost' must be a number from 1.0E-6 to 1, got \"2\"");
        assertThatThrownBy(() -> Algorithm.LIBLINEAR.resolve(Map.of("solver", "fast")))
                .hasMessageStartingWith("hyperparameter 'solver' of algorithm 'liblinear' must be one of [L2R_LR,");
    }

    @Test
    void shouldFillDefaultsAndConvertStrings() {
        Map<String, Object> resolved = Algorithm.LOGISTIC.resolve(Map.of("epochs", "10", "learningRate", "0.5"));

        assertThat(resolved)
                .containsExactly(
                        Map.entry("solver", "SGD"),
                        Map.entry("epochs", 10),
                        Map.entry("learningRate", 0.5),
                        Map.entry("minibatch", 1));
    }

    @Test
    void shouldTrainLogisticByLbfgsUnlessSgdSettingsAreGiven() {
        assertThat(Algorithm.LOGISTIC.resolve(Map.of()))
                .containsExactly(
                        Map.entry("solver", "LBFGS"),
                        Map.entry("cost", 1.0),
                        Map.entry("maxIterations", 100),
                        Map.entry("tolerance", 1e-4));
        assertThat(Trainers.of(Algorithm.LOGISTIC, Algorithm.LOGISTIC.resolve(Map.of()), 1, 1))
                .isInstanceOf(LbfgsLogisticTrainer.class);
        assertThat(Algorithm.LOGISTIC.resolve(Map.of("solver", "sgd"))).containsKeys("epochs", "minibatch");
    }

    @Test
    void shouldRejectASettingOfTheOtherSolver() {
        assertThatThrownBy(() -> Algorithm.LOGISTIC.resolve(Map.of("solver", "lbfgs", "epochs", 3)))
                .hasMessage("hyperparameter 'epochs' of algorithm 'logistic' applies to solver 'SGD', not to solver"
                        + " 'LBFGS'");
        assertThatThrownBy(() -> Algorithm.LOGISTIC.resolve(Map.of("epochs", 3, "cost", 2)))
                .hasMessage("hyperparameter 'cost' of algorithm 'logistic' applies to solver 'LBFGS', not to solver"
                        + " 'SGD'");
    }
}
