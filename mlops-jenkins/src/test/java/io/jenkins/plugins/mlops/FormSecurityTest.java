package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.steps.DeployStep;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Form endpoints that reveal anything (credential ids) or depend on the job are POST only (so a crumb
 * protects them) and check permissions; the pure syntax checks are GET, as Jenkins' own checks are.
 */
class FormSecurityTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static List<Method> formMethods() throws Exception {
        List<Method> methods = new ArrayList<>();
        try (var files = Files.walk(CLASSES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name =
                        CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method m : Class.forName(name, false, FormSecurityTest.class.getClassLoader())
                        .getDeclaredMethods()) {
                    if (m.getName().startsWith("doFill") || m.getName().startsWith("doCheck")) {
                        methods.add(m);
                    }
                }
            }
        }
        return methods;
    }

    @Test
    void shouldServeEveryListAndEveryJobDependentCheckOnlyByPost() throws Exception {
        List<Method> methods = formMethods();
        assertThat(methods)
                .extracting(Method::getName)
                .contains("doFillCredentialsIdItems", "doFillDefaultCredentialsIdItems");
        for (Method m : methods) {
            boolean inJob = false;
            for (Parameter p : m.getParameters()) {
                inJob |= p.isAnnotationPresent(AncestorInPath.class);
            }
            if (m.getName().startsWith("doFill") || inJob) {
                assertThat(m.isAnnotationPresent(POST.class)).as(m.toString()).isTrue();
            }
        }
    }

    @Test
    void shouldOfferSecretTextCredentialsInTheContextOfTheJob() throws Exception {
        Method fill = DeployStep.DescriptorImpl.class.getMethod("doFillCredentialsIdItems", Item.class, String.class);
        assertThat(fill.getParameters()[0].isAnnotationPresent(AncestorInPath.class))
                .isTrue();
        assertThat(fill.getParameters()[1].getAnnotation(QueryParameter.class).value())
                .isEqualTo("credentialsId");
        Method global = MlopsGlobalConfiguration.class.getMethod("doFillDefaultCredentialsIdItems", String.class);
        assertThat(global.getParameters()[0].getAnnotation(QueryParameter.class).value())
                .isEqualTo("defaultCredentialsId");
        for (String view : List.of(
                "io/jenkins/plugins/mlops/steps/DeployStep/config.jelly",
                "io/jenkins/plugins/mlops/config/MlopsGlobalConfiguration/config.jelly")) {
            String jelly = Files.readString(CLASSES.resolve(view), StandardCharsets.UTF_8);
            assertThat(jelly).containsPattern("field=\"(default)?[cC]redentialsId\"[^>]*>\\s*<f:select/>");
        }
    }
}
