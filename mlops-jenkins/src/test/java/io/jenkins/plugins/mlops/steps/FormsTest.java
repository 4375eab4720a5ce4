package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every step has a form that round-trips: form, step, generated snippet, step. Jenkins binds the form with
 * Stapler and writes the snippet with structs; both read the {@code @DataBoundConstructor} and
 * {@code @DataBoundSetter} signatures and the getters checked here.
 */
class FormsTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static final List<Class<?>> DESCRIBABLES = List.of(
            TrainStep.class,
            EvaluateStep.class,
            RegisterStep.class,
            PromoteStep.class,
            DeployStep.class,
            QualityGate.class,
            HyperParameter.class,
            LoadTest.class);

    /** The properties as structs enumerates them: constructor parameters, then setters. */
    static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        for (java.lang.reflect.Parameter p :
                StructsBinding.dataBoundConstructor(type).getParameters()) {
            properties.put(p.getName(), p.getParameterizedType());
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                properties.put(Introspector.decapitalize(m.getName().substring(3)), m.getGenericParameterTypes()[0]);
            }
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                TrainStep.class,
                EvaluateStep.class,
                RegisterStep.class,
                PromoteStep.class,
                DeployStep.class,
                QualityGate.class,
                HyperParameter.class,
                LoadTest.class,
                RetrainWhenStep.class
            })
    void shouldOnlyHavePropertiesThatFormsAndStructsCanModel(Class<?> type) throws Exception {
        for (Map.Entry<String, Type> property : properties(type).entrySet()) {
            assertThat(modelable(property.getValue()))
                    .as(type.getSimpleName() + "." + property.getKey() + " of type " + property.getValue())
                    .isTrue();
            assertThat(getter(type, property.getKey()).getGenericReturnType())
                    .as("getter of " + type.getSimpleName() + "." + property.getKey())
                    .isEqualTo(property.getValue());
        }
    }

    /** The getter structs reads a property with: {@code getX}, else {@code isX}. */
    private static Method getter(Class<?> type, String property) throws NoSuchMethodException {
        String name = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        try {
            return type.getMethod("get" + name);
        } catch (NoSuchMethodException e) {
            return type.getMethod("is" + name);
        }
    }

    /** The help file of a field, in the class's folder or an ancestor's, as Jenkins' descriptor looks it up. */
    private static java.util.Optional<Path> helpFile(Class<?> type, String field) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Path file = CLASSES.resolve(c.getName().replace('.', '/')).resolve("help-" + field + ".html");
            if (Files.exists(file)) {
                return java.util.Optional.of(file);
            }
        }
        return java.util.Optional.empty();
    }

    /** Text, numbers, booleans, or a concrete data-bound class of this plugin, or a list of those. */
    private static boolean modelable(Type type) {
        if (type instanceof ParameterizedType p) {
            return p.getRawType() == List.class && modelable(p.getActualTypeArguments()[0]);
        }
        Class<?> c = (Class<?>) type;
        return c == String.class
                || c.isPrimitive()
                || c == Integer.class
                || c == Double.class
                || c == Boolean.class
                || (DESCRIBABLES.contains(c) && !Modifier.isAbstract(c.getModifiers()));
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                TrainStep.class,
                EvaluateStep.class,
                RegisterStep.class,
                PromoteStep.class,
                DeployStep.class,
                QualityGate.class,
                HyperParameter.class,
                LoadTest.class
            })
    void shouldHaveAFormFieldAndHelpForEveryProperty(Class<?> type) throws Exception {
        Path folder = CLASSES.resolve(type.getName().replace('.', '/'));
        String jelly = Files.readString(folder.resolve("config.jelly"), StandardCharsets.UTF_8);
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("field=\"([A-Za-z0-9]+)\"").matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertThat(fields).isEqualTo(new TreeSet<>(properties(type).keySet()));
        for (String field : fields) {
            assertThat(helpFile(type, field))
                    .as("help-" + field + ".html of " + type.getSimpleName())
                    .isPresent();
        }
        assertThat(jelly).doesNotContain("<f:textarea"); // a textarea binds as one text, not a list or map
    }

    @ParameterizedTest
    @ValueSource(classes = {TrainStep.class, EvaluateStep.class, DeployStep.class})
    void shouldRoundTripFormStepSnippetStep(Class<? extends Step> type) throws Exception {
        Step fromForm = filledIn(type);

        Map<String, Object> snippet = snippetArguments(fromForm);
        Step fromSnippet = bind(type, groovy(snippet));

        for (String property : properties(type).keySet()) {
            Method getter = getter(type, property);
            assertThat(getter.invoke(fromSnippet))
                    .as(type.getSimpleName() + "." + property + " after " + snippet)
                    .isEqualTo(getter.invoke(fromForm));
        }
    }

    /** A step with every field of its form filled in, as Stapler binds the form. */
    private static Step filledIn(Class<?> type) {
        if (type == TrainStep.class) {
            TrainStep step = new TrainStep();
            step.setData("data/receipts.csv");
            step.setLabel("category");
            step.setAlgorithm("xgboost");
            step.setParams(List.of(new HyperParameter("trees", "80"), new HyperParameter("eta", "0.25")));
            step.setSeed(7);
            step.setTestFraction(0.25);
            step.setOutput("model");
            step.setMetadata("out/train.json");
            step.setSpec("ml/train.yaml");
            step.setTestData(null);
            step.setDelimiter(";");
            step.setDecimalComma(true);
            step.setEncoding("windows-1252");
            return step;
        }
        if (type == EvaluateStep.class) {
            EvaluateStep step = new EvaluateStep("model");
            step.setData("data/test.csv");
            step.setGates(List.of(new QualityGate("accuracy >= 0.9"), new QualityGate("macroF1 >= baseline - 0.005")));
            step.setBaseline("champion");
            step.setName("receipts");
            step.setOnGateFailure("UNSTABLE");
            step.setRegistry("/srv/registry");
            step.setMetadata("out/eval.json");
            step.setDelimiter("tab");
            step.setEncoding("ISO-8859-1");
            return step;
        }
        DeployStep step = new DeployStep("receipts@champion");
        step.setTarget("http://127.0.0.1:8080");
        step.setSmoke("ml/golden.jsonl");
        LoadTest load = new LoadTest(500);
        load.setSeconds(20);
        load.setP99Ms(12.5);
        load.setMaxErrorRate(0.01);
        step.setLoad(load);
        step.setCredentialsId("serving-admin");
        step.setName("receipts");
        step.setVersionLabel("v3");
        step.setRegistry("/srv/registry");
        step.setMetadata("out/deploy.json");
        return step;
    }

    /** The arguments of the snippet: properties read by getters, as structs does, in the steps' short forms. */
    private static Map<String, Object> snippetArguments(Object step) throws Exception {
        Map<String, Object> arguments = uninstantiate(step);
        Function<Object, Map<String, ?>> nested = v -> v instanceof Map<?, ?> m ? castMap(m) : null;
        return ShortForms.paramsOut(ShortForms.gatesOut(arguments, nested), nested);
    }

    private static Map<String, Object> uninstantiate(Object o) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (String property : properties(o.getClass()).keySet()) {
            Object value = getter(o.getClass(), property).invoke(o);
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object element : list) {
                    out.add(DESCRIBABLES.contains(element.getClass()) ? uninstantiate(element) : element);
                }
                value = out;
            } else if (value != null && DESCRIBABLES.contains(value.getClass())) {
                value = uninstantiate(value);
            }
            if (value != null) {
                arguments.put(property, value);
            }
        }
        return arguments;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    /**
     * Groovy reads the decimal literals of a snippet as BigDecimal; inside the maps ({@code params},
     * {@code load}) the descriptors convert them, top-level values structs converts itself.
     */
    private static Map<String, Object> groovy(Map<String, Object> snippet) {
        Map<String, Object> read = new LinkedHashMap<>();
        snippet.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> literals = new LinkedHashMap<>();
                castMap(m)
                        .forEach((key, x) ->
                                literals.put(key, x instanceof Double d ? new BigDecimal(d.toString()) : x));
                v = literals;
            }
            read.put(k, v);
        });
        return read;
    }

    private static Step bind(Class<? extends Step> type, Map<String, Object> arguments) {
        Map<String, Object> bound = type == TrainStep.class
                ? new TrainStep.DescriptorImpl().customInstantiate(arguments)
                : type == EvaluateStep.class
                        ? new EvaluateStep.DescriptorImpl().customInstantiate(arguments)
                        : new DeployStep.DescriptorImpl().customInstantiate(arguments);
        return StructsBinding.instantiate(type, bound);
    }
}
