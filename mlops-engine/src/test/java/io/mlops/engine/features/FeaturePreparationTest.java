package io.mlops.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.TestData;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

class FeaturePreparationTest {
    private static final DataSchema SCHEMA = new DataSchema(
            "label",
            List.of(
                    new ColumnSpec("amount", ColumnType.NUMERIC),
                    new ColumnSpec("country", ColumnType.CATEGORICAL),
                    new ColumnSpec("text", ColumnType.TEXT)));

    @TempDir
    Path dir;

    private TypedData data(final String csv) {
        return TypedData.of(new TableReader().read(TestData.write(dir.resolve("d.csv"), csv)), SCHEMA);
    }

    private static Map<String, Double> features(final Example<Label> example) {
        Map<String, Double> features = new HashMap<>();
        for (Feature feature : example) {
            features.put(feature.getName(), feature.getValue());
        }
        return features;
    }

    @Test
    void shouldOneHotCategoriesTokeniseTextAndImputeTheTrainingMean() {
        TypedData data = data("amount,country,text,label\n10,DE,Taxi to Airport,a\n30,,taxi,b\n,FR,,a\n");
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS);

        List<Example<Label>> examples = preparation.examples(data);

        assertThat(preparation.getMeans()).containsExactly(Map.entry("amount", 20.0));
        Map<String, Double> first = features(examples.get(0));
        assertThat(first).containsEntry("amount", 10.0).containsEntry("country=DE", 1.0);
        assertThat(first.keySet())
                .anyMatch(name -> name.startsWith("text") && name.contains("taxi"))
                .anyMatch(name -> name.startsWith("text") && name.contains("airport"))
                .noneMatch(name -> name.contains("Taxi"));
        assertThat(features(examples.get(1))).containsEntry("country=" + FeaturePreparation.MISSING_CATEGORY, 1.0);
        assertThat(features(examples.get(2))).containsEntry("amount", 20.0).containsEntry("country=FR", 1.0);
        assertThat(examples.get(2).getOutput().getLabel()).isEqualTo("a");
    }

    @Test
    void shouldImputeZeroWhenAsked() {
        TypedData data = data("amount,country,text,label\n10,DE,x,a\n,DE,y,b\n");
        FeatureSettings zero = new FeatureSettings(1, true, null, FeatureSettings.MissingNumeric.ZERO, null);

        assertThat(features(FeaturePreparation.fit(data, zero).examples(data).get(1)))
                .containsEntry("amount", 0.0);
    }

    @Test
    void shouldRejectMissingValuesWhenThePolicyIsError() {
        TypedData data = data("amount,country,text,label\n10,DE,x,a\n,DE,y,b\n");
        FeatureSettings strict = new FeatureSettings(
                1, true, null, FeatureSettings.MissingNumeric.ERROR, FeatureSettings.MissingCategorical.ERROR);

        assertThatThrownBy(() -> FeaturePreparation.fit(data, strict).examples(data))
                .isInstanceOf(MlopsException.class)
                .hasMessage(
                        data.source() + " line 3: column 'amount' is empty and the missing-value policy is 'error'");
    }

    @Test
    void shouldTrainFromJsonLines() {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            jsonl.append(String.format(
                    java.util.Locale.ROOT,
                    "{\"amount\": %d, \"country\": \"%s\", \"text\": \"%s\", \"label\": \"%s\"}%n",
                    i % 2 == 0 ? 10 + i % 7 : 90 + i % 5,
                    i % 3 == 0 ? "DE" : "FR",
                    i % 2 == 0 ? "dinner" : "hotel night",
                    i % 2 == 0 ? "meals" : "lodging"));
        }
        Path file = TestData.write(dir.resolve("train.jsonl"), jsonl.toString());

        var result = new io.mlops.engine.train.TrainingPipeline(io.mlops.engine.ProgressListener.NONE, dir)
                .train(
                        io.mlops.engine.train.TrainingSpec.builder()
                                .data(file)
                                .label("label")
                                .output(dir.resolve("m"))
                                .build(),
                        List.of());

        assertThat(result.metadata().schema().features())
                .extracting(ColumnSpec::name)
                .containsExactly("amount", "country", "text");
        assertThat(result.metadata().metrics().accuracy()).isEqualTo(1.0);
    }
}
