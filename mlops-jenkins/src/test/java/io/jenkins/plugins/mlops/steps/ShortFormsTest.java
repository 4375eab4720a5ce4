package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The short Groovy forms scripts already write keep working, and snippets are written in them again. */
class ShortFormsTest {
    /** Stands in for structs' nested UninstantiatedDescribable: the arguments of a nested describable. */
    private static final Function<Object, Map<String, ?>> NESTED = value -> value instanceof QualityGate gate
            ? Map.of("expression", gate.getExpression())
            : value instanceof HyperParameter p ? Map.of("name", p.getName(), "value", p.getValue()) : null;

    @Test
    void shouldBindGatesWrittenAsTextsToQualityGates() {
        assertThat(StructsBinding.qualityGates(List.of("accuracy >= 0.9", "macroF1 >= baseline - 0.005")))
                .containsExactly(new QualityGate("accuracy >= 0.9"), new QualityGate("macroF1 >= baseline - 0.005"));
        assertThat(StructsBinding.qualityGates("accuracy >= 0.9")).containsExactly(new QualityGate("accuracy >= 0.9"));
        assertThat(StructsBinding.qualityGates(List.of())).isEmpty();
    }

    @Test
    void shouldKeepGatesGivenInTheLongForm() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("gates", List.of(Map.of("expression", "accuracy >= 0.9")));
        assertThat(ShortForms.gatesIn(arguments)).isEqualTo(arguments);
        assertThat(ShortForms.gatesIn(Map.of("model", "m"))).isEqualTo(Map.of("model", "m"));
    }

    @Test
    void shouldWriteGatesAsTextsInSnippets() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("model", "model");
        step.put("gates", List.of(new QualityGate("accuracy >= 0.9"), new QualityGate("macroF1 >= 0.85")));

        assertThat(ShortForms.gatesOut(step, NESTED))
                .containsEntry("model", "model")
                .containsEntry("gates", List.of("accuracy >= 0.9", "macroF1 >= 0.85"));
    }

    @Test
    void shouldBindTheParamsMapToHyperParametersAsText() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("epochs", 10);
        params.put("learningRate", new BigDecimal("0.10"));
        params.put("solver", "L2R_LR");
        params.put("shuffle", true);

        assertThat(StructsBinding.hyperParameters(params))
                .containsExactly(
                        new HyperParameter("epochs", "10"),
                        new HyperParameter("learningRate", "0.10"),
                        new HyperParameter("solver", "L2R_LR"),
                        new HyperParameter("shuffle", "true"));
    }

    @Test
    void shouldWriteHyperParametersAsAMapOfLiteralsThatReadBackAsTheSameText() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put(
                "params",
                List.of(
                        new HyperParameter("epochs", "10"),
                        new HyperParameter("learningRate", "0.1"),
                        new HyperParameter("eta", "0.10"),
                        new HyperParameter("epsilon", "1e-3"),
                        new HyperParameter("shuffle", "true"),
                        new HyperParameter("solver", "L2R_LR"),
                        new HyperParameter("seed", "007")));

        Object params = ShortForms.paramsOut(step, NESTED).get("params");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("epochs", 10);
        expected.put("learningRate", 0.1);
        expected.put("eta", "0.10");
        expected.put("epsilon", "1e-3");
        expected.put("shuffle", true);
        expected.put("solver", "L2R_LR");
        expected.put("seed", "007");
        assertThat(params).isEqualTo(expected);
        assertThat(new ArrayList<Object>(((Map<?, ?>) params).keySet()))
                .containsExactly(expected.keySet().toArray());
    }

    @Test
    void shouldKeepTheListFormWhenAMapCannotHoldTheHyperParameters() {
        Map<String, Object> step = new LinkedHashMap<>();
        List<HyperParameter> twice = List.of(new HyperParameter("epochs", "1"), new HyperParameter("epochs", "2"));
        step.put("params", twice);
        assertThat(ShortForms.paramsOut(step, NESTED).get("params")).isEqualTo(twice);
    }

    @Test
    void shouldRoundTripHyperParametersThroughTheSnippetForm() {
        List<HyperParameter> form = List.of(
                new HyperParameter("trees", "50"),
                new HyperParameter("eta", "0.3"),
                new HyperParameter("lambda", "1.0"),
                new HyperParameter("solver", "L2R_LR"));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("params", form);

        @SuppressWarnings("unchecked")
        Map<String, Object> snippet =
                (Map<String, Object>) ShortForms.paramsOut(step, NESTED).get("params");
        // Groovy reads the decimal literals of a snippet as BigDecimal
        Map<String, Object> groovy = new LinkedHashMap<>();
        snippet.forEach((k, v) -> groovy.put(k, v instanceof Double d ? new BigDecimal(d.toString()) : v));

        assertThat(StructsBinding.hyperParameters(groovy)).isEqualTo(form);
    }

    @Test
    void shouldCheckTheLoadMapBeforeBinding() {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("rps", 500);
        load.put("p99Ms", 10);
        load.put("maxErrorRate", new BigDecimal("0.001"));
        LoadTest expected = new LoadTest(500);
        expected.setP99Ms(10);
        expected.setMaxErrorRate(0.001);

        assertThat(StructsBinding.loadTest(load)).isEqualTo(expected);
        assertThat(StructsBinding.loadTest(Map.of())).isNull();
        assertThatThrownBy(() -> StructsBinding.loadTest(Map.of("rps", 10, "p99ms", 5)))
                .hasMessage("[mlDeploy] 'load' keys are rps, seconds, p99Ms, maxErrorRate, got 'p99ms'");
        assertThatThrownBy(() -> StructsBinding.loadTest(Map.of("rps", new BigDecimal("2.5"))))
                .hasMessageContaining("[mlDeploy] 'load.rps' must be a whole number");
    }

    @Test
    void shouldWriteLiteralsOnlyWhenTheyReadBackAsTheSameText() {
        assertThat(ShortForms.literal("10")).isEqualTo(10);
        assertThat(ShortForms.literal("-3")).isEqualTo(-3);
        assertThat(ShortForms.literal("10000000000")).isEqualTo(10_000_000_000L);
        assertThat(ShortForms.literal("0.5")).isEqualTo(0.5);
        assertThat(ShortForms.literal("0.0001")).isEqualTo("0.0001"); // Double.toString gives 1.0E-4
        assertThat(ShortForms.literal("1.50")).isEqualTo("1.50");
        assertThat(ShortForms.literal("false")).isEqualTo(false);
        assertThat(ShortForms.literal("True")).isEqualTo("True");
        assertThat(ShortForms.literal("")).isEqualTo("");
    }
}
