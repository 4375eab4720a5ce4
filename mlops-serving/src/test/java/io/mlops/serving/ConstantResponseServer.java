package io.mlops.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The benchmark's baseline: the prediction service's own Jetty stack (same thread pool, connector and
 * HTTP configuration, from {@link PredictionServer#jetty}) with a handler that reads the request body
 * the same way (without blocking, with {@link BodyReader}) and answers a fixed small JSON. Test scope: never shipped.
 */
public final class ConstantResponseServer implements AutoCloseable {
    private static final byte[] BODY =
            "{\"model\":{\"name\":\"constant\",\"version\":\"1\"},\"label\":\"c0\"}".getBytes(StandardCharsets.UTF_8);

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
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(final Request request, final Response response, final Callback callback) {
                // read the whole body as the service does, without blocking, into an array of the announced size
                BodyReader.read(request, limit, new BodyReader.Listener() {
                    @Override
                    public void body(final byte[] body) {
                        response.setStatus(200);
                        response.getHeaders().put(JSON_TYPE);
                        response.write(true, ByteBuffer.wrap(BODY), callback);
                    }

                    @Override
                    public void tooLarge() {
                        Response.writeError(request, response, callback, 413);
                    }

                    @Override
                    public void failed(final Throwable failure) {
                        Response.writeError(request, response, callback, 400);
                    }
                });
                return true;
            }
        });
        server.setStopTimeout(5_000);
        server.start();
        return new ConstantResponseServer(server);
    }

    /**
     * Runs the server in its own JVM, as the benchmark does: {@code --port-file FILE} receives the port once
     * it listens; it runs until the process is stopped.
     *
     * @param args {@code --port-file FILE}
     * @throws Exception if it cannot start
     */
    public static void main(final String[] args) throws Exception {
        if (args.length != 2 || !"--port-file".equals(args[0])) {
            System.err.println("usage: ConstantResponseServer --port-file FILE");
            System.exit(2);
        }
        ConstantResponseServer server = start(ServingConfig.defaults());
        io.mlops.engine.io.AtomicFiles.writeString(java.nio.file.Path.of(args[1]), Integer.toString(server.port()));
        server.server.join();
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
