package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Content-addressed model files: {@code blobs/sha256/<sha256>}. A blob is copied to a temporary file,
 * checked, forced and renamed into place, so it is complete or absent; it is verified against its name on
 * every read. Writing needs no lock: two writers of the same content rename the same bytes.
 */
final class BlobStore {
    static final String FOLDER = "blobs/sha256";

    private final Path root;
    private final Path folder;

    BlobStore(final Path root) {
        this.root = root;
        this.folder = root.resolve(FOLDER);
    }

    Path path(final String sha256) {
        return folder.resolve(sha256);
    }

    String relative(final String sha256) {
        return root.relativize(path(sha256)).toString().replace('\\', '/');
    }

    /** Stores a file whose SHA-256 is known, unless an intact copy is already there. */
    void put(final Path source, final String sha256) {
        Path target = path(sha256);
        if (Files.isRegularFile(target) && sha256.equals(Hashing.sha256(target))) {
            return;
        }
        AtomicFiles.ensureFolder(folder);
        Path temp = folder.resolve(".tmp-" + UUID.randomUUID());
        try {
            MessageDigest digest = Hashing.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
                    FileChannel channel =
                            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                in.transferTo(out);
                channel.force(true);
            }
            String copied = HexFormat.of().formatHex(digest.digest());
            if (!copied.equals(sha256)) {
                throw MlopsException.inFile(
                        source,
                        "changed while it was being registered (SHA-256 " + copied + ", expected " + sha256
                                + "); register it again");
            }
            AtomicFiles.move(temp, target);
            temp = null;
            Durable.syncFolder(folder);
        } catch (IOException exception) {
            throw MlopsException.inFile(target, "cannot store model file: " + exception.getMessage());
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    /** Reads a blob and verifies it against its SHA-256. */
    byte[] read(final String sha256, final String what) {
        Path file = path(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "model file of " + what + " is missing from the registry");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read model file of " + what + ": " + exception.getMessage());
        }
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw MlopsException.inFile(
                    file,
                    "checksum mismatch: expected SHA-256 " + sha256 + ", found " + actual + "; the model file of "
                            + what + " is corrupted, refusing to load it");
        }
        return bytes;
    }
}
