package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.engine.TestData;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables keep numbers as numbers read straight from the file's bytes, and give every value's text back exactly. */
class TypedColumnsTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepNumbersAsDoublesAndMissingValuesAsNaN() {
        Path file = TestData.write(dir.resolve("t.csv"), "x,y,label\n1.5,-0.25,a\n,7,b\n-0,0.000,a\r\n\n12,,b\n");
        Table table = new TableReader().read(file);

        Column.Decimals x = (Column.Decimals) table.column(0);
        Column.Decimals y = (Column.Decimals) table.column(1);
        assertThat(x.values()).containsExactly(1.5, Double.NaN, -0.0, 12.0);
        assertThat(y.values()).containsExactly(-0.25, 7.0, 0.0, Double.NaN);
        assertThat(table.value(2, 0)).isEqualTo("-0");
        assertThat(table.value(2, 1)).isEqualTo("0.000");
        assertThat(table.value(1, 0)).isNull();
        assertThat(table.value(3, 1)).isNull();
        assertThat(table.column(2)).isInstanceOf(Column.Texts.class);
        assertThat(table.lines()).containsExactly(2, 3, 4, 6);
    }

    @Test
    void shouldKeepTheExactTextOfColumnsThatAreNotAllCanonicalNumbers() {
        Path file = TestData.write(dir.resolve("t.csv"), "zip,e,label\n01234,1e3,a\n80331,2,b\n+5,10.50,a\n");
        Table table = new TableReader().read(file);

        assertThat(table.column(0)).isInstanceOf(Column.Texts.class);
        assertThat(table.column(1)).isInstanceOf(Column.Texts.class);
        assertThat(table.value(0, 0)).isEqualTo("01234");
        assertThat(table.value(2, 0)).isEqualTo("+5");
        assertThat(table.value(0, 1)).isEqualTo("1e3");
        assertThat(table.value(2, 1)).isEqualTo("10.50");
    }

    @Test
    void shouldTurnAColumnToTextInALateChunkAndGiveBackTheEarlierNumbersExactly() {
        // over 1 MB: read in chunks on all cores; the last row makes column v text
        StringBuilder csv = new StringBuilder("v,w,label\n");
        int rows = 60_000;
        for (int r = 0; r < rows; r++) {
            csv.append(String.format(Locale.ROOT, "%d.%02d,%d,c%d%n", r - 30_000, r % 100, r, r % 3));
        }
        csv.append("n/a,1,c0\n");
        Path file = TestData.write(dir.resolve("late.csv"), csv.toString());
        Table table = new TableReader().read(file);

        assertThat(table.size()).isEqualTo(rows + 1);
        assertThat(table.column(0)).isInstanceOf(Column.Texts.class);
        assertThat(table.value(0, 0)).isEqualTo("-30000.00");
        assertThat(table.value(29_999, 0)).isEqualTo("-1.99");
        assertThat(table.value(30_001, 0)).isEqualTo("1.01");
        assertThat(table.value(rows, 0)).isEqualTo("n/a");
        Column.Decimals w = (Column.Decimals) table.column(1);
        assertThat(w.values()[59_999]).isEqualTo(59_999.0);
        assertThat(table.line(rows)).isEqualTo(rows + 2);
    }

    @Test
    void shouldReadDecimalCommasAsNumbersOnTheByteLevel() {
        Path file = TestData.write(dir.resolve("de.csv"), "betrag;menge;label\n1,5;3;a\n-0,25;;b\n+3,5;4;a\n");
        Consumer<String> notes = note -> {};
        Table table = new TableReader(CsvFormat.DETECT, notes).read(file);

        assertThat(table.column(0)).isInstanceOf(Column.Texts.class);
        assertThat(table.value(0, 0)).isEqualTo("1.5");
        assertThat(table.value(1, 0)).isEqualTo("-0.25");
        assertThat(table.value(2, 0)).isEqualTo("+3.5");
        Column.Decimals menge = (Column.Decimals) table.column(1);
        assertThat(menge.values()).containsExactly(3.0, Double.NaN, 4.0);
    }

    @Test
    void shouldReadDecimalCommaNumbersAsDoubles() {
        Path file = TestData.write(dir.resolve("de.csv"), "betrag;label\n1,5;a\n-0,25;b\n;a\n");
        Table table = new TableReader(CsvFormat.DETECT, note -> {}).read(file);

        Column.Decimals betrag = (Column.Decimals) table.column(0);
        assertThat(betrag.values()).containsExactly(1.5, -0.25, Double.NaN);
        assertThat(table.value(1, 0)).isEqualTo("-0.25");
    }

    @Test
    void shouldReadQuotedFieldsWithSeparatorsAndLineBreaksAcrossTheWholeFile() {
        // quoted fields with separators and line breaks everywhere, also where the file would be split
        StringBuilder csv = new StringBuilder("note,amount,label\n");
        int rows = 40_000;
        for (int r = 0; r < rows; r++) {
            csv.append('"')
                    .append("line ")
                    .append(r)
                    .append(",\nnext \"\"q\"\"\"")
                    .append(',');
            csv.append(r % 7 == 0 ? "" : String.valueOf(r))
                    .append(",l")
                    .append(r % 2)
                    .append('\n');
        }
        Path file = TestData.write(dir.resolve("quoted.csv"), csv.toString());
        Table table = new TableReader().read(file);

        assertThat(table.size()).isEqualTo(rows);
        assertThat(table.value(12_345, 0)).isEqualTo("line 12345,\nnext \"q\"");
        Column.Decimals amount = (Column.Decimals) table.column(1);
        assertThat(amount.values()[12_345]).isEqualTo(12_345.0);
        assertThat(amount.values()[14]).isNaN();
        assertThat(table.line(12_345)).isEqualTo(2 + 2L * 12_345);
    }

    @Test
    void shouldJoinTablesNumericOnlyWhenEveryPartIsNumeric() {
        Table numbers = new TableReader().read(TestData.write(dir.resolve("a.csv"), "x,label\n1.0,a\n2,b\n"));
        Table words = new TableReader().read(TestData.write(dir.resolve("b.csv"), "x,label\nthree,a\n"));

        Table joined = Table.concat(numbers.source(), java.util.List.of(numbers, words));
        Table numeric = Table.concat(numbers.source(), java.util.List.of(numbers, numbers));

        assertThat(joined.column(0)).isInstanceOf(Column.Texts.class);
        assertThat(joined.rows()).extracting(row -> row[0]).containsExactly("1.0", "2", "three");
        assertThat(((Column.Decimals) numeric.column(0)).values()).containsExactly(1.0, 2.0, 1.0, 2.0);
    }
}
