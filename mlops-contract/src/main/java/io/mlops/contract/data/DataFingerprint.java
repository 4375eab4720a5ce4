package io.mlops.contract.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What identifies a data set: the SHA-256 of its content, its size, the statistics of every column and, since format
 * 1.1, every input file it was read from.
 *
 * @param file    the file name as given; for a data set of several files, the spec's {@code data} entries joined
 *                with {@code ", "}
 * @param sha256  the SHA-256 of the file's bytes; for several files, the SHA-256 of the input files' names and
 *                hashes, in reading order
 * @param rows    the number of data rows
 * @param columns statistics per column, the label included, in schema order
 * @param inputs  every input file in reading order, with its SHA-256 and row count; documents of format 1.0 are read
 *                with the one file above
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataFingerprint(
        String file, String sha256, long rows, Map<String, ColumnStats> columns, List<InputFile> inputs) {
    /** Creates the fingerprint; copies the inputs. */
    public DataFingerprint {
        inputs = inputs == null ? null : List.copyOf(inputs);
    }

    /**
     * Creates the fingerprint of a data set read from one file.
     *
     * @param file    the file name as given
     * @param sha256  the SHA-256 of the file's bytes
     * @param rows    the number of data rows
     * @param columns statistics per column
     */
    public DataFingerprint(
            final String file, final String sha256, final long rows, final Map<String, ColumnStats> columns) {
        this(file, sha256, rows, columns, List.of(new InputFile(file, sha256, rows)));
    }
}
