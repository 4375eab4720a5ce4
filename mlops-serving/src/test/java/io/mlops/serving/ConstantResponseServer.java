package io.mlops.serving;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's baseline: the prediction service's own Jetty stack (same thread pool, connector and
 * HTTP configuration, from {@link PredictionServer#jetty}) with a handler that reads the request body
 * the same way and answers a fixed small JSON. Test scope: never shipped.
 */
public final class ConstantResponseServer implements AutoCloseable {
    private static final byte[] BODY = "{\"model\":{\"name\":\"constant\",\"version\":\"1\"},\"label\":\"c0\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final Server server;

    private ConstantResponseServer(final Server server) {
        this.server = server;
    }

    /**
     * Starts the server.
     *
     * @param config host and port (0 for a free port)
     * @return the running server
     * @throws Exception if it cannot start
     */
    public static ConstantResponseServer start(final ServingConfig config) throws Exception {
        Server server = PredictionServer.jetty(config);
        int limit = config.maxBodyBytes();
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(final Request request, final Response response, final Callback callback) {
                // read the whole body, as the service does, into an array of the announced size
                long length = request.getLength();
                try (InputStream in = Content.Source.asInputStream(request)) {
                    if (length >= 0 && length <= limit) {
                        in.readNBytes(new byte[(int) length], 0, (int) length);
                        in.read();
                    }
                    else {
                        in.readNBytes(limit + 1);
                    }
                }
                catch (IOException exception) {
                    Response.writeError(request, response, callback, 400);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(JSON_TYPE);
                response.write(true, ByteBuffer.wrap(BODY), callback);
                return true;
            }
        });
        server.setStopTimeout(5_000);
        server.start();
        return new ConstantResponseServer(server);
    }

    /** @return the port it listens on */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
