package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes what the service reads from outside: prediction bodies (the fast flat scanner must give exactly what
 * Jackson gives, or leave the body to Jackson) and the release settings file.
 */
class ServingFuzzTest {
    private static final List<ColumnSpec> FEATURES = List.of(
            new ColumnSpec("f1", ColumnType.NUMERIC),
            new ColumnSpec("amount", ColumnType.NUMERIC),
            new ColumnSpec("country", ColumnType.CATEGORICAL),
            new ColumnSpec("note", ColumnType.TEXT));

    private final InputReader reader = new InputReader(FEATURES);

    @FuzzTest(maxDuration = "8s")
    void shouldReadEveryBodyAsJacksonDoes(final byte[] body) {
        assertThat(outcome(() -> reader.read(body, 10))).isEqualTo(outcome(() -> reader.readWithJackson(body, 10)));
    }

    @FuzzTest(maxDuration = "8s")
    void shouldReadOrRefuseAnySettingsFile(final byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("settings-fuzz");
        try {
            Path file = dir.resolve(ServiceSettings.FILE);
            Files.write(file, content);
            ServiceSettings.read(file);
        } catch (MlopsException refused) {
            // the documented outcome for bad settings
        } finally {
            AtomicFiles.deleteQuietly(dir);
        }
    }

    private interface Read {
        InputReader.Inputs read() throws PredictionHandler.HttpProblem;
    }

    private static String outcome(final Read read) {
        InputReader.Inputs inputs;
        try {
            inputs = read.read();
        } catch (PredictionHandler.HttpProblem problem) {
            return problem.status() + " " + problem.getMessage();
        }
        StringBuilder text = new StringBuilder("batch=").append(inputs.batch());
        for (Instance instance : inputs.instances()) {
            text.append("\n object=")
                    .append(instance.isObject())
                    .append(" problems=")
                    .append(instance.problems());
            for (int f = 0; f < FEATURES.size(); f++) {
                text.append(' ')
                        .append(instance.isPresent(f))
                        .append(':')
                        .append(Double.doubleToLongBits(instance.number(f)))
                        .append(':')
                        .append(instance.string(f));
            }
        }
        return text.toString();
    }
}
