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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

/**
 * The encoder gives exactly the ids and values of Tribuo's sparse vector of the example the preparation builds,
 * for numbers, categories and texts of every kind, with features the model does not know and names that
 * collide.
 */
class FeatureIdEncoderTest {
    private static final Path FILE = RandomTables.FILE;
    private static final List<String> WORDS = List.of(
            "Taxi",
            "taxi",
            "TAXI",
            "Hotel",
            "München",
            "Frühstück",
            "ÆØÅ",
            "東京",
            "駅",
            "🍕",
            "a/b",
            "x=y",
            "3.50",
            "1,234",
            "e-mail",
            "don't",
            "(VAT)",
            "--",
            "!",
            "...",
            "\t",
            "  ",
            "Ǆ",
            "İstanbul",
            "ß",
            "ﬁ",
            "r\u00e9sum\u00e9",
            "re\u0301sume\u0301",
            "\u00a0",
            "\u2003",
            "");

    /** A schema with every column type, a categorical column named like a text column's n-grams, and a text
     * column whose name starts with '_' (Tribuo keeps none of its n-grams). */
    private static final DataSchema SCHEMA = new DataSchema(
            "label",
            List.of(
                    new ColumnSpec("amount", ColumnType.NUMERIC),
                    new ColumnSpec("description", ColumnType.TEXT),
                    new ColumnSpec("currency", ColumnType.CATEGORICAL),
                    new ColumnSpec("t", ColumnType.TEXT),
                    new ColumnSpec("t-1-N", ColumnType.CATEGORICAL),
                    new ColumnSpec("_notes", ColumnType.TEXT),
                    new ColumnSpec("z", ColumnType.NUMERIC)));

    @ParameterizedTest(name = "ngrams {0}, lowercase {1}, standardise {2}")
    @CsvSource({"1,true,true", "2,true,false", "2,false,true", "3,false,false", "3,true,true"})
    void shouldEncodeRowsExactlyAsTribuoBuildsTheirSparseVectors(
            final int ngrams, final boolean lowercase, final boolean standardize) {
        FeatureSettings settings = new FeatureSettings(ngrams, lowercase, standardize, null, null);
        TypedData training = TypedData.of(table(SCHEMA, 400, 21), SCHEMA);
        FeaturePreparation preparation = FeaturePreparation.fit(training, settings);
        ImmutableFeatureMap ids = featureMap(preparation, training);
        FeatureIdEncoder encoder = FeatureIdEncoder.of(preparation, ids);
        assertThat(encoder).isNotNull();
        FeatureIdEncoder.Workspace space = encoder.workspace();

        // other rows than the training rows: tokens, n-grams and categories the model does not know
        TypedData inputs = TypedData.of(table(SCHEMA, 2_000, 22), SCHEMA);
        int unknown = 0;
        for (int row = 0; row < inputs.size(); row++) {
            FeaturePreparation.Row values = FeaturePreparation.row(inputs, row);
            Example<Label> example = preparation.example(LabelFactory.UNKNOWN_LABEL, values);
            SparseVector expected = SparseVector.createSparseVector(example, ids, false);

            assertThat(encoder.encode(values, space)).isTrue();

            assertThat(encoded(space)).as("row %d: %s", row, names(example)).isEqualTo(tuples(expected));
            unknown += example.size() - expected.numActiveElements();
        }
        assertThat(unknown).as("features the model does not know").isPositive();
    }

    @Test
    void shouldKeepNoNgramOfATextColumnWhoseNameStartsWithoutALetterOrDigit() {
        TypedData training = TypedData.of(table(SCHEMA, 200, 23), SCHEMA);
        FeaturePreparation preparation = FeaturePreparation.fit(training, FeatureSettings.DEFAULTS);
        ImmutableFeatureMap ids = featureMap(preparation, training);

        assertThat(ids.keySet()).noneMatch(name -> name.startsWith("_notes"));
        assertThat(ids.keySet()).anyMatch(name -> name.startsWith(FeaturePreparation.ngramPrefix("description", 2)));
        assertThat(ids.keySet()).anyMatch(name -> name.startsWith(FeaturePreparation.ngramPrefix("t", 1)));
        assertThat(ids.keySet()).anyMatch(name -> name.startsWith("t-1-N="));
    }

    @Test
    void shouldRefuseANumericColumnWhoseNameCouldBeACategoryFeature() {
        DataSchema schema = new DataSchema(
                "label",
                List.of(new ColumnSpec("c=red", ColumnType.NUMERIC), new ColumnSpec("c", ColumnType.CATEGORICAL)));
        TypedData training = TypedData.of(table(schema, 50, 24), schema);
        FeaturePreparation preparation = FeaturePreparation.fit(training, FeatureSettings.DEFAULTS);

        assertThat(FeatureIdEncoder.of(preparation, featureMap(preparation, training)))
                .isNull();
    }

    @Test
    void shouldRejectAMissingCategoryWithTheMessageOfTheExample() {
        DataSchema schema = new DataSchema(
                "label",
                List.of(new ColumnSpec("x", ColumnType.NUMERIC), new ColumnSpec("colour", ColumnType.CATEGORICAL)));
        List<String[]> rows = List.<String[]>of(new String[] {"1", "red", "a"}, new String[] {"2", "", "b"});
        TypedData data = TypedData.of(
                new Table(FILE, List.of("x", "colour", "label"), new ArrayList<>(rows), new long[] {2, 3}), schema);
        FeatureSettings strict = new FeatureSettings(1, true, null, null, FeatureSettings.MissingCategorical.ERROR);
        FeaturePreparation preparation = FeaturePreparation.fit(data, strict);
        TypedData first = TypedData.of(
                new Table(FILE, List.of("x", "colour", "label"), new ArrayList<>(rows.subList(0, 1)), new long[] {2}),
                schema);
        FeatureIdEncoder encoder = FeatureIdEncoder.of(preparation, featureMap(preparation, first));
        FeaturePreparation.Row missing = FeaturePreparation.row(data, 1);

        assertThatThrownBy(() -> encoder.encode(missing, encoder.workspace()))
                .isInstanceOf(MlopsException.class)
                .hasMessage("d.csv line 3: column 'colour' is empty and the missing-value policy is 'error'");
        assertThatThrownBy(() -> preparation.example(LabelFactory.UNKNOWN_LABEL, missing))
                .isInstanceOf(MlopsException.class)
                .hasMessage("d.csv line 3: column 'colour' is empty and the missing-value policy is 'error'");
    }

    /** The model's feature map, as training builds it: every feature of every training example. */
    private static ImmutableFeatureMap featureMap(final FeaturePreparation preparation, final TypedData data) {
        MutableFeatureMap features = new MutableFeatureMap();
        for (Example<Label> example : preparation.examples(data)) {
            for (Feature feature : example) {
                features.add(feature.getName(), feature.getValue());
            }
        }
        return new ImmutableFeatureMap(features);
    }

    private static List<String> encoded(final FeatureIdEncoder.Workspace space) {
        List<String> tuples = new ArrayList<>();
        for (int i = 0; i < space.size(); i++) {
            tuples.add(space.ids()[i] + ":" + space.values()[i]);
        }
        return tuples;
    }

    private static List<String> tuples(final SparseVector vector) {
        List<String> tuples = new ArrayList<>();
        for (VectorTuple tuple : vector) {
            tuples.add(tuple.index + ":" + tuple.value);
        }
        return tuples;
    }

    private static List<String> names(final Example<Label> example) {
        List<String> names = new ArrayList<>();
        example.forEach(feature -> names.add(feature.getName()));
        return names;
    }

    private static Table table(final DataSchema schema, final int rows, final long seed) {
        return RandomTables.table(schema, rows, seed, 12, FeatureIdEncoderTest::value);
    }

    private static String value(final ColumnType type, final SplittableRandom random) {
        return switch (type) {
            case NUMERIC -> Double.toString(random.nextDouble(-100, 100));
            case CATEGORICAL -> List.of("EUR", " USD", "GBP ", "CHF", "x=y", "1-N=taxi", "München")
                    .get(random.nextInt(7));
            case TEXT -> {
                StringBuilder text = new StringBuilder();
                int words = random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    text.append(WORDS.get(random.nextInt(WORDS.size())));
                    // words run together now and then, so the tokenizer has to split them
                    text.append(random.nextInt(5) == 0 ? "" : random.nextInt(3) == 0 ? ", " : " ");
                }
                yield text.toString();
            }
            default -> throw new IllegalStateException(type.toString());
        };
    }
}
