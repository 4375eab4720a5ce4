package io.mlops.serving.deploy;

import io.mlops.contract.deploy.LoadTestResult;
import io.mlops.contract.deploy.LoadTestSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends predictions at a fixed rate for a fixed time (open loop, so a slow service cannot slow the
 * schedule down and hide its latency) and measures latency and errors. Bounded in count and time.
 */
public final class LoadTester {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * Runs a load test.
     *
     * @param endpoint the prediction URL, e.g. {@code http://127.0.0.1:8080/v1/predict}
     * @param token    a bearer token for predictions, or {@code null}
     * @param bodies   request bodies, used round robin
     * @param spec     rate, duration and gates
     * @return the measurements
     */
    public LoadTestResult run(
            final URI endpoint, final String token, final List<String> bodies, final LoadTestSpec spec) {
        Recorder recorder = new Recorder(3);
        AtomicLong failed = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        long total = (long) spec.rps() * spec.seconds();
        long intervalNanos = 1_000_000_000L / spec.rps();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (i % bodies.size()))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            long sent = System.nanoTime();
            pending.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        // latency from the scheduled time, so queueing in the client counts too
                        recorder.recordValue(Math.max(1, (System.nanoTime() - Math.min(due, sent)) / 1000));
                        if (error != null || response.statusCode() / 100 != 2) {
                            failed.incrementAndGet();
                        } else {
                            answered.incrementAndGet();
                        }
                    }));
            if (pending.size() >= 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception exception) {
            // requests still open after the grace period count as failed
            failed.addAndGet(pending.stream().filter(f -> !f.isDone()).count());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        double p99 = histogram.getValueAtPercentile(99) / 1000.0;
        double errorRate = total == 0 ? 0 : (double) failed.get() / total;
        return new LoadTestResult(
                total,
                failed.get(),
                answered.get() / seconds,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(95) / 1000.0,
                p99,
                histogram.getMaxValue() / 1000.0,
                errorRate,
                p99 <= spec.p99Ms() && errorRate <= spec.maxErrorRate());
    }
}
