package io.mlops.engine.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.train.TrainingPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class SortedArrayExampleTest {
    private static final String[] SORTED = {"A", "a10", "a2", "z"};

    @Test
    void shouldHoldWhatArrayExampleHolds() {
        double[] values = {1, -2.5, 3, 0};
        SortedArrayExample<Label> example = new SortedArrayExample<>(new Label("x"), SORTED, values.clone());
        ArrayExample<Label> reference =
                new ArrayExample<>(new Label("x"), new String[] {"z", "a2", "A", "a10"}, new double[] {0, 3, 1, -2.5});

        assertThat(example).isEqualTo(reference);
        assertThat(reference).isEqualTo(example);
        assertThat(example.toString()).isEqualTo(reference.toString());
        assertThat(example.getWeight()).isEqualTo(reference.getWeight());
        assertThat(example.validateExample()).isTrue();
        assertThat(example.copy()).isEqualTo(reference);
        assertThat(example.lookup("a2").getValue()).isEqualTo(3.0);
    }

    @Test
    void shouldRejectNaNAndEmptyLikeArrayExample() {
        double[] values = {1, Double.NaN, 3, 0};
        assertThat(new SortedArrayExample<>(new Label("x"), SORTED, values).validateExample())
                .isEqualTo(new ArrayExample<>(new Label("x"), SORTED, values).validateExample())
                .isFalse();
        assertThat(new SortedArrayExample<>(new Label("x"), new String[0], new double[0]).validateExample())
                .isFalse();
    }

    @Test
    void shouldBuildTheSameDatasetAndPreparationOnLargeData() {
        // above the row count at which fitting and examples run in parallel
        int rows = 60_000;
        List<ColumnSpec> columns = List.of(
                new ColumnSpec("f2", ColumnType.NUMERIC),
                new ColumnSpec("f10", ColumnType.NUMERIC),
                new ColumnSpec("f1", ColumnType.NUMERIC));
        DataSchema schema = new DataSchema("label", columns);
        SplittableRandom random = new SplittableRandom(5);
        List<String[]> values = new ArrayList<>();
        long[] lines = new long[rows];
        for (int row = 0; row < rows; row++) {
            values.add(new String[] {
                row % 97 == 0 ? "" : Double.toString(random.nextGaussian() * 3 + 1),
                Double.toString(random.nextDouble()),
                Integer.toString(random.nextInt(100)),
                "c" + random.nextInt(3)
            });
            lines[row] = row + 2;
        }
        Table table = new Table(Path.of("d.csv"), List.of("f2", "f10", "f1", "label"), values, lines);
        TypedData data = TypedData.of(table, schema);

        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS, true);

        for (int f = 0; f < columns.size(); f++) {
            double sum = 0;
            long count = 0;
            for (int row = 0; row < rows; row++) {
                if (!Double.isNaN(data.number(f, row))) {
                    sum += data.number(f, row);
                    count++;
                }
            }
            double mean = sum / count;
            double squares = 0;
            for (int row = 0; row < rows; row++) {
                if (!Double.isNaN(data.number(f, row))) {
                    squares += (data.number(f, row) - mean) * (data.number(f, row) - mean);
                }
            }
            assertThat(preparation.getMeans().get(columns.get(f).name())).isEqualTo(mean);
            assertThat(preparation.getScales().get(columns.get(f).name())).isEqualTo(Math.sqrt(squares / count));
        }

        List<Example<Label>> examples = preparation.examples(data);
        List<Example<Label>> reference = new ArrayList<>();
        for (Example<Label> example : examples) {
            String[] names = new String[example.size()];
            double[] v = new double[example.size()];
            int i = 0;
            for (var feature : example) {
                names[i] = feature.getName();
                v[i++] = feature.getValue();
            }
            reference.add(new ArrayExample<>(example.getOutput(), names, v));
        }
        MutableDataset<Label> dataset = TrainingPipeline.dataset(examples, Path.of("d.csv"));
        MutableDataset<Label> expected = TrainingPipeline.dataset(reference, Path.of("d.csv"));
        assertThat(dataset.size()).isEqualTo(expected.size());
        assertThat(dataset.isDense()).isEqualTo(expected.isDense());
        assertThat(dataset.getFeatureMap().toString())
                .isEqualTo(expected.getFeatureMap().toString());
        assertThat(dataset.getOutputInfo().toReadableString())
                .isEqualTo(expected.getOutputInfo().toReadableString());
        assertThat(dataset.getProvenance()).isEqualTo(expected.getProvenance());
        for (int row = 0; row < rows; row++) {
            assertThat(dataset.getExample(row)).isEqualTo(expected.getExample(row));
        }
        assertThat(Map.copyOf(preparation.getScales())).hasSize(3);
    }
}
