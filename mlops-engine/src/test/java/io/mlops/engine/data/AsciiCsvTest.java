package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.MlopsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel path for plain ASCII files reads every file exactly as the general (FastCSV) path does. */
class AsciiCsvTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadEveryFileAsTheGeneralReaderDoes() throws Exception {
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            // small files (one thread) and a few over 1 MB (chunks on all cores)
            int rows = n % 50 == 0 ? 40_000 : random.nextInt(30);
            String text = file(random, rows);
            Path file = dir.resolve("f" + n + ".csv");
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(outcome(new TableReader(), file))
                    .as(text.length() > 2000 ? text.substring(0, 2000) : text)
                    .isEqualTo(outcome(new TableReader().withoutAsciiPath(), file));
        }
    }

    @Test
    void shouldLeaveOddQuotesAndOtherBytesToTheGeneralReader() {
        assertThat(AsciiCsv.read("a,b\nx\"y,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNull();
        assertThat(AsciiCsv.read("a,b\n\"x\"y,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNull();
        assertThat(AsciiCsv.read("a,b\n\"x,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNull();
        assertThat(AsciiCsv.read("a,b\n\"x\",1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNotNull();
        assertThat(AsciiCsv.read("a,b\nM\u00fcnchen,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNull();
        assertThat(AsciiCsv.read("a,b\rx,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNull();
        assertThat(AsciiCsv.read("a,b\nx,1\n".getBytes(StandardCharsets.UTF_8), ',', false))
                .isNotNull();
    }

    private static String file(final Random random, final int rows) {
        int columns = 1 + random.nextInt(5);
        boolean quotes = random.nextInt(3) == 0;
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        if (random.nextInt(20) == 0) {
            text.append(newline);
        }
        for (int c = 0; c < columns; c++) {
            text.append(c == 0 ? "" : ",")
                    .append(random.nextInt(30) == 0 ? " c" : "c")
                    .append(c);
        }
        text.append(newline);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(15) == 0) {
                text.append(newline);
            }
            int count = random.nextInt(200) == 0 ? columns + 1 - 2 * random.nextInt(2) : columns;
            for (int c = 0; c < count; c++) {
                text.append(c == 0 ? "" : ",");
                switch (random.nextInt(8)) {
                    case 0 -> {
                        // empty field
                    }
                    case 1 -> text.append(" x y ");
                    case 2 -> text.append(random.nextInt(1000));
                    case 3 -> text.append(NUMBER_FORMS[random.nextInt(NUMBER_FORMS.length)]);
                    case 4 -> text.append(quotes ? QUOTED[random.nextInt(QUOTED.length)] : "q");
                    default -> text.append(String.format(java.util.Locale.ROOT, "%.4f", random.nextGaussian()));
                }
            }
            if (r < rows - 1 || random.nextBoolean()) {
                text.append(newline);
            }
        }
        return text.toString();
    }

    /** Numbers that are kept as numbers and others kept as text, so that a column may turn to text anywhere. */
    private static final String[] NUMBER_FORMS = {
        "-0",
        "-0.0",
        "0.000",
        "007",
        "+5",
        "1e3",
        "1.",
        ".5",
        "123456789012345",
        "1234567890123456",
        "0.100000000000001",
        "-12.5000",
        "9.99999999999999",
        "1.0E-5",
        "NaN",
        " 7",
        "-",
        "12a"
    };

    /** Quoted fields, a few of them odd (a quote inside a field, text after the closing quote, a lone carriage return). */
    private static final String[] QUOTED = {
        "\"a,b\"",
        "\"say \"\"hi\"\"\"",
        "\"two\nlines\"",
        "\"\"",
        "\"12.5\"",
        "\"-3\"",
        "\"007\"",
        "x\"y",
        "\"a\"b",
        "\"crlf\r\nin\"",
        "\"lone\rcr\""
    };

    private static String outcome(final TableReader reader, final Path file) {
        try {
            Table table = reader.read(file);
            StringBuilder text = new StringBuilder(table.columns().toString());
            java.util.List<String[]> rows = table.rows();
            for (int r = 0; r < table.size(); r++) {
                text.append('\n').append(table.line(r)).append(java.util.Arrays.toString(rows.get(r)));
            }
            return text.toString();
        } catch (MlopsException exception) {
            return exception.getMessage();
        }
    }
}
