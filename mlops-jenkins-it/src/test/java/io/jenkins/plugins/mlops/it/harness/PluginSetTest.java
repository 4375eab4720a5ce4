package io.jenkins.plugins.mlops.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that run before Jenkins starts: where the distribution is, and whether every plugin dependency is there. */
class PluginSetTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameTheMissingDependencyAndTheVariableForExtraPlugins() throws IOException {
        Path mlops =
                plugin("mlops", "1.0", "workflow-step-api:710.v3e456cc85233,echarts-api:6.0.0-1146.v5c8f3b_8f0573");
        Path stepApi = plugin("workflow-step-api", "710.v3e456cc85233", null);

        List<String> problems = new PluginSet(List.of(stepApi, mlops)).missingDependencies("mlops");

        assertThat(problems)
                .containsExactly(
                        "mlops needs echarts-api:6.0.0-1146.v5c8f3b_8f0573, which is neither in the distribution"
                                + " nor in MLOPS_JENKINS_EXTRA_PLUGINS");
    }

    @Test
    void shouldNameADependencyThatIsTooOldAndIgnoreOptionalOnes() throws IOException {
        Path mlops = plugin(
                "mlops", "1.0", "structs:362.va_b_695ef4fdf9,credentials:1453.v9b_a_29777a_b_fd;resolution:=optional");
        Path structs = plugin("structs", "338.v848422169819", null);

        List<String> problems = new PluginSet(List.of(structs, mlops)).missingDependencies("mlops");

        assertThat(problems)
                .singleElement()
                .asString()
                .contains("mlops needs structs 362.va_b_695ef4fdf9 or newer")
                .contains("338.v848422169819");
    }

    @Test
    void shouldFollowDependenciesOfDependencies() throws IOException {
        Path mlops = plugin("mlops", "1.0", "workflow-api:1336.vee415d95c521");
        Path workflowApi = plugin("workflow-api", "1336.vee415d95c521", "scm-api:698.v8e3b_c788f0a_6");

        assertThat(new PluginSet(List.of(workflowApi, mlops)).missingDependencies("mlops"))
                .singleElement()
                .asString()
                .startsWith("workflow-api needs scm-api:698.v8e3b_c788f0a_6");
    }

    @Test
    void shouldGiveTheReasonWhenThereIsNoDistribution() {
        Path repo = dir.resolve("repo");

        JenkinsDistribution.Lookup lookup = JenkinsDistribution.locate(Map.of(), repo);

        assertThat(lookup).isInstanceOf(JenkinsDistribution.Missing.class);
        assertThat(((JenkinsDistribution.Missing) lookup).reason())
                .isEqualTo("MLOPS_JENKINS_DIST is not set and the default " + dir.resolve("shared/jenkins-dist")
                        + " has no jenkins.war");
    }

    @Test
    void shouldTakeTheDistributionAndExtraPluginsFromTheVariables() throws IOException {
        Path dist = Files.createDirectories(dir.resolve("dist/plugins"));
        Files.writeString(dist.resolveSibling("jenkins.war"), "war");
        Files.copy(plugin("structs", "362.va_b_695ef4fdf9", null), dist.resolve("structs.hpi"));
        Path extra = plugin("echarts-api", "6.0.0-1146.v5c8f3b_8f0573", null);

        JenkinsDistribution.Lookup lookup = JenkinsDistribution.locate(
                Map.of(
                        "MLOPS_JENKINS_DIST",
                        dist.getParent().toString(),
                        "MLOPS_JENKINS_EXTRA_PLUGINS",
                        extra.toString()),
                dir);

        JenkinsDistribution found = ((JenkinsDistribution.Found) lookup).distribution();
        assertThat(found.plugins()).containsExactly(dist.resolve("structs.hpi"));
        assertThat(found.extraPlugins()).containsExactly(extra);
    }

    private Path plugin(String shortName, String version, String dependencies) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Short-Name", shortName);
        main.putValue("Plugin-Version", version);
        if (dependencies != null) {
            main.putValue("Plugin-Dependencies", dependencies);
        }
        Path file = dir.resolve(shortName + "-" + version + ".hpi");
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
