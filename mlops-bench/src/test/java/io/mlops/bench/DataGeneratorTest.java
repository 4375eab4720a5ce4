package io.mlops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameBytesForTheSameSeed() throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new DataGenerator(20, 4, 2.25, 42).write(first, 1000);
        new DataGenerator(20, 4, 2.25, 42).write(second, 1000);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void shouldWriteOtherDataForAnotherSeed() throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        new DataGenerator(20, 4, 2.25, 42).write(first, 100);
        new DataGenerator(20, 4, 2.25, 43).write(second, 100);

        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
    }

    @Test
    void shouldWriteAHeaderNumericFeaturesAndEveryClass() throws IOException {
        Path file = dir.resolve("d.csv");
        new DataGenerator(5, 3, 2.0, 1).write(file, 3000);
        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(0)).isEqualTo("f1,f2,f3,f4,f5,label");
        assertThat(lines).hasSize(3001);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertThat(fields).hasSize(6);
            for (int i = 0; i < 5; i++) {
                assertThat(fields[i]).matches("-?\\d+\\.\\d{4}");
            }
        }
        Set<String> labels = lines.stream()
                .skip(1)
                .map(l -> l.substring(l.lastIndexOf(',') + 1))
                .collect(Collectors.toSet());
        assertThat(labels).containsExactlyInAnyOrder("class_0", "class_1", "class_2");
    }

    @Test
    void shouldFormatFourDecimalsLikeStringFormat() {
        for (double value :
                new double[] {0, 1.5, -1.5, 0.00004, -0.00004, 0.00005, 12.34567, -0.0123, 123456.7, -7.00001}) {
            String expected = String.format(java.util.Locale.ROOT, "%.4f", value);
            String actual =
                    DataGenerator.appendFixed(new StringBuilder(), value).toString();
            assertThat(Double.parseDouble(actual)).as("%s", value).isEqualTo(Double.parseDouble(expected));
        }
        assertThat(DataGenerator.appendFixed(new StringBuilder(), -0.0123).toString())
                .isEqualTo("-0.0123");
        assertThat(DataGenerator.appendFixed(new StringBuilder(), 3.00001).toString())
                .isEqualTo("3.0000");
    }

    @Test
    void shouldRejectMoreClassesThanFeatures() {
        assertThatThrownBy(() -> new DataGenerator(3, 4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataGenerator(3, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.asList(DataGenerator.className(0), DataGenerator.className(3)))
                .containsExactly("class_0", "class_3");
    }
}
