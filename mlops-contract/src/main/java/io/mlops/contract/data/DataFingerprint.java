package io.mlops.contract.data;

import java.util.Map;

/**
 * What identifies a data set: the SHA-256 of the file's content, its size and the statistics
 * of every column.
 *
 * @param file    the file name as given
 * @param sha256  the SHA-256 of the file's bytes
 * @param rows    the number of data rows
 * @param columns statistics per column, the label included, in schema order
 */
public record DataFingerprint(String file, String sha256, long rows, Map<String, ColumnStats> columns) {}
