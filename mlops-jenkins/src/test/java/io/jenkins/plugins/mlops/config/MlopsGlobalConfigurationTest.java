package io.jenkins.plugins.mlops.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The global configuration cannot be instantiated without Jenkins (it loads its saved state), so its
 * shape is checked: what Configuration as Code and the form binding rely on.
 */
class MlopsGlobalConfigurationTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void shouldBeAnExtensionWithTheSymbolMlops() {
        assertThat(MlopsGlobalConfiguration.class.getAnnotation(Extension.class).dynamicLoadable())
                .isEqualTo(YesNoMaybe.YES);
        assertThat(MlopsGlobalConfiguration.class.getAnnotation(Symbol.class).value())
                .containsExactly("mlops");
    }

    @Test
    void shouldHaveAGetterAndDataBoundSetterForEveryFieldOfTheForm() throws Exception {
        Set<String> setters = new TreeSet<>();
        for (Method method : MlopsGlobalConfiguration.class.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String property = method.getName().substring(3);
                setters.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
                assertThat(MlopsGlobalConfiguration.class
                                .getMethod("get" + property)
                                .getReturnType())
                        .isEqualTo(method.getParameterTypes()[0]);
            }
        }
        String jelly = Files.readString(
                CLASSES.resolve("io/jenkins/plugins/mlops/config/MlopsGlobalConfiguration/config.jelly"),
                StandardCharsets.UTF_8);
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("field=\"([A-Za-z]+)\"").matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertThat(setters).containsExactly("defaultCredentialsId", "defaultModelName", "registry");
        assertThat(fields).isEqualTo(setters);
        for (String field : fields) {
            assertThat(CLASSES.resolve(
                            "io/jenkins/plugins/mlops/config/MlopsGlobalConfiguration/help-" + field + ".html"))
                    .exists();
        }
    }

    @Test
    void shouldValidateTheWholeFormInConfigureAndNameTheBadField() throws Exception {
        Method configure = MlopsGlobalConfiguration.class.getDeclaredMethod(
                "configure", org.kohsuke.stapler.StaplerRequest2.class, net.sf.json.JSONObject.class);
        assertThat(configure.getExceptionTypes()).containsExactly(hudson.model.Descriptor.FormException.class);

        assertThat(MlopsGlobalConfiguration.check("receipts")).isEmpty();
        assertThat(MlopsGlobalConfiguration.check(null)).isEmpty();
        assertThat(MlopsGlobalConfiguration.check("no spaces please")).hasValueSatisfying(problem -> {
            assertThat(problem.field()).isEqualTo("defaultModelName");
            assertThat(problem.message()).contains("defaultModelName").contains("'no spaces please'");
        });
    }

    @Test
    void shouldListEverySymbolInTheAnnotationIndex() throws Exception {
        List<String> annotated = new ArrayList<>();
        try (var files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file)
                        .toString()
                        .replace('/', '.')
                        .replace('\\', '.')
                        .replaceAll("\\.class$", "");
                if (Class.forName(name, false, getClass().getClassLoader()).isAnnotationPresent(Symbol.class)) {
                    annotated.add(name);
                }
            }
        }
        List<String> index = Files.readAllLines(
                        CLASSES.resolve("META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8)
                .stream()
                .filter(l -> !l.isBlank())
                .toList();

        assertThat(annotated).isNotEmpty();
        assertThat(index)
                .as("hand-written index (annotation-indexer is not on Central)")
                .containsExactlyInAnyOrderElementsOf(annotated)
                .isSorted();
    }
}
