package io.mlops.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TypedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.Merger;

/** The fast ways of building examples must give the same examples as merging features by name. */
class FeaturePreparationFastPathTest {
    private static final Path FILE = Path.of("d.csv");

    @Test
    void shouldBuildNumericExamplesAsMergingByNameWould() {
        DataSchema schema = new DataSchema(
                "label",
                List.of(
                        new ColumnSpec("z", ColumnType.NUMERIC),
                        new ColumnSpec("a10", ColumnType.NUMERIC),
                        new ColumnSpec("a2", ColumnType.NUMERIC),
                        new ColumnSpec("A", ColumnType.NUMERIC)));
        TypedData data = TypedData.of(table(schema, 500, 11), schema);
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS);

        List<Example<Label>> examples = preparation.examples(data);

        assertThat(examples).hasSize(500);
        for (int row = 0; row < data.size(); row++) {
            assertThat(features(examples.get(row))).isEqualTo(features(reference(preparation, data, row)));
            assertThat(examples.get(row).getOutput()).isEqualTo(new Label(data.label(row)));
        }
    }

    @Test
    void shouldBuildNumericAndCategoricalExamplesAsMergingByNameWould() {
        DataSchema schema = new DataSchema(
                "label",
                List.of(
                        new ColumnSpec("x", ColumnType.NUMERIC),
                        new ColumnSpec("colour", ColumnType.CATEGORICAL),
                        new ColumnSpec("b", ColumnType.NUMERIC)));
        TypedData data = TypedData.of(table(schema, 300, 12), schema);
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS);

        for (int row = 0; row < data.size(); row++) {
            assertThat(features(preparation.examples(data).get(row)))
                    .isEqualTo(features(reference(preparation, data, row)));
        }
    }

    @Test
    void shouldStillMergeWhenACategoryCanCollideWithAColumnName() {
        DataSchema schema = new DataSchema(
                "label",
                List.of(new ColumnSpec("c=red", ColumnType.NUMERIC), new ColumnSpec("c", ColumnType.CATEGORICAL)));
        List<String[]> rows = List.<String[]>of(new String[] {"2", "red", "a"}, new String[] {"3", "blue", "b"});
        TypedData data = TypedData.of(
                new Table(FILE, List.of("c=red", "c", "label"), new ArrayList<>(rows), new long[] {2, 3}), schema);
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS);

        List<Example<Label>> examples = preparation.examples(data);

        assertThat(features(examples.get(0))).containsExactly("c=red:3.0");
        assertThat(features(examples.get(1))).containsExactly("c=blue:1.0", "c=red:3.0");
    }

    @Test
    void shouldBuildLargeDataSetsInParallelInTheSameOrder() {
        DataSchema schema = new DataSchema(
                "label", List.of(new ColumnSpec("f1", ColumnType.NUMERIC), new ColumnSpec("f2", ColumnType.NUMERIC)));
        TypedData data = TypedData.of(table(schema, 70_000, 13), schema);
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS);

        List<Example<Label>> examples = preparation.examples(data);

        assertThat(examples).hasSize(70_000);
        for (int row = 0; row < data.size(); row += 97) {
            assertThat(features(examples.get(row))).isEqualTo(features(reference(preparation, data, row)));
            assertThat(examples.get(row).getOutput().getLabel()).isEqualTo(data.label(row));
        }
    }

    @Test
    void shouldReportTheFirstMissingValueInFileOrderWhenBuildingInParallel() {
        DataSchema schema = new DataSchema("label", List.of(new ColumnSpec("f1", ColumnType.NUMERIC)));
        int n = 70_000;
        List<String[]> rows = new ArrayList<>(n);
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {i == 30_000 || i == 65_000 ? "" : "1", i % 2 == 0 ? "a" : "b"});
            lines[i] = i + 2;
        }
        TypedData data = TypedData.of(new Table(FILE, List.of("f1", "label"), rows, lines), schema);
        FeatureSettings strict = new FeatureSettings(1, true, null, FeatureSettings.MissingNumeric.ERROR, null);
        FeaturePreparation preparation = FeaturePreparation.fit(data, strict);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> preparation.examples(data))
                    .isInstanceOf(MlopsException.class)
                    .hasMessage("d.csv line 30002: column 'f1' is empty and the missing-value policy is 'error'");
        }
    }

    private static Table table(final DataSchema schema, final int rows, final long seed) {
        return RandomTables.table(
                schema,
                rows,
                seed,
                10,
                (type, random) -> type == ColumnType.NUMERIC
                        ? Double.toString(random.nextDouble(-100, 100))
                        : List.of("red", " blue", "green").get(random.nextInt(3)));
    }

    /** The examples as built before the fast paths: every feature added, then merged by name. */
    private static Example<Label> reference(final FeaturePreparation preparation, final TypedData data, final int row) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Map<String, Double> means = preparation.getMeans();
        List<ColumnSpec> features = data.schema().features();
        for (int f = 0; f < features.size(); f++) {
            ColumnSpec spec = features.get(f);
            if (spec.type() == ColumnType.NUMERIC) {
                double value = data.number(f, row);
                names.add(spec.name());
                values.add(Double.isNaN(value) ? means.get(spec.name()) : value);
            } else {
                String value = data.string(f, row);
                names.add(spec.name() + "=" + (value == null ? FeaturePreparation.MISSING_CATEGORY : value.strip()));
                values.add(1.0);
            }
        }
        ArrayExample<Label> example = new ArrayExample<>(
                new Label(data.label(row)),
                names.toArray(new String[0]),
                values.stream().mapToDouble(Double::doubleValue).toArray());
        example.reduceByName(Merger.add());
        return example;
    }

    private static List<String> features(final Example<Label> example) {
        List<String> features = new ArrayList<>();
        for (Feature feature : example) {
            features.add(feature.getName() + ":" + feature.getValue());
        }
        return features;
    }
}
