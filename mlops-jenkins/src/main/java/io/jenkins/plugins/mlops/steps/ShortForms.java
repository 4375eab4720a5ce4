package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.execution.DeployRunner;
import io.jenkins.plugins.mlops.execution.LoadSpec;
import io.jenkins.plugins.mlops.execution.TrainRunner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The short Groovy forms of the structured step arguments, translated to and from the describables that
 * the forms bind. Pipeline (structs' {@code DescribableModel}) calls the step descriptors, which delegate
 * here:
 * <ul>
 *   <li>{@code gates: ['accuracy >= 0.9']} is a list of {@link QualityGate} ({@code [expression: ...]});</li>
 *   <li>{@code params: [epochs: 10]} is a list of {@link HyperParameter} ({@code [name: ..., value: ...]});</li>
 *   <li>{@code load: [rps: 500, ...]} is a {@link LoadTest}, checked here for unknown keys and ranges.</li>
 * </ul>
 * The generated snippet uses the short forms again, so form, step, snippet and step agree.
 */
final class ShortForms {
    static final String GATES = "gates";
    static final String PARAMS = "params";
    static final String LOAD = "load";

    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");

    private ShortForms() {}

    /**
     * Turns every gate given as text into the arguments of a {@link QualityGate}; a single text is one gate.
     *
     * @param arguments the step's arguments as Pipeline passes them
     * @return the arguments structs can bind
     */
    static Map<String, Object> gatesIn(Map<String, Object> arguments) {
        Object gates = arguments.get(GATES);
        List<?> list = gates instanceof CharSequence ? List.of(gates) : gates instanceof List<?> l ? l : null;
        if (list == null) {
            return arguments; // absent, or of a type structs reports itself
        }
        List<Object> bound = new ArrayList<>();
        for (Object gate : list) {
            bound.add(gate instanceof CharSequence text ? Map.of("expression", text.toString()) : gate);
        }
        return with(arguments, GATES, bound);
    }

    /**
     * Writes the gates as texts again.
     *
     * @param arguments the step's arguments as structs uninstantiated them
     * @param nested    the arguments of a nested describable, or {@code null} if it is none
     * @return the arguments for the snippet
     */
    static Map<String, Object> gatesOut(Map<String, ?> arguments, Function<Object, Map<String, ?>> nested) {
        if (!(arguments.get(GATES) instanceof List<?> list)) {
            return new LinkedHashMap<>(arguments);
        }
        List<Object> texts = new ArrayList<>();
        for (Object gate : list) {
            Map<String, ?> gateArguments = nested.apply(gate);
            texts.add(gateArguments != null && gateArguments.get("expression") instanceof String text ? text : gate);
        }
        return with(arguments, GATES, texts);
    }

    /**
     * Turns the hyperparameter map into the arguments of {@link HyperParameter}s, the values as text.
     *
     * @param arguments the step's arguments as Pipeline passes them
     * @return the arguments structs can bind
     * @throws IllegalArgumentException if a value is not a string, number or boolean
     */
    static Map<String, Object> paramsIn(Map<String, Object> arguments) {
        if (!(arguments.get(PARAMS) instanceof Map<?, ?> map)) {
            return arguments;
        }
        List<Object> bound = new ArrayList<>();
        for (Map.Entry<?, ?> param : map.entrySet()) {
            String name = param.getKey() == null ? null : param.getKey().toString();
            Object value = param.getValue();
            if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                throw Arguments.invalid(
                        TrainRunner.FUNCTION,
                        "'params." + name + "' must be a string, number or boolean, got "
                                + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", name);
            parameter.put("value", Arguments.text(value));
            bound.add(parameter);
        }
        return with(arguments, PARAMS, bound);
    }

    /**
     * Writes the hyperparameters as a map again, numbers and booleans as literals where that reads back as
     * the same text. Hyperparameters that a map cannot hold (a blank or repeated name) stay a list.
     *
     * @param arguments the step's arguments as structs uninstantiated them
     * @param nested    the arguments of a nested describable, or {@code null} if it is none
     * @return the arguments for the snippet
     */
    static Map<String, Object> paramsOut(Map<String, ?> arguments, Function<Object, Map<String, ?>> nested) {
        if (!(arguments.get(PARAMS) instanceof List<?> list)) {
            return new LinkedHashMap<>(arguments);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object param : list) {
            Map<String, ?> parameter = nested.apply(param);
            if (parameter == null
                    || !(parameter.get("name") instanceof String name)
                    || !(parameter.get("value") instanceof String value)
                    || map.containsKey(name)) {
                return new LinkedHashMap<>(arguments);
            }
            map.put(name, literal(value));
        }
        return with(arguments, PARAMS, map);
    }

    /**
     * Checks the load map (known keys, ranges, whole numbers) and passes it on with exact types; an empty map
     * means no load test.
     *
     * @param arguments the step's arguments as Pipeline passes them
     * @return the arguments structs can bind
     * @throws IllegalArgumentException naming the key and what was expected
     */
    static Map<String, Object> loadIn(Map<String, Object> arguments) {
        if (!(arguments.get(LOAD) instanceof Map<?, ?> map)) {
            return arguments;
        }
        Map<String, Object> load = new LinkedHashMap<>();
        map.forEach((key, value) -> load.put(String.valueOf(key), value));
        LoadSpec spec;
        try {
            spec = ArgumentChecks.load(load);
        } catch (IllegalArgumentException e) {
            throw Arguments.invalid(DeployRunner.FUNCTION, e.getMessage());
        }
        if (spec == null) {
            Map<String, Object> without = new LinkedHashMap<>(arguments);
            without.remove(LOAD);
            return without;
        }
        Map<String, Object> exact = new LinkedHashMap<>();
        exact.put("rps", spec.rps());
        exact.put("seconds", spec.seconds());
        exact.put("p99Ms", spec.p99Ms());
        exact.put("maxErrorRate", spec.maxErrorRate());
        return with(arguments, LOAD, exact);
    }

    /** A text as the Groovy literal that reads back as the same text: a boolean, a number, or the text. */
    static Object literal(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (WHOLE.matcher(text).matches()) {
            long number = Long.parseLong(text);
            return number == (int) number ? (Object) (int) number : (Object) number;
        }
        if (DECIMAL.matcher(text).matches()) {
            double number = Double.parseDouble(text);
            // Snippets print Double.toString; Groovy reads that back as a BigDecimal with the same plain text
            if (Double.toString(number).equals(text)
                    && new BigDecimal(text).toPlainString().equals(text)) {
                return number;
            }
        }
        return text;
    }

    private static Map<String, Object> with(Map<String, ?> arguments, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(key, value);
        return copy;
    }
}
