package io.mlops.contract.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Statistics of one column, part of a data fingerprint.
 *
 * @param type     the column type, or {@code LABEL}
 * @param missing  how many values are missing
 * @param min      the smallest number (numeric columns)
 * @param max      the largest number (numeric columns)
 * @param mean     the mean (numeric columns)
 * @param stdDev   the population standard deviation (numeric columns)
 * @param distinct how many distinct values (categorical, text and label columns)
 * @param counts   the counts of the most frequent values, at most the engine's top-values limit
 *                 (categorical and label columns)
 * @param histogram counts of ten equal-width bins from min to max
 *                 (numeric columns), the reference for drift detection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnStats(
        String type,
        long missing,
        Double min,
        Double max,
        Double mean,
        Double stdDev,
        Integer distinct,
        Map<String, Long> counts,
        java.util.List<Long> histogram) {}
