package io.jenkins.plugins.mlops.launch;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Picks the line of an engine's output that best explains a failure: the last {@code mlops: ...} message of
 * the command, else the first line that reads like a JVM error (an exception, {@code Error: ...}). Kept with a
 * running step, so it survives a controller restart together with the read position of the log.
 */
public final class ErrorLine implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Errors of the JVM itself: a missing class, a wrong Java version, an uncaught exception, out of memory. */
    private static final Pattern JVM_ERROR = Pattern.compile(
            "^(Error:|Exception in thread|Caused by:|Terminating due to|[\\w.$]+(Exception|Error)\\b).*");

    private String message;
    private String fallback;
    private byte[] partial = new byte[0];

    /**
     * Looks at one line of output.
     *
     * @param line the line, without its line break
     */
    public synchronized void accept(String line) {
        if (line.startsWith("mlops:")) {
            message = line;
        } else if (fallback == null && JVM_ERROR.matcher(line).matches()) {
            fallback = line;
        }
    }

    /**
     * Returns the explaining line, including an unfinished last line.
     *
     * @return the line, or an empty string
     */
    public synchronized String get() {
        if (partial.length > 0) {
            accept(new String(partial, StandardCharsets.UTF_8));
            partial = new byte[0];
        }
        return message != null ? message : fallback != null ? fallback : "";
    }

    /**
     * Wraps a sink so that every byte written to it is also read here, line by line.
     *
     * @param sink where the output goes
     * @return the wrapping stream; closing it does not close the sink
     */
    public OutputStream tee(OutputStream sink) {
        return new FilterOutputStream(sink) {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            {
                line.writeBytes(partial);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                see(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                for (int i = off; i < off + len; i++) {
                    see(b[i]);
                }
            }

            private void see(int b) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                    line.reset();
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
                synchronized (ErrorLine.this) {
                    partial = line.toByteArray();
                }
            }
        };
    }
}
