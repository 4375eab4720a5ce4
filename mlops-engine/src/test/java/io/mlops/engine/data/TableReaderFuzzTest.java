package io.mlops.engine.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fuzzes the CSV (FastCSV) and JSON Lines (Jackson) readers: a table or a {@link MlopsException}. */
class TableReaderFuzzTest {
    @FuzzTest(maxDuration = "8s")
    void shouldReadOrRefuseAnyCsv(final byte[] content) throws IOException {
        read("data.csv", content);
    }

    @FuzzTest(maxDuration = "8s")
    void shouldReadOrRefuseAnyJsonLines(final byte[] content) throws IOException {
        read("data.jsonl", content);
    }

    private static void read(final String name, final byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("table-fuzz");
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            new TableReader().read(file);
        } catch (MlopsException refused) {
            // the documented outcome for bad data
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
