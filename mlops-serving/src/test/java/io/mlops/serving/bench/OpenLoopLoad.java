package io.mlops.serving.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A minimal open-loop HTTP/1.1 load generator for the serving benchmark, run by
 * {@link ServingBenchmark} as a separate JVM so that its CPU is not counted as the server's.
 *
 * <p>Requests are due on a fixed schedule ({@code rate} per second) whatever the answers do: a due
 * request goes out on an idle keep-alive connection, or waits in a backlog until one is free, and its
 * latency is measured from the time it was <em>due</em>, not sent, so a slow server cannot hide its
 * queueing (no coordinated omission). One thread, one selector, raw NIO sockets, no pipelining.
 * Between due times the thread parks ({@code LockSupport.parkNanos}, about 50-80 µs resolution on
 * Linux), so a response may be noticed that much late: fine against a millisecond target.
 *
 * <p>Usage: {@code OpenLoopLoad host port path rate warmupSeconds seconds connections bodiesFile}
 * (one JSON body per line). Prints one line of {@code key=value} pairs, latencies in microseconds.
 */
public final class OpenLoopLoad {
    private static final long GRACE_NANOS = 5_000_000_000L;

    private OpenLoopLoad() {}

    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        long due = -1;
    }

    public static void main(final String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        double rate = Double.parseDouble(args[3]);
        long warmup = (long) (Double.parseDouble(args[4]) * 1e9);
        long measured = (long) (Double.parseDouble(args[5]) * 1e9);
        int connections = Integer.parseInt(args[6]);
        List<byte[]> requests = new ArrayList<>();
        for (String body : Files.readAllLines(Path.of(args[7]), StandardCharsets.UTF_8)) {
            if (body.isBlank()) {
                continue;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head8.length + bytes.length];
            System.arraycopy(head8, 0, request, 0, head8.length);
            System.arraycopy(bytes, 0, request, head8.length, bytes.length);
            requests.add(request);
        }

        Selector selector = Selector.open();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        for (int i = 0; i < connections; i++) {
            idle.add(open(host, port, selector));
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        long recordFrom = start + warmup;
        long end = recordFrom + measured;
        long next = start;
        long[] backlog = new long[1 << 20];
        int head = 0;
        int tail = 0;
        long ok = 0;
        long errors = 0;
        long scheduled = 0;
        long maxBacklog = 0;
        int busy = 0;
        int sent = 0;
        while (true) {
            long now = System.nanoTime();
            while (next <= now && next < end) {
                backlog[tail++ & (backlog.length - 1)] = next;
                if (next >= recordFrom) {
                    scheduled++;
                }
                next += interval;
            }
            maxBacklog = Math.max(maxBacklog, tail - head);
            while (head != tail && !idle.isEmpty()) {
                Connection c = idle.poll();
                c.due = backlog[head++ & (backlog.length - 1)];
                c.out = ByteBuffer.wrap(requests.get(sent++ % requests.size()));
                c.channel.write(c.out);
                if (c.out.hasRemaining()) {
                    c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
                busy++;
            }
            if (next >= end && head == tail && busy == 0) {
                break;
            }
            if (now > end + GRACE_NANOS) {
                break;
            }
            long wait = (next < end ? next : end + GRACE_NANOS) - System.nanoTime();
            int ready;
            if (wait > 1_000_000L) {
                ready = selector.select(wait / 1_000_000L);
            } else {
                ready = selector.selectNow();
                if (ready == 0 && wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (ready == 0) {
                continue;
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Connection c = (Connection) key.attachment();
                if (key.isValid() && key.isWritable()) {
                    c.channel.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (!key.isValid() || !key.isReadable()) {
                    continue;
                }
                int read;
                try {
                    read = c.channel.read(c.in);
                } catch (IOException exception) {
                    read = -1;
                }
                if (read < 0) {
                    // closed by the server: count what was in flight as an error and reconnect
                    key.cancel();
                    c.channel.close();
                    if (c.due >= 0) {
                        if (c.due >= recordFrom) {
                            errors++;
                        }
                        busy--;
                    } else {
                        idle.remove(c);
                    }
                    idle.add(open(host, port, selector));
                    continue;
                }
                int status = complete(c.in);
                if (status > 0) {
                    long done = System.nanoTime();
                    if (c.due >= recordFrom && c.due < end) {
                        if (status == 200) {
                            latency.recordValue(Math.max(0, (done - c.due) / 1000));
                            ok++;
                        } else {
                            errors++;
                        }
                    }
                    c.in.clear();
                    c.due = -1;
                    busy--;
                    idle.add(c);
                }
            }
        }
        long unanswered = scheduled - ok - errors;
        System.out.println(String.format(
                Locale.ROOT,
                "scheduled=%d ok=%d errors=%d unanswered=%d maxBacklog=%d p50us=%d p90us=%d p99us=%d p999us=%d maxus=%d",
                scheduled,
                ok,
                errors,
                unanswered,
                maxBacklog,
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(90),
                latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9),
                latency.getMaxValue()));
    }

    private static Connection open(final String host, final int port, final Selector selector) throws IOException {
        Connection c = new Connection();
        c.channel = SocketChannel.open(new InetSocketAddress(host, port));
        c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.channel.configureBlocking(false);
        c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
        return c;
    }

    /** @return the status of a complete response in the buffer (Content-Length framing), or 0 if incomplete */
    private static int complete(final ByteBuffer in) {
        byte[] bytes = in.array();
        int length = in.position();
        int headerEnd = -1;
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                headerEnd = i + 1;
                break;
            }
        }
        if (headerEnd < 0) {
            return 0;
        }
        String header = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
        int at = header.toLowerCase(Locale.ROOT).indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IllegalStateException("response without Content-Length: " + header);
        }
        int eol = header.indexOf('\r', at + 2);
        int contentLength = Integer.parseInt(header.substring(at + 17, eol).trim());
        if (length < headerEnd + contentLength) {
            return 0;
        }
        return Integer.parseInt(header.substring(9, 12));
    }
}
