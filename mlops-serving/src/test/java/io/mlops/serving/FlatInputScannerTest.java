package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FlatInputScanner} is invisible: for every body, {@link InputReader#read} (the scanner first) gives what
 * {@link InputReader#readWithJackson} gives, instance values, problems and errors alike; and it does read the
 * usual flat bodies itself rather than giving up on them.
 */
class FlatInputScannerTest {
    private static final List<ColumnSpec> FEATURES = List.of(
            new ColumnSpec("f1", ColumnType.NUMERIC),
            new ColumnSpec("f2", ColumnType.NUMERIC),
            new ColumnSpec("größe", ColumnType.NUMERIC),
            new ColumnSpec("amount", ColumnType.NUMERIC),
            new ColumnSpec("country", ColumnType.CATEGORICAL),
            new ColumnSpec("note", ColumnType.TEXT));
    private static final String[] NUMBERS = {
        "0",
        "-0",
        "1",
        "-1",
        "12.5",
        "-0.0",
        "1e3",
        "1E-3",
        "2.5e+2",
        "123456789012345678901234567890",
        "0.1",
        "3.141592653589793",
        "4.9e-324",
        "1.7976931348623157e308",
        "1e400",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "--1",
        "1.2.3",
        "0x10",
        "NaN",
        "Infinity",
        "1_000"
    };
    private static final String[] STRINGS = {
        "\"DE\"",
        "\"\"",
        "\"Taxi zum Flughafen\"",
        "\"caf\\u00e9\"",
        "\"Größe\"",
        "\"tab\\tin\"",
        "\"quote \\\" in\"",
        "\"raw\ttab\"",
        "\"a/b\"",
        "\"Müller GmbH, Düsseldorf\"",
        "\"Café € 3\"",
        "\"東京 タクシー\"",
        "\"emoji \uD83D\uDE95 taxi\"",
        "\"ß\"",
        // escapes: every kind, a surrogate pair, a lone surrogate, escapes next to non-ASCII text, and faults
        "\"\\\\ \\/ \\b\\f\\n\\r\\t\"",
        "\"\\uD83D\\uDE95\"",
        "\"lone \\uDE95\"",
        "\"Stra\\u00DFe Größe\\\"\"",
        "\"\\u00e9ß\\u00E9\"",
        "\"bad \\x\"",
        "\"bad \\'\"",
        "\"short \\u00e\"",
        "\"hex \\u00g0\"",
        "\"end \\"
    };
    /** Byte sequences that are not strictly valid UTF-8, put into bodies by {@link #mutate}. */
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xC3},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xFF}
    };

    private static final String[] OTHERS = {"null", "true", "false", "[]", "[1,2]", "{}", "{\"a\":1}", "nul", "nulls"};

    private final InputReader reader = new InputReader(FEATURES);

    @Test
    void shouldReadTheUsualFlatBodiesItself() {
        FlatInputScanner scanner = new FlatInputScanner(FEATURES);
        String body = "{\"f1\":1.5,\"f2\":-2,\"größe\":3e2,\"amount\":null,\"country\":\"DE\",\"note\":\"Taxi\"}";

        Instance instance = scanner.scan(body.getBytes(StandardCharsets.UTF_8));

        assertThat(instance).isNotNull();
        assertThat(instance.number(0)).isEqualTo(1.5);
        assertThat(instance.number(1)).isEqualTo(-2.0);
        assertThat(instance.number(2)).isEqualTo(300.0);
        assertThat(instance.isPresent(3)).isTrue();
        assertThat(instance.number(3)).isNaN();
        assertThat(instance.string(4)).isEqualTo("DE");
        assertThat(instance.string(5)).isEqualTo("Taxi");
        assertThat(scanner.scan(" {\n\"f2\" : 7 ,\t\"f1\":0 } ".getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"instances\":[{\"f1\":1}]}",
                "{\"f1\":1,\"f1\":2}",
                "{\"f1\":\"1\"}",
                "{\"other\":1}",
                "{\"f1\":1} x",
                "[1]",
                "{\"f1\":1e400}",
                "{\"f\\u0031\":1}",
                "\uFEFF{\"f1\":1}",
                "{\"f1\":01}",
                "{\"f1\":1,}",
                "{,}",
                "{\"f1\":1"
            })
    void shouldLeaveEverythingElseToJackson(final String body) {
        assertThat(new FlatInputScanner(FEATURES).scan(body.getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void shouldReadEscapedStringsItselfAsJacksonDoes() throws Exception {
        FlatInputScanner scanner = new FlatInputScanner(FEATURES);
        String body = "{\"country\":\"caf\\u00e9 \\\"Bauer & Partner\\\"\",\"note\":\"a\\\\b\\/c\\n\\ud83d\\ude95ß\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        Instance instance = scanner.scan(bytes);

        assertThat(instance).isNotNull();
        assertThat(instance.string(4)).isEqualTo("café \"Bauer & Partner\"");
        assertThat(instance.string(5)).isEqualTo("a\\b/c\n\uD83D\uDE95ß");
        assertThat(outcome(() -> reader.read(bytes, 10))).isEqualTo(outcome(() -> reader.readWithJackson(bytes, 10)));
        for (String faulty : List.of("\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"a\\\"", "\"\\u00e9\t\"")) {
            assertThat(scanner.scan(("{\"note\":" + faulty + "}").getBytes(StandardCharsets.UTF_8)))
                    .as(faulty)
                    .isNull();
        }
    }

    @Test
    void shouldReadNonAsciiStringsItself() {
        FlatInputScanner scanner = new FlatInputScanner(FEATURES);
        String body = "{\"größe\":2,\"country\":\"Österreich\",\"note\":\"Taxi \uD83D\uDE95 zum Flughafen, 東京\"}";

        Instance instance = scanner.scan(body.getBytes(StandardCharsets.UTF_8));

        assertThat(instance).isNotNull();
        assertThat(instance.number(2)).isEqualTo(2.0);
        assertThat(instance.string(4)).isEqualTo("Österreich");
        assertThat(instance.string(5)).isEqualTo("Taxi \uD83D\uDE95 zum Flughafen, 東京");
    }

    @Test
    void shouldLeaveInvalidUtf8ToJackson() throws Exception {
        for (byte[] invalid : INVALID_UTF8) {
            byte[] bytes = withInvalid("{\"note\":\"ab", invalid, "cd\"}");

            assertThat(new FlatInputScanner(FEATURES).scan(bytes))
                    .as(java.util.HexFormat.of().formatHex(invalid))
                    .isNull();
            assertThat(outcome(() -> reader.read(bytes, 10)))
                    .isEqualTo(outcome(() -> reader.readWithJackson(bytes, 10)));
        }
    }

    @Test
    void shouldAcceptExactlyTheStrictlyValidUtf8() {
        // every 1- to 3-byte sequence and the 4-byte ones around the edges, against the JDK's strict decoder
        byte[] buffer = new byte[4];
        for (int b0 = 0x80; b0 <= 0xFF; b0++) {
            for (int b1 = 0; b1 <= 0xFF; b1++) {
                buffer[0] = (byte) b0;
                buffer[1] = (byte) b1;
                assertThat(Utf8.isValid(buffer, 0, 2)).isEqualTo(jdkValid(buffer, 2));
                for (int b2 : new int[] {0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
                    buffer[2] = (byte) b2;
                    assertThat(Utf8.isValid(buffer, 0, 3)).isEqualTo(jdkValid(buffer, 3));
                    buffer[3] = (byte) 0x80;
                    assertThat(Utf8.isValid(buffer, 0, 4)).isEqualTo(jdkValid(buffer, 4));
                }
            }
        }
    }

    private static boolean jdkValid(final byte[] bytes, final int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException exception) {
            return false;
        }
    }

    private static byte[] withInvalid(final String before, final byte[] invalid, final String after) {
        byte[] start = before.getBytes(StandardCharsets.UTF_8);
        byte[] end = after.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + invalid.length + end.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy(invalid, 0, bytes, start.length, invalid.length);
        System.arraycopy(end, 0, bytes, start.length + invalid.length, end.length);
        return bytes;
    }

    @Test
    void shouldReadEveryBodyAsJacksonDoes() throws Exception {
        Random random = new Random(42);
        int scanned = 0;
        int nonAscii = 0;
        for (int n = 0; n < 20_000; n++) {
            String body = body(random);
            byte[] bytes = mutate(body.getBytes(StandardCharsets.UTF_8), random);
            if (new FlatInputScanner(FEATURES).scan(bytes) != null) {
                scanned++;
                nonAscii += body.replace("größe", "").chars().anyMatch(c -> c > 0x7F) ? 1 : 0;
            }
            assertThat(outcome(() -> reader.read(bytes, 10)))
                    .as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(outcome(() -> reader.readWithJackson(bytes, 10)));
        }
        // most generated bodies carry some oddity; enough must be plain for the comparison to cover the scanner
        assertThat(scanned).isGreaterThan(1_000);
        assertThat(nonAscii).isGreaterThan(300);
    }

    /** Sometimes puts a sequence that is not valid UTF-8 somewhere into the body. */
    private static byte[] mutate(final byte[] body, final Random random) {
        if (random.nextInt(10) != 0) {
            return body;
        }
        int at = random.nextInt(body.length + 1);
        byte[] invalid = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
        byte[] mutated = new byte[body.length + invalid.length];
        System.arraycopy(body, 0, mutated, 0, at);
        System.arraycopy(invalid, 0, mutated, at, invalid.length);
        System.arraycopy(body, at, mutated, at + invalid.length, body.length - at);
        return mutated;
    }

    /** A random body: usually a flat object of known fields, sometimes with a fault or an oddity. */
    private static String body(final Random random) {
        StringBuilder body = new StringBuilder(random.nextInt(20) == 0 ? " " : "").append('{');
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < FEATURES.size(); f++) {
            if (random.nextInt(12) != 0) {
                order.add(f);
            }
        }
        if (random.nextInt(4) == 0) {
            java.util.Collections.shuffle(order, random);
        }
        if (random.nextInt(15) == 0 && !order.isEmpty()) {
            order.add(order.get(0));
        }
        String separator = random.nextInt(10) == 0 ? ", " : ",";
        for (int k = 0; k < order.size(); k++) {
            ColumnSpec spec = FEATURES.get(order.get(k));
            body.append(k == 0 ? "" : separator)
                    .append('"')
                    .append(random.nextInt(40) == 0 ? "unknown" : spec.name())
                    .append(random.nextInt(10) == 0 ? "\" : " : "\":")
                    .append(value(spec, random));
        }
        body.append('}');
        switch (random.nextInt(40)) {
            case 0 -> body.append(" x");
            case 1 -> body.setLength(body.length() - 1);
            case 2 -> body.append("\n");
            case 3 -> body.insert(0, "{\"instances\":[").append("]}");
            default -> {
                // as it is
            }
        }
        return body.toString();
    }

    private static String value(final ColumnSpec spec, final Random random) {
        int pick = random.nextInt(20);
        if (pick == 0) {
            return OTHERS[random.nextInt(OTHERS.length)];
        }
        boolean numeric = spec.type() == ColumnType.NUMERIC;
        if (pick == 1) {
            numeric = !numeric;
        }
        if (!numeric) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        if (pick < 5) {
            return NUMBERS[random.nextInt(NUMBERS.length)];
        }
        double value = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4);
        return switch (random.nextInt(3)) {
            case 0 -> Double.toString(value);
            case 1 -> String.format(Locale.ROOT, "%.4f", value);
            default -> Long.toString(Math.round(value));
        };
    }

    @FunctionalInterface
    private interface Read {
        InputReader.Inputs read() throws PredictionHandler.HttpProblem;
    }

    /** What a read gives, as text: the error, or every instance's values, presence and problems. */
    private static String outcome(final Read read) {
        InputReader.Inputs inputs;
        try {
            inputs = read.read();
        } catch (PredictionHandler.HttpProblem problem) {
            return problem.status() + " " + problem.getMessage();
        }
        StringBuilder text = new StringBuilder("batch=").append(inputs.batch());
        for (Instance instance : inputs.instances()) {
            text.append("\n object=")
                    .append(instance.isObject())
                    .append(" problems=")
                    .append(instance.problems());
            for (int f = 0; f < FEATURES.size(); f++) {
                text.append(' ')
                        .append(instance.isPresent(f))
                        .append(':')
                        .append(Double.doubleToLongBits(instance.number(f)))
                        .append(':')
                        .append(instance.string(f));
            }
        }
        return text.toString();
    }
}
