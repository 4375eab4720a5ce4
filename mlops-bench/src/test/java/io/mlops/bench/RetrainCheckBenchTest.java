package io.mlops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetrainCheckBenchTest {
    @Test
    void shouldMeasureEveryStepAndRemoveTheFolder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        new RetrainCheckBench(
                        0.002,
                        3,
                        2,
                        false,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .run();

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("3 files, 0.00 GB; 2 repeats")
                .containsPattern("\\| baseline: SHA-256 of every file \\(median\\) \\| \\d+\\.\\d \\| 1\\.000x \\|")
                .contains("| check, folder unchanged (median) |", "| check after one file grew |")
                .containsPattern("target: an unchanged 1 GB folder in at most 1000 ms: (MET|NOT MET)");
        String folder = log.toString(StandardCharsets.UTF_8).replaceAll("(?s).* in (\\S+)\\R.*", "$1");
        assertThat(java.nio.file.Path.of(folder)).doesNotExist();
    }
}
