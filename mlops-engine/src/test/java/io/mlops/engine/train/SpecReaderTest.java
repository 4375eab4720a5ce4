package io.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.TestData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadYamlSpec() {
        Path file = TestData.write(
                dir.resolve("train.yaml"),
                String.join(
                        "\n",
                        "data: data/receipts.csv",
                        "label: category",
                        "columns:",
                        "  description: text",
                        "ignore: [merchant]",
                        "algorithm: xgboost",
                        "params:",
                        "  trees: 20",
                        "seed: 3",
                        "testFraction: 0.25",
                        "features:",
                        "  ngrams: 1",
                        "  standardize: false",
                        "  missing:",
                        "    numeric: zero",
                        "output: out/model",
                        ""));

        TrainingSpec spec = new SpecReader().read(file).build();

        assertThat(spec.data()).containsExactly("data/receipts.csv");
        assertThat(spec.columns()).containsExactly(Map.entry("description", ColumnType.TEXT));
        assertThat(spec.ignore()).containsExactly("merchant");
        assertThat(spec.algorithm()).isEqualTo(Algorithm.XGBOOST);
        assertThat(spec.params()).containsExactly(Map.entry("trees", 20));
        assertThat(spec.seed()).isEqualTo(3);
        assertThat(spec.testFraction()).isEqualTo(0.25);
        assertThat(spec.features())
                .isEqualTo(new FeatureSettings(
                        1,
                        true,
                        false,
                        FeatureSettings.MissingNumeric.ZERO,
                        FeatureSettings.MissingCategorical.CATEGORY));
        assertThat(spec.output()).isEqualTo(Path.of("out/model"));
    }

    @Test
    void shouldReadJsonSpecAndLetOptionsOverride() {
        Path file = TestData.write(
                dir.resolve("train.json"), "{\"data\":\"a.csv\",\"label\":\"y\",\"seed\":1,\"params\":{\"epochs\":2}}");

        TrainingSpec spec =
                new SpecReader().read(file).seed(5L).param("epochs", 4).build();

        assertThat(spec.seed()).isEqualTo(5);
        assertThat(spec.params()).containsEntry("epochs", 4);
        assertThat(spec.algorithm()).isEqualTo(Algorithm.LOGISTIC);
    }

    @Test
    void shouldRejectUnknownField() {
        Path file = TestData.write(dir.resolve("train.yaml"), "data: a.csv\nlabel: y\nalgoritm: logistic\n");

        assertThatThrownBy(() -> new SpecReader().read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(file + ": unknown field 'algoritm' at 'algoritm' (line 3); expected one of ");
    }

    @Test
    void shouldRejectBadValues() {
        Path type = TestData.write(dir.resolve("t.yaml"), "data: a.csv\nlabel: y\ncolumns:\n  a: number\n");
        assertThatThrownBy(() -> new SpecReader().read(type))
                .hasMessage(type + ": 'columns.a' must be one of [numeric, categorical, text], got \"number\"");
        Path seed = TestData.write(dir.resolve("s.yaml"), "data: a.csv\nlabel: y\nseed: -1\n");
        assertThatThrownBy(() -> new SpecReader().read(seed).build()).hasMessage("'seed' must be >= 0, got -1");
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> new SpecReader().read(missing)).hasMessage(missing + ": spec file not found");
        Path noData = TestData.write(dir.resolve("n.yaml"), "label: y\n");
        assertThatThrownBy(() -> new SpecReader().read(noData).build())
                .hasMessage("no training data given: set 'data' to a CSV or JSON Lines file");
    }
}
