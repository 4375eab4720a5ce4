package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
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
    /** Bodies this large (big batches) are answered on a pool thread, not holding up the selector's other connections. */
    private static final int LARGE_BODY = 16 * 1024;

    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ServingConfig config;
    private final ModelSlot slot;
    private final ServiceMetrics metrics;
    private final PredictEndpoint predict;
    private final FeedbackEndpoint feedback;
    private final AdminEndpoint admin;

    /** Loads the model a swap asks for; {@link ModelLoader#load} in the service. */
    @FunctionalInterface
    interface SwapLoader {
        ServedModel load(Path bundle, String name, String version);
    }

    PredictionHandler(final ServingConfig config, final ModelSlot slot, final SwapLoader loader) {
        this.config = config;
        this.slot = slot;
        FeedbackWindows windows = new FeedbackWindows(slot, config.feedbackWindow());
        PredictionLog log = new PredictionLog(100_000);
        this.metrics = new ServiceMetrics(slot, windows::current);
        this.predict = new PredictEndpoint(slot, config.maxBatch(), config.limits(), log);
        this.feedback = new FeedbackEndpoint(log, windows, metrics);
        this.admin = new AdminEndpoint(slot, loader, metrics, config.limits().swapTimeoutSeconds());
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
                return action.apply(RequestChecks.parse(body));
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
                RequestChecks.requireMethod(request, "POST");
                yield exchange.withBytes(false, body -> {
                    RequestChecks.requireToken(request, config.predictToken());
                    return predict.answer(body);
                });
            }
            case "/v1/feedback" -> {
                RequestChecks.requireMethod(request, "POST");
                yield exchange.withBody(
                        false, () -> RequestChecks.requireToken(request, config.predictToken()), feedback::answer);
            }
            case "/v1/health" -> {
                RequestChecks.requireMethod(request, "GET");
                yield Reply.json(
                        200,
                        Map.of(
                                "live",
                                true,
                                "ready",
                                slot.current() != null,
                                "model",
                                ModelDescription.identity(slot.current())));
            }
            case "/v1/model" -> {
                RequestChecks.requireMethod(request, "GET");
                yield Reply.json(200, ModelDescription.describe(slot.current()));
            }
            case "/metrics" -> {
                RequestChecks.requireMethod(request, "GET");
                yield new Reply(200, ServiceMetrics.contentType(), metrics.scrape());
            }
            case "/v1/admin/swap" -> {
                RequestChecks.requireMethod(request, "POST");
                yield exchange.withBody(
                        true, () -> RequestChecks.requireAdmin(request, config), json -> admin.swap(json, request));
            }
            case "/v1/admin/rollback" -> {
                RequestChecks.requireMethod(request, "POST");
                // never waits for a swap that is loading: it abandons it
                yield exchange.withBytes(true, body -> {
                    RequestChecks.requireAdmin(request, config);
                    return admin.rollback();
                });
            }
            default -> throw new HttpProblem(404, "no such endpoint: " + exchange.path);
        };
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
