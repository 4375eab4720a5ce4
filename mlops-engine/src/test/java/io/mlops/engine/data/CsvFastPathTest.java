package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.engine.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV path (fields straight into a {@code String[]} per record, fast schema inference) gives exactly what
 * the former path over FastCSV's {@link CsvRecord} gave: same values, same line numbers, same errors.
 */
class CsvFastPathTest {
    @TempDir
    Path dir;

    private static final String[] TRICKY = {
        "a,b,label\n\"x, y\",1.5,p\n\"multi\nline\",\"2\",q\n\n,,r\n\"\"\"quoted\"\"\",NaN,s\n",
        "\uFEFFa,b,label\n1,2,x\n 3 , 4 ,y\n",
        "a,b,label\r\n1,,x\r\n,2,y\r\n\r\n5,6,z\r\n",
        "a,b,label\n12,5O,x\n1e3,-.5,y\n+7,Infinity,z\n",
        "a,b,label\n\"1\n2\n3\",\"\",x\n4,5,\"y\"\n",
        "a,b,label\n1,2,x\n1,2\n",
        "a,b,label\n1,2,x\n1,2,3,4\n",
        "a,b,label\n1,2,x",
        "a,b,label\n1,2,\n3,4,   \n",
    };

    /** The former reading of a CSV file: FastCSV records, copied field by field. */
    private static Table referenceRead(final Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> header = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true)
                .ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = new ArrayList<>(record.getFields());
                    header.set(0, header.get(0).strip().replace("\uFEFF", ""));
                    for (int i = 1; i < header.size(); i++) {
                        header.set(i, header.get(i).strip());
                    }
                    continue;
                }
                if (record.getFieldCount() != header.size()) {
                    throw MlopsException.atLine(
                            file,
                            record.getStartingLineNumber(),
                            String.format(
                                    "malformed CSV line: expected %d fields as in the header, found %d",
                                    header.size(), record.getFieldCount()));
                }
                rows.add(record.getFields().toArray(new String[0]));
                lines.add(record.getStartingLineNumber());
            }
        }
        return new Table(
                file, header, rows, lines.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void shouldReadTrickyCsvExactlyAsTheFormerPath() throws Exception {
        for (int i = 0; i < TRICKY.length; i++) {
            Path file = TestData.write(dir.resolve("t" + i + ".csv"), TRICKY[i]);
            Table expected;
            try {
                expected = referenceRead(file);
            } catch (MlopsException exception) {
                assertThatThrownBy(() -> new TableReader().read(file)).hasMessage(exception.getMessage());
                continue;
            }
            Table actual = new TableReader().read(file);
            assertSame(actual, expected);
            assertSameOutcome(actual, expected, "b");
        }
    }

    @Test
    void shouldReadRandomCsvExactlyAsTheFormerPath() throws Exception {
        Random random = new Random(7);
        String[] cells = {"", "1", "-2.50", "NaN", "12,5O", "\"q,\"\"x\"\"\"", "\"a\nb\"", " 3 ", "1e-3", "+.5", "inf"};
        for (int n = 0; n < 20; n++) {
            StringBuilder csv = new StringBuilder("c1,c2,c3,label\n");
            for (int row = 0; row < 50; row++) {
                for (int c = 0; c < 3; c++) {
                    csv.append(cells[random.nextInt(n < 10 ? 3 : cells.length)]).append(',');
                }
                csv.append("k").append(random.nextInt(3)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            Path file = TestData.write(dir.resolve("r" + n + ".csv"), csv.toString());
            Table expected;
            try {
                expected = referenceRead(file);
            } catch (MlopsException exception) {
                // an unquoted "12,5O" makes a row with one field too many
                assertThatThrownBy(() -> new TableReader().read(file)).hasMessage(exception.getMessage());
                continue;
            }
            Table actual = new TableReader().read(file);
            assertSame(actual, expected);
            for (String column : List.of("c1", "c2", "c3")) {
                assertSameOutcome(actual, expected, column);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5O", "NaN", "nan", "-Infinity", "1.5f", "0x10", " 1 2 "})
    void shouldReportBadNumbersWithFileLineAndValue(final String value) {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int row = 0; row < 30; row++) {
            csv.append(row).append(',').append(row).append(".25,x\n");
        }
        csv.append("\"multi\nline\",3,y\n");
        csv.append("7,\"").append(value).append("\",y\n");
        Path file = TestData.write(dir.resolve("bad.csv"), csv.toString());
        Table table = new TableReader().read(file);
        DataSchema schema = new DataSchema(
                "label", List.of(new ColumnSpec("a", ColumnType.CATEGORICAL), new ColumnSpec("b", ColumnType.NUMERIC)));
        String expected = value.strip().equals("12,5O")
                        || value.strip().equals("1.5f")
                        || value.strip().equals("0x10")
                        || value.strip().equals("1 2")
                ? "is not a number"
                : "is not a finite number";
        assertThatThrownBy(() -> TypedData.of(table, schema))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + " line 34: column 'b' " + expected + ": \"" + value + "\"");
    }

    @Test
    void shouldInferLikeTheFormerSampling() {
        // numeric by the fast path, by the full parser, by non-finite values, and just below the 95 % share
        StringBuilder csv = new StringBuilder("plain,exp,nonfinite,mostly,words,label\n");
        for (int row = 0; row < 100; row++) {
            csv.append(row)
                    .append(".5,")
                    .append(row)
                    .append("e-2,")
                    .append(row % 2 == 0 ? "NaN" : "1")
                    .append(',')
                    .append(row < 6 ? "x" : "1")
                    .append(",the quick brown fox ")
                    .append(row)
                    .append(",l\n");
        }
        Path file = TestData.write(dir.resolve("infer.csv"), csv.toString());
        DataSchema schema = new SchemaInference().infer(new TableReader().read(file), "label", Map.of(), Set.of());
        assertThat(schema.features())
                .containsExactly(
                        new ColumnSpec("plain", ColumnType.NUMERIC),
                        new ColumnSpec("exp", ColumnType.NUMERIC),
                        new ColumnSpec("nonfinite", ColumnType.NUMERIC),
                        new ColumnSpec("mostly", ColumnType.CATEGORICAL),
                        new ColumnSpec("words", ColumnType.TEXT));
    }

    private static void assertSame(final Table actual, final Table expected) {
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.lines()).isEqualTo(expected.lines());
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.rows()).containsExactlyElementsOf(expected.rows());
    }

    /** Inference, typing and errors are the same on both tables. */
    private static void assertSameOutcome(final Table actual, final Table expected, final String column) {
        String label = actual.columns().get(actual.columns().size() - 1);
        String outcome = outcome(actual, label, column);
        assertThat(outcome).isEqualTo(outcome(expected, label, column));
    }

    private static String outcome(final Table table, final String label, final String column) {
        try {
            DataSchema inferred = new SchemaInference().infer(table, label, Map.of(), Set.of());
            DataSchema numeric = new DataSchema(label, List.of(new ColumnSpec(column, ColumnType.NUMERIC)));
            TypedData data = TypedData.of(table, numeric);
            StringBuilder out = new StringBuilder(inferred.toString());
            for (int row = 0; row < data.size(); row++) {
                out.append(' ').append(data.number(0, row)).append('/').append(data.label(row));
            }
            return out.toString();
        } catch (MlopsException exception) {
            return "error: " + exception.getMessage();
        }
    }
}
