package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fuzzes model references and the recovery of a damaged audit log (alias log and snapshot). */
class RegistryFuzzTest {
    @FuzzTest(maxDuration = "8s")
    void shouldParseOrRefuseAnyModelReference(final byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            ModelRef ref = ModelRef.parse(text);
            assertThat(ModelRef.parse(ref.toString())).isEqualTo(ref);
        } catch (MlopsException refused) {
            // the documented outcome for bad references
        }
    }

    /**
     * Whatever a crash or an editor left in the alias log and its snapshot, the registry reads the log (skipping
     * damaged lines) and the next alias move is appended and read back.
     */
    @FuzzTest(maxDuration = "8s")
    void shouldRecoverAnyDamagedAuditLog(final byte[] input) throws IOException {
        // the log, then after a NUL byte the snapshot
        int split = 0;
        while (split < input.length && input[split] != 0) {
            split++;
        }
        byte[] log = java.util.Arrays.copyOf(input, split);
        byte[] snapshot =
                split < input.length ? java.util.Arrays.copyOfRange(input, split + 1, input.length) : new byte[0];
        Path dir = Files.createTempDirectory("audit-fuzz");
        try {
            Path folder = dir.resolve("models").resolve("m");
            Files.createDirectories(folder.resolve("versions").resolve("1"));
            Files.writeString(folder.resolve("versions").resolve("1").resolve("version.json"), "{}");
            Files.write(folder.resolve(AliasLog.LOG), log);
            if (snapshot.length > 0) {
                Files.write(folder.resolve(AliasLog.SNAPSHOT), snapshot);
            }
            AliasLog aliases = new AliasLog(folder);
            List<AliasMove> before;
            try {
                before = aliases.entries();
                aliases.append("champion", 1, "fuzz", "2026-01-01T00:00:00Z", "recovered");
            } catch (MlopsException | com.fasterxml.jackson.core.JacksonException refused) {
                return; // a damaged snapshot is reported, never silently trusted
            }
            List<AliasMove> after = aliases.entries();
            assertThat(after).isNotEmpty();
            assertThat(after.get(after.size() - 1).reason()).isEqualTo("recovered");
            assertThat(after.size()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(before.size() + 1);
        } finally {
            AtomicFiles.deleteQuietly(dir);
        }
    }
}
