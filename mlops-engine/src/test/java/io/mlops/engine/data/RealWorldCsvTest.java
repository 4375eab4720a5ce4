package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.engine.TestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files as they come from the real world: European Excel exports, broken quotes, other encodings. */
class RealWorldCsvTest {
    private static final String EUROPEAN = "Betrag;Menge;Kategorie\n12,50;3;essen\n-0,75;1;taxi\n1234,5;2;essen\n";

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private TableReader reader(final CsvFormat format) {
        return new TableReader(format, notes::add);
    }

    @Test
    void shouldDetectSemicolonsAndDecimalCommasAndSaySo() {
        Path file = TestData.write(dir.resolve("excel.csv"), EUROPEAN);

        Table table = reader(CsvFormat.DETECT).read(file);

        assertThat(table.columns()).containsExactly("Betrag", "Menge", "Kategorie");
        TypedData data = TypedData.of(table, new SchemaInference().infer(table, "Kategorie", Map.of(), Set.of()));
        assertThat(data.number(0, 0)).isEqualTo(12.5);
        assertThat(data.number(0, 1)).isEqualTo(-0.75);
        assertThat(data.number(0, 2)).isEqualTo(1234.5);
        assertThat(data.number(1, 0)).isEqualTo(3.0);
        assertThat(notes)
                .containsExactly(file + ": fields are separated by ';' (detected from the header line) and numbers use"
                        + " ',' as the decimal mark (detected), as Excel writes CSV in German and other European"
                        + " locales; set delimiter / decimalComma (--delimiter, --decimal-comma) to read it otherwise");
    }

    @Test
    void shouldReadTheSameFileWithAnExplicitFormatWithoutANote() {
        Path file = TestData.write(dir.resolve("excel.csv"), EUROPEAN);

        Table table = reader(CsvFormat.of(";", true, null)).read(file);

        assertThat(table.value(1, 0)).isEqualTo("-0.75");
        assertThat(notes).isEmpty();
    }

    @Test
    void shouldSayThatASemicolonFileIsReadWithCommas() {
        Path file = TestData.write(dir.resolve("excel.csv"), "Betrag;Menge;Kategorie\n12;3;essen\n7;1;taxi\n");

        assertThatThrownBy(() -> reader(CsvFormat.of(",", null, null)).read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + " line 1: the header is a single column 'Betrag;Menge;Kategorie' that contains"
                        + " ';': the file looks ';'-separated (as Excel writes CSV in German and other European"
                        + " locales) but is read with ',' as the separator; use --delimiter ';' (spec or Pipeline step: delimiter),"
                        + " or leave it out to detect it");
    }

    @Test
    void shouldSayThatACommaFileIsReadWithSemicolons() {
        Path file = TestData.write(dir.resolve("plain.csv"), "amount,count,label\n1.5,3,a\n2.5,1,b\n");

        assertThatThrownBy(() -> reader(CsvFormat.of(";", null, null)).read(file))
                .hasMessage(file + " line 1: the header is a single column 'amount,count,label' that contains ',':"
                        + " the file looks ','-separated but is read with ';' as the separator; use --delimiter ','"
                        + " (spec or Pipeline step: delimiter), or leave it out to detect it");
    }

    @Test
    void shouldSayThatDecimalCommasAreReadAsText() {
        Path file = TestData.write(dir.resolve("excel.csv"), EUROPEAN);
        Table table = reader(CsvFormat.of(";", false, null)).read(file);
        DataSchema schema = new DataSchema(
                "Kategorie",
                List.of(new ColumnSpec("Betrag", ColumnType.NUMERIC), new ColumnSpec("Menge", ColumnType.NUMERIC)));

        assertThatThrownBy(() -> TypedData.of(table, schema))
                .hasMessage(file + " line 2: column 'Betrag' is not a number: \"12,50\"; it has a decimal comma: read"
                        + " the file with --decimal-comma (spec or Pipeline step: decimalComma: true)");
    }

    @Test
    void shouldReportAnUnterminatedQuoteAtTheLineWhereItOpens() {
        Path file = TestData.write(
                dir.resolve("quote.csv"),
                "text,amount,label\nlunch,12,meals\n\"taxi home,30,transport\nbus,2,transport\n");

        assertThatThrownBy(() -> reader(CsvFormat.DETECT).read(file))
                .hasMessage(file + " line 3: a quoted field opens here and is never closed (no closing '\"' before the"
                        + " end of the file); close the quote, or double a quote inside a quoted field (\"\")");
    }

    @Test
    void shouldKeepReadingQuotedLineBreaksThatAreClosed() {
        Path file = TestData.write(dir.resolve("ok.csv"), "text,label\na,x\n\"two\nlines\",y\n");

        assertThat(reader(CsvFormat.DETECT).read(file).value(1, 0)).isEqualTo("two\nlines");
    }

    @Test
    void shouldNameABinaryFileWithTheOffset() throws Exception {
        Path file = dir.resolve("model.csv");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 'x'});

        assertThatThrownBy(() -> reader(CsvFormat.DETECT).read(file))
                .hasMessage(file + ": is a binary file, not CSV or JSON Lines text (byte 0x00 at byte offset 4)");
    }

    @Test
    void shouldNameLatin1WithTheOffsetAndAHint() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text,label\nM\u00fcnchen,city\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader(CsvFormat.DETECT).read(file))
                .hasMessage(file + ": is not valid UTF-8 text: byte 0xFC at byte offset 12 (line 2) is not part of a"
                        + " UTF-8 character; the file looks Latin-1 / Windows-1252 encoded (as Excel saves \"CSV\" on"
                        + " Windows): save it as \"CSV UTF-8\" or read it with --encoding windows-1252 (spec or"
                        + " Pipeline step: encoding: windows-1252)");
    }

    @Test
    void shouldFindABadByteAfterTheStartOfTheFile() throws Exception {
        Path file = dir.resolve("late.csv");
        StringBuilder text = new StringBuilder("text,label\n");
        while (text.length() < 200_000) {
            text.append("abcdefghij,x\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "\u00e4,y\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(file, all);
        long line = text.chars().filter(c -> c == '\n').count() + 1;

        assertThatThrownBy(() -> reader(CsvFormat.DETECT).read(file))
                .hasMessageStartingWith(file + ": is not valid UTF-8 text: byte 0xE4 at byte offset " + good.length
                        + " (line " + line + ") is not part of a UTF-8 character; the file looks Latin-1");
    }

    @Test
    void shouldReadLatin1WithTheEncodingOption() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text;label\nM\u00fcnchen;city\n".getBytes(Charset.forName("windows-1252")));

        Table table = reader(CsvFormat.of(null, null, "windows-1252")).read(file);

        assertThat(table.value(0, 0)).isEqualTo("M\u00fcnchen");
    }

    @Test
    void shouldRejectUnknownFormatSettings() {
        assertThatThrownBy(() -> CsvFormat.of("ab", null, null))
                .hasMessage("delimiter 'ab' is not valid; expected one character such as ',' or ';' or 'tab', not a"
                        + " quote or a line break");
        assertThatThrownBy(() -> CsvFormat.of(null, null, "klingon"))
                .hasMessage("encoding 'klingon' is not known; expected a name such as UTF-8, windows-1252 or"
                        + " ISO-8859-1");
        assertThat(CsvFormat.of("tab", null, null).delimiter()).isEqualTo('\t');
    }

    @Test
    void shouldGiveOurOwnMessageForAFieldOverTheLimit() throws Exception {
        Path file = dir.resolve("huge.csv");
        StringBuilder text = new StringBuilder("text,label\nshort,a\n");
        text.append("x".repeat(TableReader.MAX_FIELD_CHARS + 10)).append(",b\n");
        Files.writeString(file, text);

        assertThatThrownBy(() -> reader(CsvFormat.DETECT).read(file))
                .hasMessage(file + " line 3: a field is longer than the limit of 16,777,216 characters (16 MiB); a"
                        + " data file holds values, not documents");
    }
}
