package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds the short forms scripts write the way Pipeline does, as far as that is reachable without Jenkins:
 * the step descriptor's {@code customInstantiate}, then each nested map through the describable's
 * {@code @DataBoundConstructor} (parameters by name, as compiled with {@code -parameters}) and
 * {@code @DataBoundSetter}s, as structs' {@code DescribableModel} reads them. It coerces nothing: every value
 * must already have its parameter's (boxed) type, so a passing test means structs needs no conversion that
 * it might not do. Unknown keys fail, as with structs' strict parameter checking.
 */
final class StructsBinding {
    private StructsBinding() {}

    static List<QualityGate> qualityGates(Object gates) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("gates", gates);
        return list(
                new EvaluateStep.DescriptorImpl().customInstantiate(arguments).get("gates"), QualityGate.class);
    }

    static List<HyperParameter> hyperParameters(Map<String, Object> params) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("params", params);
        return list(new TrainStep.DescriptorImpl().customInstantiate(arguments).get("params"), HyperParameter.class);
    }

    static LoadTest loadTest(Map<String, Object> load) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("load", load);
        Object bound =
                new DeployStep.DescriptorImpl().customInstantiate(arguments).get("load");
        return bound == null ? null : instantiate(LoadTest.class, asMap(bound));
    }

    static <T> List<T> list(Object value, Class<T> type) {
        assertThat(value).isInstanceOf(List.class);
        List<T> bound = new ArrayList<>();
        for (Object element : (List<?>) value) {
            bound.add(instantiate(type, asMap(element)));
        }
        return bound;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object value) {
        assertThat(value).as("a nested describable is a map of its arguments").isInstanceOf(Map.class);
        return (Map<String, ?>) value;
    }

    static <T> T instantiate(Class<T> type, Map<String, ?> arguments) {
        try {
            Constructor<?> constructor = dataBoundConstructor(type);
            Map<String, Object> rest = new LinkedHashMap<>(arguments);
            Parameter[] parameters = constructor.getParameters();
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                assertThat(parameters[i].isNamePresent())
                        .as("parameter names compiled in")
                        .isTrue();
                values[i] = typed(
                        type,
                        parameters[i].getName(),
                        parameters[i].getParameterizedType(),
                        rest.remove(parameters[i].getName()));
            }
            T instance = type.cast(constructor.newInstance(values));
            for (Map.Entry<String, Object> entry : rest.entrySet()) {
                Method setter = dataBoundSetter(type, entry.getKey());
                setter.invoke(
                        instance, typed(type, entry.getKey(), setter.getGenericParameterTypes()[0], entry.getValue()));
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new AssertionError(type + " has no public @DataBoundConstructor");
    }

    static Method dataBoundSetter(Class<?> type, String property) {
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)
                    && method.getName().startsWith("set")
                    && method.getParameterCount() == 1
                    && Introspector.decapitalize(method.getName().substring(3)).equals(property)) {
                return method;
            }
        }
        throw new AssertionError("unknown parameter '" + property + "' of " + type.getName());
    }

    /**
     * The value for a parameter: nested maps become the describable the parameter declares (a list of them for
     * {@code List<X>}), as structs does for concrete classes; anything else must have the parameter's type.
     */
    private static Object typed(Class<?> owner, String name, java.lang.reflect.Type declared, Object value) {
        if (declared instanceof java.lang.reflect.ParameterizedType list
                && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] instanceof Class<?> element
                && value instanceof List<?> values) {
            List<Object> bound = new ArrayList<>();
            for (Object v : values) {
                bound.add(v instanceof Map<?, ?> ? instantiate(element, asMap(v)) : v);
            }
            return bound;
        }
        Class<?> type = declared instanceof Class<?> c
                ? c
                : (Class<?>) ((java.lang.reflect.ParameterizedType) declared).getRawType();
        if (value instanceof Map<?, ?> && !Map.class.isAssignableFrom(type)) {
            return instantiate(type, asMap(value));
        }
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (value == null) {
            assertThat(type.isPrimitive())
                    .as(owner.getSimpleName() + "." + name + " is given")
                    .isFalse();
            return null;
        }
        assertThat(value)
                .as(owner.getSimpleName() + "." + name + " needs no coercion")
                .isInstanceOf(boxed);
        return value;
    }

    private static Class<?> box(Class<?> primitive) {
        return primitive == int.class
                ? Integer.class
                : primitive == double.class ? Double.class : primitive == boolean.class ? Boolean.class : Long.class;
    }
}
