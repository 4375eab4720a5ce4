package io.mlops.engine.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes loading {@code bundle.json}: with its checksums made to agree (as an attacker would), any manifest
 * gives a bundle or a {@link MlopsException}, never another exception, and never a file outside the bundle.
 */
class BundleManifestFuzzTest {
    @FuzzTest(maxDuration = "8s")
    void shouldLoadOrRefuseAnyManifest(final byte[] manifest) throws IOException {
        Path dir = Files.createTempDirectory("bundle-fuzz");
        try {
            Path bundle = dir.resolve("bundle");
            Files.createDirectories(bundle);
            Files.write(bundle.resolve(BundleLayout.MANIFEST_FILE), manifest);
            Files.write(bundle.resolve(BundleLayout.MODEL_FILE), new byte[] {1, 2, 3});
            BundleChecksums.write(bundle, List.of(BundleLayout.MANIFEST_FILE, BundleLayout.MODEL_FILE));
            new ModelStore().load(bundle);
        } catch (MlopsException refused) {
            // the documented outcome for a bad bundle
        } finally {
            AtomicFiles.deleteQuietly(dir);
        }
    }
}
