package io.mlops.contract.metrics;

/**
 * Precision, recall and F1 of one class.
 *
 * @param precision correct predictions of the class / all predictions of it (0 if never predicted)
 * @param recall    correct predictions of the class / its true occurrences (0 if it never occurs)
 * @param f1        harmonic mean of precision and recall
 * @param support   how often the class occurs in the test data
 */
public record ClassMetrics(double precision, double recall, double f1, long support) {}
