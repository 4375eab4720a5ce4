package io.mlops.contract.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the test data was obtained.
 *
 * @param method       {@code holdout} (seeded split of the training file) or {@code file}
 * @param testFraction the held-out share, for {@code holdout}
 * @param trainRows    rows used for training
 * @param testRows     rows used for testing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SplitInfo(String method, Double testFraction, long trainRows, long testRows) {}
