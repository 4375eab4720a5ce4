package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.engine.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
    @TempDir
    Path dir;

    private final TableReader reader = new TableReader();

    @Test
    void shouldReadCsvWithQuotedFieldsAndLineNumbers() {
        Path file = TestData.write(
                dir.resolve("a.csv"),
                "text,amount,label\n\"Dinner, 3 people\",12.5,meals\n\"multi\nline\",3,taxi\n\nplain,,meals\n");

        Table table = reader.read(file);

        assertThat(table.columns()).containsExactly("text", "amount", "label");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.value(0, 0)).isEqualTo("Dinner, 3 people");
        assertThat(table.value(1, 0)).isEqualTo("multi\nline");
        assertThat(table.value(2, 1)).isNull();
        assertThat(table.line(0)).isEqualTo(2);
        assertThat(table.line(1)).isEqualTo(3);
        assertThat(table.line(2)).isEqualTo(6);
    }

    @Test
    void shouldReadJsonLines() {
        Path file = TestData.write(
                dir.resolve("a.jsonl"),
                "{\"text\":\"taxi\",\"amount\":12.5,\"label\":\"transport\"}\n\n{\"amount\":null,\"label\":\"meals\",\"extra\":true}\n");

        Table table = reader.read(file);

        assertThat(table.columns()).containsExactly("text", "amount", "label", "extra");
        assertThat(table.value(0, 1)).isEqualTo("12.5");
        assertThat(table.value(1, 0)).isNull();
        assertThat(table.value(1, 1)).isNull();
        assertThat(table.value(1, 3)).isEqualTo("true");
        assertThat(table.line(1)).isEqualTo(3);
    }

    @Test
    void shouldRejectMissingFile() {
        Path file = dir.resolve("missing.csv");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": data file not found");
    }

    @Test
    void shouldRejectEmptyFile() {
        Path file = TestData.write(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + ": data file is empty, expected a header line and data rows");
    }

    @Test
    void shouldRejectHeaderOnly() {
        Path file = TestData.write(dir.resolve("header.csv"), "a,b,label\n");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + ": data file has no data rows, expected at least one row after the header");
    }

    @Test
    void shouldRejectLineWithWrongFieldCount() {
        Path file = TestData.write(dir.resolve("bad.csv"), "a,b,label\n1,2,x\n1,2\n");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + " line 3: malformed CSV line: expected 3 fields as in the header, found 2");
    }

    @Test
    void shouldRejectDuplicateHeader() {
        Path file = TestData.write(dir.resolve("dup.csv"), "a,a,label\n1,2,x\n");
        assertThatThrownBy(() -> reader.read(file)).hasMessage(file + " line 1: header names column 'a' twice");
    }

    @Test
    void shouldRejectMalformedJsonLine() {
        Path file = TestData.write(dir.resolve("bad.jsonl"), "{\"a\":1}\n{\"a\":\n");
        assertThatThrownBy(() -> reader.read(file)).hasMessageStartingWith(file + " line 2: not valid JSON: ");
    }

    @Test
    void shouldRejectNestedJsonValue() {
        Path file = TestData.write(dir.resolve("nested.jsonl"), "{\"a\":[1,2],\"label\":\"x\"}\n");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + " line 1: field 'a' is an array, expected a number, a string or null");
    }
}
