package io.mlops.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.DataSchema;
import io.mlops.engine.TestData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDataTest {
    @TempDir
    Path dir;

    private Table read(final String csv) {
        return new TableReader().read(TestData.write(dir.resolve("d.csv"), csv));
    }

    @Test
    void shouldInferNumericCategoricalAndTextColumns() {
        StringBuilder csv = new StringBuilder("amount,country,description,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i * 1.5)
                    .append(',')
                    .append(i % 2 == 0 ? "DE" : "FR")
                    .append(",dinner with client number ")
                    .append(i)
                    .append(',')
                    .append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        DataSchema schema = new SchemaInference().infer(read(csv.toString()), "label", Map.of(), Set.of());

        assertThat(schema.features())
                .containsExactly(
                        new ColumnSpec("amount", ColumnType.NUMERIC),
                        new ColumnSpec("country", ColumnType.CATEGORICAL),
                        new ColumnSpec("description", ColumnType.TEXT));
    }

    @Test
    void shouldLetDeclaredTypesWinAndIgnoreColumns() {
        DataSchema schema = new SchemaInference()
                .infer(
                        read("zip,id,label\n10115,1,a\n80331,2,b\n"),
                        "label",
                        Map.of("zip", ColumnType.CATEGORICAL),
                        Set.of("id"));

        assertThat(schema.features()).containsExactly(new ColumnSpec("zip", ColumnType.CATEGORICAL));
    }

    @Test
    void shouldRejectMissingLabelColumn() {
        Table table = read("a,b\n1,2\n");
        assertThatThrownBy(() -> new SchemaInference().infer(table, "category", Map.of(), Set.of()))
                .isInstanceOf(MlopsException.class)
                .hasMessage(table.source() + ": label column 'category' not found; columns are [a, b]");
    }

    @Test
    void shouldNameLineColumnAndValueOfANonNumber() {
        Table table = read("amount,label\n1.5,a\n2,b\n12,5O,a\n".replace("12,5O", "\"12,5O\""));
        DataSchema schema = new DataSchema("label", java.util.List.of(new ColumnSpec("amount", ColumnType.NUMERIC)));

        assertThatThrownBy(() -> TypedData.of(table, schema))
                .hasMessage(table.source() + " line 4: column 'amount' is not a number: \"12,5O\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "inf"})
    void shouldRejectNonFiniteNumbers(final String value) {
        Table table = read("amount,label\n1.5,a\n" + value + ",b\n");
        DataSchema schema = new DataSchema("label", java.util.List.of(new ColumnSpec("amount", ColumnType.NUMERIC)));

        assertThatThrownBy(() -> TypedData.of(table, schema))
                .hasMessage(table.source() + " line 3: column 'amount' is not a finite number: \"" + value + "\"");
    }

    @Test
    void shouldInferNumericDespiteOneTypoSoTheTypoIsReported() {
        StringBuilder csv = new StringBuilder("amount,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",a\n");
        }
        csv.append("12x,b\n");
        Table table = read(csv.toString());
        DataSchema schema = new SchemaInference().infer(table, "label", Map.of(), Set.of());

        assertThat(schema.features()).containsExactly(new ColumnSpec("amount", ColumnType.NUMERIC));
        assertThatThrownBy(() -> TypedData.of(table, schema))
                .hasMessage(table.source() + " line 42: column 'amount' is not a number: \"12x\"");
    }

    @Test
    void shouldRejectEmptyLabel() {
        Table table = read("amount,label\n1,a\n2,\n");
        DataSchema schema = new DataSchema("label", java.util.List.of(new ColumnSpec("amount", ColumnType.NUMERIC)));

        assertThatThrownBy(() -> TypedData.of(table, schema))
                .hasMessage(table.source() + " line 3: label column 'label' is empty, expected a class name");
    }

    @Test
    void shouldFingerprintContentAndColumns() {
        Table table = read("amount,country,label\n1,DE,a\n3,,b\n,DE,a\n");
        DataSchema schema = new DataSchema(
                "label",
                java.util.List.of(
                        new ColumnSpec("amount", ColumnType.NUMERIC),
                        new ColumnSpec("country", ColumnType.CATEGORICAL)));

        DataFingerprint fingerprint = new Fingerprinter().fingerprint(TypedData.of(table, schema));

        assertThat(fingerprint.sha256()).isEqualTo(io.mlops.engine.io.Hashing.sha256(table.source()));
        assertThat(fingerprint.rows()).isEqualTo(3);
        ColumnStats amount = fingerprint.columns().get("amount");
        assertThat(amount.missing()).isEqualTo(1);
        assertThat(amount.min()).isEqualTo(1.0);
        assertThat(amount.max()).isEqualTo(3.0);
        assertThat(amount.mean()).isEqualTo(2.0);
        assertThat(fingerprint.columns().get("country").counts()).containsExactly(Map.entry("DE", 2L));
        assertThat(fingerprint.columns().get("country").missing()).isEqualTo(1);
        assertThat(fingerprint.columns().get("label").counts()).containsExactly(Map.entry("a", 2L), Map.entry("b", 1L));
    }

    @Test
    void shouldSplitDeterministicallyAndKeepEveryClassInBothParts() {
        TypedData data = TypedData.of(
                new TableReader().read(TestData.writeMixedCsv(dir.resolve("m.csv"), 500, 1)),
                new DataSchema("category", java.util.List.of(new ColumnSpec("amount", ColumnType.NUMERIC))));

        DataSplit first = DataSplit.stratified(data, 0.2, 7);
        DataSplit again = DataSplit.stratified(data, 0.2, 7);
        DataSplit other = DataSplit.stratified(data, 0.2, 8);

        assertThat(first.test()).isEqualTo(again.test());
        assertThat(first.test()).isNotEqualTo(other.test());
        assertThat(first.test().length).isBetween(98, 102);
        assertThat(first.train().length + first.test().length).isEqualTo(500);
        Set<String> testLabels = new java.util.HashSet<>();
        for (int row : first.test()) {
            testLabels.add(data.label(row));
        }
        assertThat(testLabels).containsExactlyInAnyOrder("meals", "lodging", "transport");
    }
}
