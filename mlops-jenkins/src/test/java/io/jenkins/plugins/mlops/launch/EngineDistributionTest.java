package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineDistributionTest {
    @Test
    void shouldFindTheJarOfAClassLoadedFromAJar() {
        assertThat(EngineDistribution.jarOf(org.slf4j.LoggerFactory.class))
                .hasValueSatisfying(jar ->
                        assertThat(jar.getName()).startsWith("slf4j-api-").endsWith(".jar"));
    }

    @Test
    void shouldFindNoJarForClassesFromAFolder() {
        assertThat(EngineDistribution.jarOf(EngineDistribution.class))
                .as("target/classes is not a jar")
                .isEmpty();
        assertThat(EngineDistribution.jarOf(String.class))
                .as("JDK classes come from no jar file")
                .isEmpty();
    }

    @Test
    void shouldRefuseToLocateOutsideAnInstalledPlugin() {
        assertThatThrownBy(EngineDistribution::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("[mlops] cannot locate the plugin's jars");
    }

    @Test
    void shouldRequireAtLeastOneJar() {
        assertThatThrownBy(() -> new EngineDistribution(List.of()))
                .hasMessage("an engine distribution needs at least one jar");
        assertThat(new EngineDistribution(List.of(new File("a.jar"))).getJars()).containsExactly(new File("a.jar"));
    }
}
