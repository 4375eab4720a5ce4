package io.mlops.engine.train;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fuzzes the spec reader (YAML and JSON, through Jackson and SnakeYAML): a spec or a {@link MlopsException}. */
class SpecReaderFuzzTest {
    @FuzzTest(maxDuration = "8s")
    void shouldReadOrRefuseAnySpec(final byte[] content) throws IOException {
        // JSON when the content starts with '{', as a person would name such a file
        boolean yaml = content.length == 0 || content[0] != '{';
        Path dir = Files.createTempDirectory("spec-fuzz");
        Path file = dir.resolve(yaml ? "train.yaml" : "train.json");
        try {
            Files.write(file, content);
            new SpecReader().read(file);
        } catch (MlopsException refused) {
            // the documented outcome for bad specs
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
