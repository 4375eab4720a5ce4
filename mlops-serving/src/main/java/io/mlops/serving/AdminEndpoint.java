package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.text.Printable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /v1/admin/swap} and {@code /v1/admin/rollback}. A swap loads its model on its own thread within
 * {@code limits.swapTimeoutSeconds} and switches only if it did not time out, its request did not fail (the client
 * gave up) and no rollback came in meanwhile; otherwise it is abandoned and says so. Only switching holds the
 * lock, never loading, so a stuck load never blocks a rollback; one swap loads at a time.
 */
final class AdminEndpoint {
    private final ModelSlot slot;
    private final PredictionHandler.SwapLoader loader;
    private final ServiceMetrics metrics;
    private final int timeoutSeconds;
    private final AtomicReference<PendingSwap> pending = new AtomicReference<>();

    AdminEndpoint(
            final ModelSlot slot,
            final PredictionHandler.SwapLoader loader,
            final ServiceMetrics metrics,
            final int timeoutSeconds) {
        this.slot = slot;
        this.loader = loader;
        this.metrics = metrics;
        this.timeoutSeconds = timeoutSeconds;
    }

    Reply swap(final JsonNode body, final Request request) throws PredictionHandler.HttpProblem {
        if (!body.path("bundle").isTextual()) {
            throw new PredictionHandler.HttpProblem(
                    400, "swap needs {\"bundle\": \"<path of a model bundle on the server>\"}");
        }
        String bundle = body.get("bundle").asText();
        PendingSwap mine = new PendingSwap(bundle, new AtomicBoolean());
        if (!pending.compareAndSet(null, mine)) {
            PendingSwap other = pending.get();
            throw new PredictionHandler.HttpProblem(
                    409,
                    "a swap to " + Printable.shorten(other == null ? "?" : other.bundle())
                            + " is in progress; try again when it has finished");
        }
        try {
            request.addFailureListener(failure -> mine.abandoned().set(true));
            ServedModel next = load(bundle, body);
            ServedModel previous;
            synchronized (this) {
                if (mine.abandoned().get()) {
                    metrics.swapped("abandoned");
                    throw new PredictionHandler.HttpProblem(
                            409,
                            "swap abandoned: a rollback came first or the request was given up; still serving "
                                    + served(slot.current()));
                }
                previous = slot.swap(next);
            }
            metrics.swapped("swap");
            return Reply.json(
                    200,
                    Map.of(
                            "previous",
                            ModelDescription.identity(previous),
                            "current",
                            ModelDescription.identity(next)));
        } finally {
            pending.compareAndSet(mine, null);
        }
    }

    private ServedModel load(final String bundle, final JsonNode body) throws PredictionHandler.HttpProblem {
        CompletableFuture<ServedModel> loading = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        loading.complete(loader.load(Path.of(bundle), text(body, "name"), text(body, "version")));
                    } catch (Throwable failure) {
                        loading.completeExceptionally(failure);
                    }
                },
                "mlops-model-loader");
        thread.setDaemon(true);
        thread.start();
        try {
            return loading.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException exception) {
            thread.interrupt();
            metrics.swapped("abandoned");
            throw new PredictionHandler.HttpProblem(
                    504,
                    "swap abandoned: loading " + Printable.shorten(bundle) + " took longer than " + timeoutSeconds
                            + " s (limits.swapTimeoutSeconds); still serving " + served(slot.current()));
        } catch (ExecutionException exception) {
            if (exception.getCause() instanceof MlopsException problem) {
                throw new PredictionHandler.HttpProblem(422, problem.getMessage());
            }
            throw new IllegalStateException("loading " + bundle + " failed", exception.getCause());
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new PredictionHandler.HttpProblem(503, "swap abandoned: the service is stopping");
        }
    }

    /** Switches back at once; a swap still loading is abandoned rather than waited for. */
    synchronized Reply rollback() throws PredictionHandler.HttpProblem {
        PendingSwap loading = pending.get();
        if (loading != null) {
            loading.abandoned().set(true);
        }
        try {
            ServedModel from = slot.current();
            ServedModel to = slot.rollback();
            metrics.swapped("rollback");
            return Reply.json(
                    200, Map.of("previous", ModelDescription.identity(from), "current", ModelDescription.identity(to)));
        } catch (IllegalStateException exception) {
            throw new PredictionHandler.HttpProblem(409, exception.getMessage());
        }
    }

    private static String served(final ServedModel model) {
        return model.name() + " " + model.version();
    }

    private static String text(final JsonNode body, final String field) {
        return body.path(field).isTextual() ? body.get(field).asText() : null;
    }

    /** A swap whose model is being loaded, and whether it was given up meanwhile. */
    private record PendingSwap(String bundle, AtomicBoolean abandoned) {}
}
