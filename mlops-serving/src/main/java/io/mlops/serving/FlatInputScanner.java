package io.mlops.serving;

import ch.randelshofer.fastdoubleparser.JsonDoubleParser;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the usual prediction body straight from its bytes: one flat JSON object whose fields are all
 * features of the model, each once, with numbers (parsed by FastDoubleParser's JSON number parser),
 * {@code null}s, and strings without escapes in strictly valid UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). For anything else (a batch, an unknown or repeated field, a wrong type,
 * an escape, a byte sequence that is not valid UTF-8, a malformed body) it gives up, and
 * {@link InputReader} reads the body with Jackson, which also words every error. Where it does not give up,
 * its instance is the one Jackson's path reads; {@code FlatInputScannerTest} compares the two on many bodies.
 */
final class FlatInputScanner {
    /** Longer numbers are left to Jackson, which limits their length. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final byte[][] names;
    private final boolean[] numeric;

    FlatInputScanner(final List<ColumnSpec> features) {
        this.names = new byte[features.size()][];
        this.numeric = new boolean[features.size()];
        for (int f = 0; f < names.length; f++) {
            names[f] = features.get(f).name().getBytes(StandardCharsets.UTF_8);
            numeric[f] = features.get(f).type() == ColumnType.NUMERIC;
        }
    }

    /**
     * Reads a body if it is the simple case.
     *
     * @param body the request body
     * @return the instance, or {@code null} if the body is anything else
     */
    Instance scan(final byte[] body) {
        int end = body.length;
        int i = space(body, 0);
        if (i >= end || body[i] != '{') {
            return null;
        }
        Instance instance = Instance.object(names.length);
        i = space(body, i + 1);
        if (i < end && body[i] == '}') {
            return space(body, i + 1) == end ? instance : null;
        }
        while (i < end && body[i] == '"') {
            int nameEnd = plainString(body, i + 1, false);
            if (nameEnd < 0) {
                return null;
            }
            int f = feature(body, i + 1, nameEnd, instance.nextPosition());
            if (f < 0 || instance.isPresent(f)) {
                return null;
            }
            i = space(body, nameEnd + 1);
            if (i >= end || body[i] != ':') {
                return null;
            }
            i = space(body, i + 1);
            i = value(body, i, f, instance);
            if (i < 0) {
                return null;
            }
            i = space(body, i);
            if (i < end && body[i] == ',') {
                i = space(body, i + 1);
            } else if (i < end && body[i] == '}') {
                return space(body, i + 1) == end ? instance : null;
            } else {
                return null;
            }
        }
        return null;
    }

    /** Reads the value of feature {@code f} at {@code i}; returns the position after it, or -1 to give up. */
    private int value(final byte[] body, final int i, final int f, final Instance instance) {
        if (i >= body.length) {
            return -1;
        }
        byte first = body[i];
        if (first == 'n') {
            if (i + 4 <= body.length && body[i + 1] == 'u' && body[i + 2] == 'l' && body[i + 3] == 'l') {
                instance.noValue(f);
                return i + 4;
            }
            return -1;
        }
        if (first == '"') {
            if (numeric[f]) {
                return -1;
            }
            int stringEnd = plainString(body, i + 1, false);
            if (stringEnd < 0) {
                return escapedString(body, i + 1, f, instance);
            }
            int ascii = i + 1;
            while (ascii < stringEnd && body[ascii] >= 0) {
                ascii++;
            }
            if (ascii == stringEnd) {
                instance.string(f, new String(body, i + 1, stringEnd - i - 1, StandardCharsets.ISO_8859_1));
            } else if (Utf8.isValid(body, ascii, stringEnd)) {
                instance.string(f, new String(body, i + 1, stringEnd - i - 1, StandardCharsets.UTF_8));
            } else {
                return -1;
            }
            return stringEnd + 1;
        }
        if (!numeric[f] || first != '-' && (first < '0' || first > '9')) {
            return -1;
        }
        int numberEnd = numberEnd(body, i);
        if (numberEnd < 0 || numberEnd - i > MAX_NUMBER_LENGTH) {
            return -1;
        }
        boolean integer = true;
        for (int c = i; c < numberEnd; c++) {
            integer &= body[c] != '.' && body[c] != 'e' && body[c] != 'E';
        }
        double value;
        try {
            value = JsonDoubleParser.parseDouble(body, i, numberEnd - i);
        } catch (NumberFormatException exception) {
            return -1;
        }
        if (!Double.isFinite(value)) {
            return -1;
        }
        // Jackson reads "-0" as the integer 0
        instance.number(f, integer && value == 0 ? 0.0 : value);
        return numberEnd;
    }

    /**
     * The end of a JSON number at {@code from}: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?};
     * -1 if there is none (the number parser alone would accept more, e.g. {@code 01} and {@code 1.}).
     */
    private static int numberEnd(final byte[] body, final int from) {
        int i = from;
        if (i < body.length && body[i] == '-') {
            i++;
        }
        if (i < body.length && body[i] == '0') {
            i++;
        } else if (i < body.length && body[i] >= '1' && body[i] <= '9') {
            i = digits(body, i);
        } else {
            return -1;
        }
        if (i < body.length && body[i] == '.') {
            int fraction = digits(body, i + 1);
            if (fraction == i + 1) {
                return -1;
            }
            i = fraction;
        }
        if (i < body.length && (body[i] == 'e' || body[i] == 'E')) {
            i++;
            if (i < body.length && (body[i] == '+' || body[i] == '-')) {
                i++;
            }
            int exponent = digits(body, i);
            if (exponent == i) {
                return -1;
            }
            i = exponent;
        }
        return i;
    }

    /**
     * Reads a string value with escapes that starts at {@code from} (after its opening quote), as Jackson reads
     * it: the escapes of RFC 8259 only, a {@code u} escape taken as the UTF-16 unit its four hex digits name (a
     * lone surrogate too), the text between escapes strictly valid UTF-8. Returns the position after the closing quote, or -1
     * to give up (Jackson then words the error).
     */
    private static int escapedString(final byte[] body, final int from, final int f, final Instance instance) {
        StringBuilder text = new StringBuilder();
        int segment = from;
        int i = from;
        while (i < body.length) {
            byte c = body[i];
            if (c >= 0 && c < 0x20) {
                return -1;
            }
            if (c != '"' && c != '\\') {
                i++;
                continue;
            }
            if (!appendUtf8(body, segment, i, text)) {
                return -1;
            }
            if (c == '"') {
                instance.string(f, text.toString());
                return i + 1;
            }
            if (i + 1 >= body.length) {
                return -1;
            }
            int next = i + 2;
            switch (body[i + 1]) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (i + 6 > body.length) {
                        return -1;
                    }
                    int unit = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int digit = Character.digit(body[k], 16);
                        if (digit < 0) {
                            return -1;
                        }
                        unit = unit << 4 | digit;
                    }
                    text.append((char) unit);
                    next = i + 6;
                }
                default -> {
                    return -1;
                }
            }
            i = next;
            segment = next;
        }
        return -1;
    }

    /** Appends the bytes as text if they are strictly valid UTF-8; {@code false} if they are not. */
    private static boolean appendUtf8(final byte[] body, final int from, final int to, final StringBuilder text) {
        int ascii = from;
        while (ascii < to && body[ascii] >= 0) {
            ascii++;
        }
        if (ascii < to && !Utf8.isValid(body, ascii, to)) {
            return false;
        }
        text.append(new String(body, from, to - from, StandardCharsets.UTF_8));
        return true;
    }

    private static int digits(final byte[] body, final int from) {
        int i = from;
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Finds the closing quote of a string without escapes or control characters (and, if asked, of ASCII
     * only) that starts at {@code from}; -1 if there is none. Bytes of multi-byte UTF-8 characters are never
     * a quote, a backslash or a control character, so the quote found is the string's end.
     */
    private static int plainString(final byte[] body, final int from, final boolean asciiOnly) {
        for (int i = from; i < body.length; i++) {
            byte c = body[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c >= 0 && c < 0x20 || asciiOnly && c < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The feature named by the bytes, trying the position after the previous field's first; -1 if none. */
    private int feature(final byte[] body, final int from, final int to, final int guess) {
        if (guess < names.length && named(body, from, to, names[guess])) {
            return guess;
        }
        for (int f = 0; f < names.length; f++) {
            if (f != guess && named(body, from, to, names[f])) {
                return f;
            }
        }
        return -1;
    }

    private static boolean named(final byte[] body, final int from, final int to, final byte[] name) {
        return to - from == name.length && java.util.Arrays.equals(body, from, to, name, 0, name.length);
    }

    private static int space(final byte[] body, final int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }
}
