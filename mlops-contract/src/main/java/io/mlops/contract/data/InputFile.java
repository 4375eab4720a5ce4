package io.mlops.contract.data;

import java.util.Objects;

/**
 * One file of a data set that may span several files: how training and the retrain check recognise it again.
 *
 * @param file   the path as resolved from the spec (relative to the spec's folder when the spec named it so)
 * @param sha256 the SHA-256 of the file's bytes
 * @param rows   the number of data rows in it
 */
public record InputFile(String file, String sha256, long rows) {
    /** Creates the record. */
    public InputFile {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(sha256, "sha256 == null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows < 0: " + rows);
        }
    }
}
