package io.mlops.engine.retrain;

import io.mlops.contract.MlopsException;
import io.mlops.engine.io.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 and the number of data rows of a data file, in one streaming pass with constant memory, so a new file
 * of any size costs one read. Rows of a CSV file are its records after the header: line ends inside double quotes
 * belong to the value, and empty lines are not records. Rows of a JSON Lines file are its non-blank lines.
 *
 * @param sha256 the SHA-256 of the file's bytes
 * @param rows   the number of data rows
 */
record FileDigest(String sha256, long rows) {
    private static final int BUFFER = 1 << 16;

    /**
     * Reads a file.
     *
     * @param file the file
     * @return its digest
     * @throws MlopsException if it cannot be read
     */
    static FileDigest of(final Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jsonLines = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
        MessageDigest digest = Hashing.sha256();
        long records = 0;
        boolean quoted = false;
        boolean content = false;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '"' && !jsonLines) {
                        quoted = !quoted;
                        content = true;
                    } else if (b == '\n' && !quoted) {
                        records += content ? 1 : 0;
                        content = false;
                    } else if (b != '\r' && !(jsonLines && (b == ' ' || b == '\t'))) {
                        content = true;
                    }
                }
            }
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "data file not found");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read data file: " + exception.getMessage());
        }
        records += content ? 1 : 0;
        long rows = jsonLines ? records : Math.max(0, records - 1);
        return new FileDigest(HexFormat.of().formatHex(digest.digest()), rows);
    }
}
