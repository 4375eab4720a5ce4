package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class EngineArchiveTest {
    @Test
    void shouldSayWhichResourceIsMissingAndHowToBuildIt() {
        assertThatThrownBy(() -> EngineArchive.find(String.class))
                .isInstanceOf(IOException.class)
                .hasMessage("[mlops] the plugin has no engine: resource mlops-engine.jar next to java.lang.String is"
                        + " missing (build the plugin with its engine: ./mvnw -pl mlops-jenkins -am package)");
    }
}
