package io.mlops.serving;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Applies the minimum request data rate to request headers as well: Jetty applies it to bodies only, so a client
 * sending its headers a byte at a time, each byte within the idle timeout, would hold its connection (and a file
 * descriptor) for ever. Twice a second, a connection in the middle of a request's headers that has received fewer
 * bytes since the headers began than the rate asks for is closed.
 */
final class SlowHeaderGuard extends AbstractLifeCycle implements Runnable {
    private static final long PERIOD_MILLIS = 500;
    /** Headers get this long before the rate is applied: a client may pause once, e.g. between TCP packets. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerConnector connector;
    private final long minBytesPerSecond;
    private final Map<EndPoint, HeaderStart> started = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    /** Where a request's headers began: the connection's request count, its bytes received so far and the time. */
    private record HeaderStart(long messages, long bytes, long nanos) {}

    /**
     * Creates the guard.
     *
     * @param connector         the connector whose connections are watched
     * @param minBytesPerSecond the minimum rate; 0 turns the guard off
     */
    SlowHeaderGuard(final ServerConnector connector, final long minBytesPerSecond) {
        this.connector = connector;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    protected void doStart() {
        if (minBytesPerSecond > 0) {
            schedule();
        }
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        started.clear();
    }

    private void schedule() {
        next = connector.getScheduler().schedule(this, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            sweep(System.nanoTime());
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }

    private void sweep(final long now) {
        Set<EndPoint> open = new HashSet<>(connector.getConnectedEndPoints());
        started.keySet().retainAll(open);
        for (EndPoint endPoint : open) {
            if (!(endPoint.getConnection() instanceof HttpConnection http)) {
                continue;
            }
            HttpParser parser = http.getParser();
            if (parser.isStart() || !parser.inHeaderState()) {
                // waiting for a request (the idle timeout applies) or past its headers (the body rate applies)
                started.remove(endPoint);
                continue;
            }
            HeaderStart start = started.get(endPoint);
            if (start == null || start.messages() != http.getMessagesIn()) {
                started.put(endPoint, new HeaderStart(http.getMessagesIn(), http.getBytesIn(), now));
                continue;
            }
            long nanos = now - start.nanos();
            long expected = minBytesPerSecond * nanos / TimeUnit.SECONDS.toNanos(1);
            if (nanos >= GRACE_NANOS && http.getBytesIn() - start.bytes() < expected) {
                started.remove(endPoint);
                endPoint.close();
            }
        }
    }
}
