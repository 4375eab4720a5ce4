package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.engine.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryEstimateTest {
    @TempDir
    Path dir;

    /** 20,000 rows of 20 numbers and a label: 420,000 values. */
    private Path numbers() {
        StringBuilder csv = new StringBuilder();
        for (int f = 1; f <= 20; f++) {
            csv.append('f').append(f).append(',');
        }
        csv.append("label\n");
        for (int row = 0; row < 20_000; row++) {
            for (int f = 1; f <= 20; f++) {
                csv.append("1.2345,");
            }
            csv.append(row % 2 == 0 ? "a" : "b").append('\n');
        }
        return TestData.write(dir.resolve("numbers.csv"), csv.toString());
    }

    @Test
    void shouldEstimateFromTheValuesInTheFile() {
        Path file = numbers();
        long needed = MemoryEstimate.needed(file);

        // the values as typed columns, and the file's bytes while it is read
        assertThat(needed - file.toFile().length())
                .isBetween(
                        420_000L * MemoryEstimate.BYTES_PER_VALUE * 99 / 100,
                        420_000L * MemoryEstimate.BYTES_PER_VALUE * 101 / 100);
    }

    @Test
    void shouldSayHowMuchItNeedsBeforeReading() {
        Path file = numbers();

        assertThatThrownBy(() -> MemoryEstimate.require(file, 16L << 20))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": training on this file (3 MB) needs about 25 MB of Java heap, more than the 16 MB"
                        + " this process may use; start it with more (JAVA_OPTS=-Xmx1g for the mlops command, or the"
                        + " agent's JVM options), or train on a sample of the rows");
        assertThatCode(() -> MemoryEstimate.require(file, 64L << 20)).doesNotThrowAnyException();
    }

    @Test
    void shouldEstimateTheFilesOfADataSetTogether() throws Exception {
        Path first = numbers();
        Path second = dir.resolve("more.csv");
        java.nio.file.Files.copy(first, second);
        long one = MemoryEstimate.needed(first);

        assertThat(MemoryEstimate.needed(java.util.List.of(first, second)))
                .isEqualTo(2 * one - first.toFile().length());
        assertThatCode(() -> MemoryEstimate.require(first, one)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemoryEstimate.require(java.util.List.of(first, second), one))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(
                        "training on the 2 data files together (5 MB: " + first + " ... " + second + ") needs about ");
    }
}
