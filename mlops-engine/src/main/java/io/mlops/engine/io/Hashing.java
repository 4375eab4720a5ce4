package io.mlops.engine.io;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of files and bytes, as lower-case hex. */
public final class Hashing {
    private Hashing() {}

    /**
     * Creates a SHA-256 digest.
     *
     * @return a new digest
     */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("every Java runtime has SHA-256", exception);
        }
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the bytes
     * @return the SHA-256 as hex
     */
    public static String sha256(final byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * Hashes the content of a file.
     *
     * @param file the file
     * @return the SHA-256 as hex
     * @throws MlopsException if the file cannot be read
     */
    public static String sha256(final Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "file not found");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read file: " + AtomicFiles.describe(exception));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
