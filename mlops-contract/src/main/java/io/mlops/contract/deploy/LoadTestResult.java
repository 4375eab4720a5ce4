package io.mlops.contract.deploy;

/**
 * What a load test measured.
 *
 * @param sent        requests sent
 * @param failed      requests that failed (non-2xx or no answer)
 * @param throughput  answered requests per second
 * @param p50Ms       median latency in milliseconds
 * @param p95Ms       95th-percentile latency
 * @param p99Ms       99th-percentile latency
 * @param maxMs       the largest latency
 * @param errorRate   failed / sent
 * @param passed      whether the gates on p99 and error rate held
 */
public record LoadTestResult(
        long sent,
        long failed,
        double throughput,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        double errorRate,
        boolean passed) {}
