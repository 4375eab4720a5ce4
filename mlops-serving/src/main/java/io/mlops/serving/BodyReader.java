package io.mlops.serving;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a whole request body into memory without blocking a thread, up to a limit. Jetty calls it
 * again when more bytes arrive; it never waits for them. A body that announces its length is read
 * into an array of exactly that size.
 */
final class BodyReader implements Runnable, Invocable {
    /** What becomes of the body. Called once, on the thread that read the last bytes. */
    interface Listener {
        /**
         * The whole body arrived.
         *
         * @param body its bytes
         */
        void body(byte[] body);

        /** The body is longer than the limit; the rest of it is not read. */
        void tooLarge();

        /**
         * Reading failed, e.g. the client went away.
         *
         * @param failure why
         */
        void failed(Throwable failure);
    }

    private final Request request;
    private final int limit;
    private final Listener listener;
    private byte[] bytes;
    private int size;

    private BodyReader(final Request request, final int limit, final Listener listener) {
        this.request = request;
        this.limit = limit;
        this.listener = listener;
        long length = request.getLength();
        this.bytes = new byte[length >= 0 && length <= limit ? (int) length : Math.min(limit, 4096)];
    }

    /**
     * Reads a request's body.
     *
     * @param request  the request
     * @param limit    the largest body accepted, in bytes
     * @param listener told once about the outcome
     */
    static void read(final Request request, final int limit, final Listener listener) {
        new BodyReader(request, limit, listener).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                listener.failed(chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            int count = buffer.remaining();
            if (count > limit - size) {
                chunk.release();
                listener.tooLarge();
                return;
            }
            if (size + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + count, bytes.length * 2)));
            }
            buffer.get(bytes, size, count);
            size += count;
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                listener.body(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                return;
            }
        }
    }

    @Override
    public InvocationType getInvocationType() {
        // the listeners only compute and answer; blocking work (loading a model) goes to the thread pool
        return InvocationType.NON_BLOCKING;
    }
}
