package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 point 6: a 200,000-column CSV took over a minute; it is refused at its header. */
class ColumnLimitTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseAFileWithFarMoreColumnsThanTheEngineIsMadeFor() throws Exception {
        Path csv = dir.resolve("wide.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int row = 0; row < 3; row++) {
                for (int c = 0; c < 200_000; c++) {
                    out.write(c == 0 ? "" : ",");
                    out.write(row == 0 ? "c" + c : "1");
                }
                out.write('\n');
            }
        }

        assertThatThrownBy(() -> new TableReader().read(csv))
                .hasMessage(csv + " line 1: the header has 200000 columns, more than the 10000 this engine is made"
                        + " for; keep the columns the model needs (e.g. with cut or csvcut)");
    }
}
