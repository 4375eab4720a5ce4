package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelRef;
import org.junit.jupiter.api.Test;

class ModelRefTest {
    @Test
    void shouldParseNameVersionAndAlias() {
        assertThat(ModelRef.parse("fraud")).isEqualTo(new ModelRef("fraud", null, null));
        assertThat(ModelRef.parse("fraud@7")).isEqualTo(new ModelRef("fraud", 7, null));
        assertThat(ModelRef.parse("fraud@champion")).isEqualTo(new ModelRef("fraud", null, "champion"));
        assertThat(ModelRef.parse("fraud@latest")).isEqualTo(ModelRef.latest("fraud"));
        assertThat(ModelRef.parse("fraud@7")).hasToString("fraud@7");
    }

    @Test
    void shouldRejectMalformedReferences() {
        for (String bad : new String[] {"", "@1", "a@", "a@b@c"}) {
            assertThatThrownBy(() -> ModelRef.parse(bad))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("invalid model reference '" + bad + "': expected NAME, NAME@VERSION or NAME@ALIAS");
        }
        assertThatThrownBy(() -> ModelRef.parse("a/b@1"))
                .hasMessage(
                        "invalid model name 'a/b': use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit");
        assertThatThrownBy(() -> ModelRef.parse("a@0"))
                .hasMessage("invalid version 0 of model 'a': versions start at 1");
        assertThatThrownBy(() -> ModelRef.parse("a@../x"))
                .hasMessage("invalid alias '../x' in 'a@../x': use letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> ModelRef.parse("a@99999999999"))
                .hasMessage("invalid model reference 'a@99999999999': version 99999999999 is too large");
    }
}
