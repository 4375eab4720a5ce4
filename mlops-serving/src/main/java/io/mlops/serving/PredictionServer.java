package io.mlops.serving;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The prediction service: Jetty serving {@link PredictionHandler} on the configured address,
 * {@code 127.0.0.1} unless told otherwise.
 */
public final class PredictionServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final PredictionHandler handler;

    private PredictionServer(final Server server, final ServerConnector connector, final PredictionHandler handler) {
        this.server = server;
        this.connector = connector;
        this.handler = handler;
    }

    /**
     * Starts the service.
     *
     * @param config the configuration
     * @param model  the first model, loaded with {@link ModelLoader}
     * @return the running service
     * @throws Exception if the server cannot start (e.g. the port is taken)
     */
    public static PredictionServer start(final ServingConfig config, final ServedModel model) throws Exception {
        return start(config, model, new ModelLoader(config.driftWindow())::load);
    }

    /** Starts the service with another way to load the models of swaps (tests: a load that hangs). */
    static PredictionServer start(
            final ServingConfig config, final ServedModel model, final PredictionHandler.SwapLoader loader)
            throws Exception {
        Server server = jetty(config);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        PredictionHandler handler = new PredictionHandler(config, new ModelSlot(model), loader);
        server.setHandler(handler);
        server.setStopTimeout(5_000);
        server.start();
        return new PredictionServer(server, connector, handler);
    }

    /**
     * Creates the Jetty server with the service's thread pool and connector, not yet started and without a
     * handler; shared with the benchmark's constant-response server so that both run on the same stack.
     *
     * @param config the configuration (host and port)
     * @return the server, with one {@link ServerConnector}
     */
    static Server jetty(final ServingConfig config) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("mlops-serving");
        Server server = new Server(threads);
        ServiceLimits limits = config.limits();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // a client trickling its body is failed instead of holding a connection and a buffer for ever
        http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
        http.setIdleTimeout(limits.idleTimeoutMillis());
        // one selector per core: the handler computes on the selector threads, so they are the service's workers
        ServerConnector connector = new ServerConnector(
                server, 1, Runtime.getRuntime().availableProcessors(), new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        // a connection silent for this long is closed: also bounds a client sending its headers byte by byte
        connector.setIdleTimeout(limits.idleTimeoutMillis());
        server.addConnector(connector);
        // beyond this many connections Jetty stops accepting, so connections wait in the backlog rather than
        // exhausting the file descriptors
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        // Jetty's minimum data rate covers bodies; this covers headers sent a byte at a time
        server.addBean(new SlowHeaderGuard(connector, limits.minRequestBytesPerSecond()));
        return server;
    }

    /** @return the port the service listens on */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the address the service is bound to */
    public String host() {
        return connector.getHost();
    }

    /** @return the model slot, for in-process inspection */
    public ModelSlot slot() {
        return handler.slot();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
