package io.mlops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggerPollBenchTest {
    @TempDir
    Path work;

    @Test
    void shouldMeasurePollAndBaselineOverTheSameUnchangedFolder() throws Exception {
        TriggerPollBench.Result result = TriggerPollBench.run(work, 20, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TriggerPollBench.print(result, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(result.pollMillis().count()).isEqualTo(5);
        assertThat(result.baselineMillis().count()).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("20 files, 5 polls", "| ratio poll / baseline |", "<= 10.0 ms");
    }
}
