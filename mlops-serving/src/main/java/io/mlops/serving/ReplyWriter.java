package io.mlops.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes prediction replies for one served model. Everything fixed per model (its identity, the class
 * names as JSON keys) is encoded once with Jackson; per request only the prediction id (letters, digits
 * and {@code -}), the label and the numbers are added. Numbers are written as Jackson's fast writer
 * writes them (Schubfach: the shortest decimal that reads back as the same double). The bytes are those
 * of a Jackson-written reply with the same fields in the same order; {@code ReplyWriterTest} checks it.
 */
final class ReplyWriter {
    private static final ObjectMapper JSON = Json.mapper();
    private static final byte[] ID = ascii(",\"id\":\"");
    private static final byte[] LABEL = ascii("\",\"label\":");
    private static final byte[] PROBABILITIES = ascii(",\"probabilities\":{");
    private static final byte[] PREDICTIONS = ascii(",\"predictions\":[");
    private static final int SCRATCH = 8192;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[SCRATCH]);

    private final ServedModel model;
    private final byte[] start;
    private final List<String> classes;
    private final byte[][] keys;
    private final byte[][] labels;

    /**
     * Prepares the writer of a model.
     *
     * @param model the model
     */
    ReplyWriter(final ServedModel model) {
        this.model = model;
        this.start = concat(ascii("{\"model\":"), encode(ModelDescription.identity(model)));
        this.classes = model.predictor().classes();
        this.keys = new byte[classes.size()][];
        this.labels = new byte[classes.size()][];
        for (int k = 0; k < classes.size(); k++) {
            labels[k] = encode(classes.get(k));
            keys[k] = concat(labels[k], ascii(":"));
        }
    }

    /** @return the model this writer belongs to */
    ServedModel model() {
        return model;
    }

    /**
     * Writes a reply.
     *
     * @param batch   whether the request was a batch (then the predictions are a list)
     * @param ids     the prediction ids
     * @param results the predictions, aligned with {@code ids}
     * @return the reply's bytes
     */
    byte[] write(final boolean batch, final String[] ids, final Predictor.Result[] results) {
        Out out = new Out(BUFFERS.get());
        out.put(start);
        if (batch) {
            out.put(PREDICTIONS);
            for (int i = 0; i < results.length; i++) {
                if (i > 0) {
                    out.put((byte) ',');
                }
                out.put((byte) '{');
                prediction(out, ids[i], results[i], true);
                out.put((byte) '}');
            }
            out.put((byte) ']');
        } else {
            prediction(out, ids[0], results[0], false);
        }
        out.put((byte) '}');
        // a large batch grows an array of its own; the thread's scratch array stays small
        return Arrays.copyOf(out.bytes, out.size);
    }

    private void prediction(final Out out, final String id, final Predictor.Result result, final boolean first) {
        if (first) {
            // inside an object of its own: no comma before the id
            out.put(ID, 1, ID.length - 1);
        } else {
            out.put(ID);
        }
        out.ascii(id);
        out.put(LABEL);
        out.put(label(result.label()));
        out.put(PROBABILITIES);
        double[] scores = result.scores();
        for (int k = 0; k < scores.length; k++) {
            if (k > 0) {
                out.put((byte) ',');
            }
            out.put(keys[k]);
            double score = scores[k];
            if (Double.isFinite(score)) {
                out.ascii(NumberOutput.toString(score, true));
            } else {
                // as Jackson writes non-finite numbers by default: quoted
                out.put((byte) '"');
                out.ascii(Double.toString(score));
                out.put((byte) '"');
            }
        }
        out.put((byte) '}');
    }

    private byte[] label(final String label) {
        for (int k = 0; k < labels.length; k++) {
            if (classes.get(k).equals(label)) {
                return labels[k];
            }
        }
        // not one of the model's classes (never expected): encoded on the spot
        return encode(label);
    }

    /**
     * Encodes a value as Jackson's UTF-8 generator does, the one that writes whole replies: unlike a
     * {@code String} written by Jackson and then turned into UTF-8, it escapes characters outside the Basic
     * Multilingual Plane (e.g. emoji) as a pair of escaped UTF-16 surrogates.
     */
    private static byte[] encode(final Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("strings and plain maps always encode", exception);
        }
    }

    private static byte[] concat(final byte[] first, final byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A growing byte array. */
    private static final class Out {
        private byte[] bytes;
        private int size;

        Out(final byte[] scratch) {
            this.bytes = scratch;
        }

        void put(final byte value) {
            ensure(1);
            bytes[size++] = value;
        }

        void put(final byte[] values) {
            put(values, 0, values.length);
        }

        void put(final byte[] values, final int from, final int length) {
            ensure(length);
            System.arraycopy(values, from, bytes, size, length);
            size += length;
        }

        /** Appends text known to be ASCII (ids, numbers). */
        void ascii(final String text) {
            int length = text.length();
            ensure(length);
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        private void ensure(final int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
