package io.mlops.contract.serving;

import io.mlops.contract.MlopsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the samples of a document in the Prometheus text exposition format (version 0.0.4), the format of the
 * service's {@code /metrics}: one sample per line, {@code name{label="value",...} value [timestamp]}, comments and
 * blank lines skipped. Label values may hold the escapes {@code \\}, {@code \"} and {@code \n}.
 *
 * <p>A line that is not a sample is an error naming its line number, so a wrong URL (an HTML page) is reported as
 * such, never read as "no metrics".</p>
 */
public final class PrometheusText {
    private PrometheusText() {}

    /**
     * One sample.
     *
     * @param name   the metric name with its suffix, e.g. {@code mlops_feedback_total}
     * @param labels the labels in document order
     * @param value  the value; may be {@code NaN} or infinite
     */
    public record Sample(String name, Map<String, String> labels, double value) {
        /** Creates a sample. */
        public Sample {
            Objects.requireNonNull(name, "name == null");
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /**
     * Parses a document.
     *
     * @param source where the text came from, for messages (e.g. the URL)
     * @param text   the document
     * @return the samples in document order
     * @throws MlopsException naming the source and line if a line is not a sample
     */
    public static List<Sample> parse(final String source, final String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(sample(line));
            } catch (IllegalArgumentException exception) {
                throw new MlopsException(source + " line " + (i + 1) + ": not a Prometheus sample ("
                        + exception.getMessage() + "): " + abbreviate(line));
            }
        }
        return samples;
    }

    private static Sample sample(final String line) {
        int position = 0;
        while (position < line.length() && isNameChar(line.charAt(position), position == 0)) {
            position++;
        }
        if (position == 0) {
            throw new IllegalArgumentException("expected a metric name");
        }
        String name = line.substring(0, position);
        Map<String, String> labels = new LinkedHashMap<>();
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels);
        }
        String[] rest = line.substring(position).strip().split("\\s+");
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("expected a value and an optional timestamp");
        }
        return new Sample(name, labels, value(rest[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the position after the closing brace. */
    private static int labels(final String line, final int start, final Map<String, String> labels) {
        int position = start;
        while (true) {
            position = skipSpaces(line, position);
            if (position < line.length() && line.charAt(position) == '}') {
                return position + 1;
            }
            int nameStart = position;
            while (position < line.length() && isNameChar(line.charAt(position), position == nameStart)) {
                position++;
            }
            if (position == nameStart) {
                throw new IllegalArgumentException("expected a label name at column " + (position + 1));
            }
            String label = line.substring(nameStart, position);
            position = skipSpaces(line, position);
            if (position + 1 >= line.length() || line.charAt(position) != '=' || line.charAt(position + 1) != '"') {
                throw new IllegalArgumentException("expected =\" after label " + label);
            }
            position += 2;
            StringBuilder value = new StringBuilder();
            while (position < line.length() && line.charAt(position) != '"') {
                char c = line.charAt(position);
                if (c == '\\' && position + 1 < line.length()) {
                    char escaped = line.charAt(++position);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                position++;
            }
            if (position >= line.length()) {
                throw new IllegalArgumentException("unterminated value of label " + label);
            }
            labels.put(label, value.toString());
            position = skipSpaces(line, position + 1);
            if (position < line.length() && line.charAt(position) == ',') {
                position++;
            }
        }
    }

    private static int skipSpaces(final String line, final int from) {
        int position = from;
        while (position < line.length() && line.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    private static boolean isNameChar(final char c, final boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }

    private static double value(final String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException exception) {
                    throw new IllegalArgumentException("value is not a number: " + text);
                }
            }
        };
    }

    private static String abbreviate(final String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
