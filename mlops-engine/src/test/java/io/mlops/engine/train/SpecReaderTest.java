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
                .hasMessage("no training data given: set 'data' to CSV or JSON Lines files, folders or globs");
    }

    @Test
    void shouldReadSeveralDataEntriesDedupeAndAWindow() {
        Path file = TestData.write(
                dir.resolve("multi.yaml"),
                """
                data:
                  - data/base.csv
                  - data/incoming/*.csv
                dedupe: true
                window: {files: 30}
                label: category
                """);

        TrainingSpec spec = new SpecReader().read(file).build();

        assertThat(spec.data()).containsExactly("data/base.csv", "data/incoming/*.csv");
        assertThat(spec.dedupe()).isTrue();
        assertThat(spec.window())
                .isEqualTo(new io.mlops.engine.data.DataWindow(io.mlops.engine.data.DataWindow.Unit.FILES, 30));
    }

    @Test
    void shouldRejectABadDataListOrWindow() {
        Path list = TestData.write(dir.resolve("list.yaml"), "data: [a.csv, 3]\nlabel: c\n");
        Path window = TestData.write(dir.resolve("window.yaml"), "data: a.csv\nlabel: c\nwindow: {weeks: 3}\n");
        Path two = TestData.write(dir.resolve("two.yaml"), "data: a.csv\nlabel: c\nwindow: {rows: 3, files: 2}\n");
        Path zero = TestData.write(dir.resolve("zero.yaml"), "data: a.csv\nlabel: c\nwindow: {rows: 0}\n");

        assertThatThrownBy(() -> new SpecReader().read(list))
                .hasMessage(list + ": 'data' must be a file, folder or glob, or a list of them (e.g. [data/base.csv,"
                        + " data/incoming/*.csv]), got [a.csv, 3]");
        assertThatThrownBy(() -> new SpecReader().read(window))
                .hasMessage(window + ": 'window' must be one of [rows, files, days], got \"weeks\"");
        assertThatThrownBy(() -> new SpecReader().read(two))
                .hasMessageStartingWith(two + ": 'window' must have one of rows, files or days with a number");
        assertThatThrownBy(() -> new SpecReader().read(zero))
                .hasMessage(zero + ": 'window.rows' must be 1 or more, got 0");
        Path far = TestData.write(dir.resolve("far.yaml"), "data: a.csv\nlabel: c\nwindow: {days: 9999999999999}\n");
        assertThatThrownBy(() -> new SpecReader().read(far))
                .isInstanceOf(MlopsException.class)
                .hasMessage(far + ": 'window.days' must be at most 1000000, got 9999999999999");
    }

    @Test
    void shouldTakeAnEmptySectionAsNotGiven() {
        Path file = TestData.write(
                dir.resolve("empty.yaml"), "data: a.csv\nlabel: y\ncolumns:\nignore:\nparams:\nfeatures:\n");

        TrainingSpec spec = new SpecReader().read(file).build();

        assertThat(spec.columns()).isEmpty();
        assertThat(spec.ignore()).isEmpty();
        assertThat(spec.features()).isEqualTo(FeatureSettings.DEFAULTS);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "ignore: [a, null]|'ignore' must list column names, got null",
                "ignore: [' ']|'ignore' must list column names, got \" \"",
                "params: {epochs: null}|'params.epochs' has no value",
                "testData: \"t\\0.csv\"|'testData' is not a valid path: \"t\\u0000.csv\"",
                "output: \"m\\0\"|'output' is not a valid path: \"m\\u0000\"",
                "algorithm: forest|unknown algorithm 'forest'; expected one of"
            })
    void shouldNameTheFieldOfAValueThatIsNoUse(final String line, final String message) {
        Path file = TestData.write(dir.resolve("bad.yaml"), "data: a.csv\nlabel: y\n" + line + "\n");

        assertThatThrownBy(() -> new SpecReader().read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(file + ": " + message);
    }

    @Test
    void shouldNameADataEntryThatIsNotAPath() {
        Path file = TestData.write(dir.resolve("nul.yaml"), "data: [a.csv, \"b\\0.csv\"]\nlabel: y\n");

        assertThatThrownBy(() -> new SpecReader().read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": 'data' entry \"b\\u0000.csv\" is not a valid path");
    }
}
