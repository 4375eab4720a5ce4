package io.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 points 3 and 6: a spec with a key twice, a FIFO or a huge file as the spec. */
class SpecBoundsTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseADuplicateKeyInYaml() throws Exception {
        Path spec = Files.writeString(dir.resolve("train.yaml"), "data: a.csv\nlabel: category\nlabel: amount\n");

        assertThatThrownBy(() -> new SpecReader().read(spec))
                .isInstanceOf(MlopsException.class)
                .hasMessage(spec + ": not a valid spec: Duplicate field 'label' (line 3)");
    }

    @Test
    void shouldRefuseADuplicateKeyInJson() throws Exception {
        Path spec = Files.writeString(dir.resolve("train.json"), "{\"data\":\"a.csv\",\"data\":\"b.csv\"}");

        assertThatThrownBy(() -> new SpecReader().read(spec))
                .hasMessage(spec + ": not a valid spec: Duplicate field 'data' (line 1)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseAFifoAsTheSpec() throws Exception {
        Path spec = dir.resolve("train.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", spec.toString()).start();
        org.assertj.core.api.Assertions.assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> new SpecReader().read(spec))
                .hasMessage(spec + ": not a regular file (a FIFO, device or socket); expected a file");
    }

    @Test
    void shouldRefuseASpecLargerThanTheCap() throws Exception {
        Path spec = dir.resolve("train.yaml");
        Files.write(spec, new byte[(4 << 20) + 1]);

        assertThatThrownBy(() -> new SpecReader().read(spec))
                .hasMessage(spec + ": 4194305 bytes, more than the 4194304 bytes (4 MiB) such a file may have");
    }
}
