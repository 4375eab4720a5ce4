package io.mlops.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.engine.MlopsException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API of the prediction service. Bad input always gets a 4xx with a message naming what is
 * wrong; only a bug gives a 500.
 */
final class PredictionHandler extends Handler.Abstract {
    // FastDoubleParser rounds exactly like Double.parseDouble, only faster
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ServingConfig config;
    private final ModelSlot slot;
    private final ModelLoader loader;
    private final PredictionLog log = new PredictionLog(100_000);
    private final LiveQuality quality;
    private final ServiceMetrics metrics;
    private volatile IdentityJson identityJson;

    PredictionHandler(final ServingConfig config, final ModelSlot slot, final ModelLoader loader) {
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
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        Reply reply;
        try {
            reply = route(path, request);
        }
        catch (HttpProblem problem) {
            reply = Reply.error(problem.status, problem.getMessage());
        }
        catch (RuntimeException exception) {
            reply = Reply.error(500, "internal error: " + exception);
        }
        response.setStatus(reply.status());
        if (JSON_TYPE.getValue().equals(reply.contentType())) {
            response.getHeaders().put(JSON_TYPE);
        }
        else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        if (reply.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        metrics.request(endpoint(path), reply.status(), System.nanoTime() - start);
        return true;
    }

    private static String endpoint(final String path) {
        return switch (path) {
            case "/v1/predict", "/v1/feedback", "/v1/health", "/v1/model", "/metrics", "/v1/admin/swap",
                    "/v1/admin/rollback" -> path;
            default -> "other";
        };
    }

    private Reply route(final String path, final Request request) throws HttpProblem {
        return switch (path) {
            case "/v1/predict" -> {
                requireMethod(request, "POST");
                requireToken(request, config.predictToken());
                yield predict(body(request));
            }
            case "/v1/feedback" -> {
                requireMethod(request, "POST");
                requireToken(request, config.predictToken());
                yield feedback(body(request));
            }
            case "/v1/health" -> {
                requireMethod(request, "GET");
                yield Reply.json(200, Map.of("live", true, "ready", slot.current() != null, "model", identity(slot.current())));
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
                requireAdmin(request);
                yield swap(body(request));
            }
            case "/v1/admin/rollback" -> {
                requireMethod(request, "POST");
                requireAdmin(request);
                yield rollback();
            }
            default -> throw new HttpProblem(404, "no such endpoint: " + path);
        };
    }

    private Reply predict(final JsonNode body) throws HttpProblem {
        ServedModel model = slot.current();
        boolean batch = body.isObject() && body.has("instances");
        JsonNode array = null;
        int count = 1;
        if (batch) {
            array = body.get("instances");
            if (!array.isArray() || array.isEmpty()) {
                throw new HttpProblem(400, "'instances' must be a non-empty array of objects");
            }
            if (array.size() > config.maxBatch()) {
                throw new HttpProblem(413, "batch of " + array.size() + " instances is larger than the limit of "
                        + config.maxBatch());
            }
            count = array.size();
        }
        String[] ids = new String[count];
        Predictor.Result[] results = new Predictor.Result[count];
        for (int i = 0; i < count; i++) {
            JsonNode instance = batch ? array.get(i) : body;
            try {
                model.predictor().validate(instance);
                Predictor.Result result = model.predictor().predict(instance);
                model.drift().observe(instance);
                ids[i] = log.record(result.label());
                results[i] = result;
            }
            catch (InvalidInputException exception) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", exception.getMessage());
                if (batch) {
                    error.put("instance", i);
                }
                error.put("fields", exception.fields());
                return Reply.json(400, error);
            }
        }
        // streamed straight to bytes, in the field order the tree-built reply always had, into the thread's
        // recycled buffer as ObjectMapper.writeValueAsBytes does
        BufferRecycler recycler = JSON.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator out = JSON.getFactory().createGenerator(bytes)) {
                out.writeStartObject();
                out.writeFieldName("model");
                out.writeRawValue(identityJson(model));
                if (batch) {
                    out.writeArrayFieldStart("predictions");
                    for (int i = 0; i < count; i++) {
                        out.writeStartObject();
                        writePrediction(out, ids[i], results[i]);
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
                else {
                    writePrediction(out, ids[0], results[0]);
                }
                out.writeEndObject();
            }
            return new Reply(200, "application/json", bytes.getClearAndRelease());
        }
        catch (IOException exception) {
            throw new IllegalStateException("cannot write a reply to memory", exception);
        }
        finally {
            recycler.releaseToPool();
        }
    }

    private static void writePrediction(final JsonGenerator out, final String id, final Predictor.Result result)
            throws IOException {
        out.writeStringField("id", id);
        out.writeStringField("label", result.label());
        out.writeObjectFieldStart("probabilities");
        for (Map.Entry<String, Double> score : result.probabilities().entrySet()) {
            out.writeFieldName(score.getKey());
            if (score.getValue() == null) {
                out.writeNull();
            }
            else {
                out.writeNumber(score.getValue().doubleValue());
            }
        }
        out.writeEndObject();
    }

    /** The model's {@link #identity} as JSON, serialised once per model rather than once per request. */
    private String identityJson(final ServedModel model) {
        IdentityJson cached = identityJson;
        if (cached == null || cached.model() != model) {
            try {
                cached = new IdentityJson(model, JSON.writeValueAsString(identity(model)));
            }
            catch (JsonProcessingException exception) {
                throw new IllegalStateException("identities are plain maps", exception);
            }
            identityJson = cached;
        }
        return cached.json();
    }

    private record IdentityJson(ServedModel model, String json) {
    }

    private Reply feedback(final JsonNode body) throws HttpProblem {
        List<JsonNode> events = new ArrayList<>();
        if (body.isObject() && body.has("feedback")) {
            body.get("feedback").forEach(events::add);
        }
        else {
            events.add(body);
        }
        int accepted = 0;
        List<String> unknown = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isObject() || !event.path("id").isTextual() || !event.path("label").isTextual()) {
                throw new HttpProblem(400, "feedback must be {\"id\": \"<prediction id>\", \"label\": \"<true class>\"}");
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
            throw new HttpProblem(404, "unknown prediction id(s) " + unknown
                    + ": never issued by this service instance, or too old");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("accepted", accepted);
        reply.put("unknown", unknown);
        reply.put("liveAccuracy", quality.accuracy());
        reply.put("window", quality.size());
        return Reply.json(200, reply);
    }

    private synchronized Reply swap(final JsonNode body) throws HttpProblem {
        if (!body.path("bundle").isTextual()) {
            throw new HttpProblem(400, "swap needs {\"bundle\": \"<path of a model bundle on the server>\"}");
        }
        ServedModel next;
        try {
            next = loader.load(Path.of(body.get("bundle").asText()), text(body, "name"), text(body, "version"));
        }
        catch (MlopsException exception) {
            throw new HttpProblem(422, exception.getMessage());
        }
        ServedModel previous = slot.swap(next);
        metrics.swapped("swap");
        return Reply.json(200, Map.of("previous", identity(previous), "current", identity(next)));
    }

    private synchronized Reply rollback() throws HttpProblem {
        try {
            ServedModel from = slot.current();
            ServedModel to = slot.rollback();
            metrics.swapped("rollback");
            return Reply.json(200, Map.of("previous", identity(from), "current", identity(to)));
        }
        catch (IllegalStateException exception) {
            throw new HttpProblem(409, exception.getMessage());
        }
    }

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
            for (String name : List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedF1", "logLoss")) {
                if (metrics.has(name)) {
                    summary.put(name, metrics.get(name).doubleValue());
                }
            }
            description.put("trainingMetrics", summary);
        }
        return description;
    }

    private JsonNode body(final Request request) throws HttpProblem {
        long length = request.getLength();
        if (length > config.maxBodyBytes()) {
            throw new HttpProblem(413, "request body of " + length + " bytes is larger than the limit of "
                    + config.maxBodyBytes());
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = length >= 0 ? readKnown(in, (int) length) : in.readNBytes(config.maxBodyBytes() + 1);
        }
        catch (IOException exception) {
            throw new HttpProblem(400, "cannot read request body: " + exception.getMessage());
        }
        if (bytes.length > config.maxBodyBytes()) {
            throw new HttpProblem(413, "request body is larger than the limit of " + config.maxBodyBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new HttpProblem(400, "empty request body; expected JSON");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new HttpProblem(400, "empty request body; expected JSON");
            }
            return node;
        }
        catch (JsonProcessingException exception) {
            throw new HttpProblem(400, "malformed JSON: " + exception.getOriginalMessage());
        }
        catch (IOException exception) {
            throw new HttpProblem(400, "cannot read request body: " + exception.getMessage());
        }
    }

    /** Reads a body of announced length into an array of that size, then whatever else comes, up to the limit. */
    private byte[] readKnown(final InputStream in, final int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        int next = read == length ? in.read() : -1;
        if (next < 0) {
            return read == length ? bytes : java.util.Arrays.copyOf(bytes, read);
        }
        // more than announced: let the general path apply the limit to all of it
        byte[] rest = in.readNBytes(config.maxBodyBytes() - length);
        byte[] all = new byte[length + 1 + rest.length];
        System.arraycopy(bytes, 0, all, 0, length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return all;
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
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
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
    }
}
