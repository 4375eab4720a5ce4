package io.mlops.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.engine.MlopsException;
import io.mlops.engine.text.Printable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API of the prediction service. Bad input always gets a 4xx with a message naming what is
 * wrong; only a bug gives a 500.
 */
final class PredictionHandler extends Handler.Abstract.NonBlocking {
    /** For the bodies of feedback and admin requests; predictions are read by {@link InputReader}. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies this large (big batches) are answered on a pool thread, not holding up the selector's other connections. */
    private static final int LARGE_BODY = 16 * 1024;

    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ServingConfig config;
    private final ModelSlot slot;
    private final SwapLoader loader;
    private final AtomicReference<PendingSwap> pending = new AtomicReference<>();
    private final PredictionLog log = new PredictionLog(100_000);
    private final LiveQuality quality;
    private final ServiceMetrics metrics;
    private volatile ReplyWriter replyWriter;

    /** Loads the model a swap asks for; {@link ModelLoader#load} in the service. */
    @FunctionalInterface
    interface SwapLoader {
        ServedModel load(Path bundle, String name, String version);
    }

    PredictionHandler(final ServingConfig config, final ModelSlot slot, final SwapLoader loader) {
        this.config = config;
        this.slot = slot;
        this.loader = loader;
        this.quality = new LiveQuality(config.feedbackWindow());
        this.metrics = new ServiceMetrics(slot, () -> quality);
    }

    ModelSlot slot() {
        return slot;
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) {
        Exchange exchange =
                new Exchange(request, response, callback, Request.getPathInContext(request), System.nanoTime());
        exchange.answer(() -> route(exchange));
        return true;
    }

    /** Computes a reply, or returns {@code null} when the reply will be sent later (after reading the body). */
    @FunctionalInterface
    private interface Action {
        Reply run() throws HttpProblem;
    }

    /** What to do with a request body once it has arrived. */
    @FunctionalInterface
    private interface BodyAction {
        Reply apply(byte[] body) throws HttpProblem;
    }

    /** A check of a request (its token) made once its body is read, so that the connection stays usable. */
    @FunctionalInterface
    private interface Check {
        void run() throws HttpProblem;
    }

    /** What to do with a JSON request body once it has arrived. */
    @FunctionalInterface
    private interface JsonAction {
        Reply apply(JsonNode body) throws HttpProblem;
    }

    /** One request and its answer, sent exactly once. */
    private final class Exchange {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String path;
        private final long start;

        Exchange(
                final Request request,
                final Response response,
                final Callback callback,
                final String path,
                final long start) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = path;
            this.start = start;
        }

        void answer(final Action action) {
            Reply reply;
            try {
                reply = action.run();
            } catch (HttpProblem problem) {
                reply = Reply.error(problem.status, problem.getMessage());
            } catch (RuntimeException exception) {
                reply = Reply.error(500, "internal error: " + exception);
            }
            if (reply != null) {
                send(reply);
            }
        }

        /**
         * Reads the body without blocking, then makes the check (a token) and answers with the action on the
         * body's JSON: on the thread that read the body, or for an action that blocks (loading a model) or a large
         * body on a thread of the pool. Reading the body first keeps the connection usable after a refusal.
         */
        Reply withBody(final boolean blocking, final Check check, final JsonAction action) throws HttpProblem {
            return withBytes(blocking, body -> {
                check.run();
                return action.apply(parse(body));
            });
        }

        /** Like {@link #withBody}, for an action that reads the bytes itself. */
        Reply withBytes(final boolean blocking, final BodyAction action) throws HttpProblem {
            long length = request.getLength();
            if (length > config.maxBodyBytes()) {
                throw new HttpProblem(
                        413,
                        "request body of " + length + " bytes is larger than the limit of " + config.maxBodyBytes());
            }
            BodyReader.read(request, config.maxBodyBytes(), new BodyReader.Listener() {
                @Override
                public void body(final byte[] body) {
                    if (blocking || body.length > LARGE_BODY) {
                        getServer().getThreadPool().execute(() -> answer(() -> action.apply(body)));
                    } else {
                        answer(() -> action.apply(body));
                    }
                }

                @Override
                public void tooLarge() {
                    send(Reply.error(
                            413, "request body is larger than the limit of " + config.maxBodyBytes() + " bytes"));
                }

                @Override
                public void failed(final Throwable failure) {
                    send(Reply.error(400, "cannot read request body: " + failure.getMessage()));
                }
            });
            return null;
        }

        private void send(final Reply reply) {
            response.setStatus(reply.status());
            if (JSON_TYPE.getValue().equals(reply.contentType())) {
                response.getHeaders().put(JSON_TYPE);
            } else {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            }
            if (reply.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            metrics.request(endpoint(path), reply.status(), System.nanoTime() - start);
        }
    }

    private static String endpoint(final String path) {
        return switch (path) {
            case "/v1/predict",
                    "/v1/feedback",
                    "/v1/health",
                    "/v1/model",
                    "/metrics",
                    "/v1/admin/swap",
                    "/v1/admin/rollback" -> path;
            default -> "other";
        };
    }

    private Reply route(final Exchange exchange) throws HttpProblem {
        Request request = exchange.request;
        return switch (exchange.path) {
            case "/v1/predict" -> {
                requireMethod(request, "POST");
                yield exchange.withBytes(false, body -> {
                    requireToken(request, config.predictToken());
                    return predict(body);
                });
            }
            case "/v1/feedback" -> {
                requireMethod(request, "POST");
                yield exchange.withBody(false, () -> requireToken(request, config.predictToken()), this::feedback);
            }
            case "/v1/health" -> {
                requireMethod(request, "GET");
                yield Reply.json(
                        200, Map.of("live", true, "ready", slot.current() != null, "model", identity(slot.current())));
            }
            case "/v1/model" -> {
                requireMethod(request, "GET");
                yield Reply.json(200, describe(slot.current()));
            }
            case "/metrics" -> {
                requireMethod(request, "GET");
                yield new Reply(200, ServiceMetrics.contentType(), metrics.scrape());
            }
            case "/v1/admin/swap" -> {
                requireMethod(request, "POST");
                yield exchange.withBody(true, () -> requireAdmin(request), json -> swap(json, request));
            }
            case "/v1/admin/rollback" -> {
                requireMethod(request, "POST");
                // never waits for a swap that is loading: it abandons it
                yield exchange.withBytes(true, body -> {
                    requireAdmin(request);
                    return rollback();
                });
            }
            default -> throw new HttpProblem(404, "no such endpoint: " + exchange.path);
        };
    }

    private Reply predict(final byte[] body) throws HttpProblem {
        ServedModel model = slot.current();
        InputReader.Inputs inputs = model.predictor().reader().read(body, config.maxBatch());
        boolean batch = inputs.batch();
        int count = inputs.instances().size();
        String[] ids = new String[count];
        Predictor.Result[] results = new Predictor.Result[count];
        for (int i = 0; i < count; i++) {
            Instance instance = inputs.instances().get(i);
            try {
                model.predictor().validate(instance, config.limits().maxTextChars());
                Predictor.Result result = model.predictor().predict(instance);
                model.drift().observe(instance);
                ids[i] = log.record(result.label());
                results[i] = result;
            } catch (InvalidInputException full) {
                InvalidInputException exception = full.capped(config.limits().maxProblems());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", exception.getMessage());
                if (batch) {
                    error.put("instance", i);
                }
                error.put("fields", exception.fields());
                error.put("problems", exception.total());
                return Reply.json(400, error);
            }
        }
        return new Reply(200, "application/json", replyWriter(model).write(batch, ids, results));
    }

    /** The reply writer of the model, prepared once per model rather than once per request. */
    private ReplyWriter replyWriter(final ServedModel model) {
        ReplyWriter cached = replyWriter;
        if (cached == null || cached.model() != model) {
            cached = new ReplyWriter(model);
            replyWriter = cached;
        }
        return cached;
    }

    private Reply feedback(final JsonNode body) throws HttpProblem {
        List<JsonNode> events = new ArrayList<>();
        if (body.isObject() && body.has("feedback")) {
            body.get("feedback").forEach(events::add);
        } else {
            events.add(body);
        }
        int accepted = 0;
        List<String> unknown = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isObject()
                    || !event.path("id").isTextual()
                    || !event.path("label").isTextual()) {
                throw new HttpProblem(
                        400, "feedback must be {\"id\": \"<prediction id>\", \"label\": \"<true class>\"}");
            }
            String predicted = log.lookup(event.get("id").asText());
            if (predicted == null) {
                unknown.add(event.get("id").asText());
                continue;
            }
            quality.record(event.get("label").asText(), predicted);
            metrics.feedback();
            accepted++;
        }
        if (accepted == 0) {
            throw new HttpProblem(
                    404, "unknown prediction id(s) " + unknown + ": never issued by this service instance, or too old");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("accepted", accepted);
        reply.put("unknown", unknown);
        reply.put("liveAccuracy", quality.accuracy());
        reply.put("window", quality.size());
        return Reply.json(200, reply);
    }

    /**
     * Loads a model on its own thread within {@code limits.swapTimeoutSeconds} and switches to it, unless the
     * load timed out, the request failed (the client gave up) or a rollback came in meanwhile: then the swap is
     * abandoned and said so. Only switching holds the handler's lock, never loading, so a stuck load never
     * blocks a rollback; one swap loads at a time.
     */
    private Reply swap(final JsonNode body, final Request request) throws HttpProblem {
        if (!body.path("bundle").isTextual()) {
            throw new HttpProblem(400, "swap needs {\"bundle\": \"<path of a model bundle on the server>\"}");
        }
        String bundle = body.get("bundle").asText();
        PendingSwap mine = new PendingSwap(bundle, System.nanoTime(), new AtomicBoolean());
        if (!pending.compareAndSet(null, mine)) {
            PendingSwap other = pending.get();
            throw new HttpProblem(
                    409,
                    "a swap to " + Printable.shorten(other == null ? "?" : other.bundle())
                            + " is in progress; try again" + " when it has finished");
        }
        try {
            request.addFailureListener(failure -> mine.abandoned().set(true));
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
            int timeout = config.limits().swapTimeoutSeconds();
            ServedModel next;
            try {
                next = loading.get(timeout, TimeUnit.SECONDS);
            } catch (TimeoutException exception) {
                thread.interrupt();
                metrics.swapped("abandoned");
                throw new HttpProblem(
                        504,
                        "swap abandoned: loading " + Printable.shorten(bundle) + " took longer than " + timeout
                                + " s (limits.swapTimeoutSeconds); still serving " + served(slot.current()));
            } catch (ExecutionException exception) {
                if (exception.getCause() instanceof MlopsException problem) {
                    throw new HttpProblem(422, problem.getMessage());
                }
                throw new IllegalStateException("loading " + bundle + " failed", exception.getCause());
            } catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
                throw new HttpProblem(503, "swap abandoned: the service is stopping");
            }
            ServedModel previous;
            synchronized (this) {
                if (mine.abandoned().get()) {
                    metrics.swapped("abandoned");
                    throw new HttpProblem(
                            409,
                            "swap abandoned: a rollback came first or the request was given up; still serving "
                                    + served(slot.current()));
                }
                previous = slot.swap(next);
            }
            metrics.swapped("swap");
            return Reply.json(200, Map.of("previous", identity(previous), "current", identity(next)));
        } finally {
            pending.compareAndSet(mine, null);
        }
    }

    /** Switches back at once; a swap still loading is abandoned rather than waited for. */
    private synchronized Reply rollback() throws HttpProblem {
        PendingSwap loading = pending.get();
        if (loading != null) {
            loading.abandoned().set(true);
        }
        try {
            ServedModel from = slot.current();
            ServedModel to = slot.rollback();
            metrics.swapped("rollback");
            return Reply.json(200, Map.of("previous", identity(from), "current", identity(to)));
        } catch (IllegalStateException exception) {
            throw new HttpProblem(409, exception.getMessage());
        }
    }

    private static String served(final ServedModel model) {
        return model.name() + " " + model.version();
    }

    /** A swap whose model is being loaded: what, since when, and whether it was given up meanwhile. */
    private record PendingSwap(String bundle, long startedNanos, AtomicBoolean abandoned) {}

    private static String text(final JsonNode body, final String field) {
        return body.path(field).isTextual() ? body.get(field).asText() : null;
    }

    static Map<String, Object> identity(final ServedModel model) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", model.name());
        identity.put("version", model.version());
        identity.put("sha256", model.bundle().manifest().modelSha256());
        return identity;
    }

    private static Map<String, Object> describe(final ServedModel model) {
        Map<String, Object> description = identity(model);
        description.put("fingerprint", model.bundle().manifest().modelFingerprint());
        description.put("algorithm", model.bundle().manifest().algorithm());
        description.put("labels", model.bundle().manifest().labels());
        description.put("schema", model.bundle().preparation().getSchema());
        description.put("loadedAt", model.loadedAt().toString());
        if (model.training() != null && model.training().has("metrics")) {
            JsonNode metrics = model.training().get("metrics");
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String name :
                    List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedF1", "logLoss")) {
                if (metrics.has(name)) {
                    summary.put(name, metrics.get(name).doubleValue());
                }
            }
            description.put("trainingMetrics", summary);
        }
        return description;
    }

    private static JsonNode parse(final byte[] bytes) throws HttpProblem {
        if (bytes.length == 0) {
            throw new HttpProblem(400, "empty request body; expected JSON");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new HttpProblem(400, "empty request body; expected JSON");
            }
            return node;
        } catch (JsonProcessingException exception) {
            throw new HttpProblem(400, "malformed JSON: " + exception.getOriginalMessage());
        } catch (IOException exception) {
            throw new HttpProblem(400, "cannot read request body: " + exception.getMessage());
        }
    }

    private static void requireMethod(final Request request, final String method) throws HttpProblem {
        if (!method.equals(request.getMethod())) {
            throw new HttpProblem(405, request.getMethod() + " is not allowed here; use " + method);
        }
    }

    private void requireAdmin(final Request request) throws HttpProblem {
        if (config.adminToken() == null) {
            throw new HttpProblem(403, "admin API disabled: start the service with an admin token");
        }
        requireToken(request, config.adminToken());
    }

    private static void requireToken(final Request request, final String token) throws HttpProblem {
        if (token == null) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String expected = "Bearer " + token;
        if (header == null
                || !MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(401, "missing or wrong bearer token");
        }
    }

    /** A request that cannot be answered normally, with its status. */
    static final class HttpProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpProblem(final int status, final String message) {
            super(message);
            this.status = status;
        }

        /** @return the HTTP status */
        int status() {
            return status;
        }
    }
}
