package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.demo.Receipt;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct linear scorer gives bit for bit Tribuo's scores and labels for SGD-trained logistic and SVM models,
 * over numeric features (standardised or not, with missing values imputed) and over text and categorical
 * features; it is on only for such models, and
 * {@link Predictor#checkDirectScoring} turns off a scorer that disagrees with Tribuo.
 */
class LinearScorerTest {
    private static final int INPUTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void writeData() {
        data = NumericModels.writeData(dir.resolve("numeric.jsonl"), 400, 11, 0.05);
    }

    static Stream<Arguments> linearModels() {
        return Stream.of(
                Arguments.of(Algorithm.LOGISTIC, true),
                Arguments.of(Algorithm.LOGISTIC, false),
                Arguments.of(Algorithm.LINEAR_SVM, true),
                Arguments.of(Algorithm.LINEAR_SVM, false));
    }

    private static Predictor predictor(final Path bundle) {
        return new Predictor(new ModelStore().load(bundle));
    }

    private static Instance read(final Predictor predictor, final String json) throws PredictionHandler.HttpProblem {
        InputReader.Inputs inputs = predictor.reader().read(json.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(inputs.batch()).isFalse();
        return inputs.instances().get(0);
    }

    private static List<Instance> randomInputs(final Predictor predictor, final long seed) throws Exception {
        Random random = new Random(seed);
        List<Instance> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            Instance input = read(predictor, NumericModels.randomInput(random));
            predictor.validate(input);
            inputs.add(input);
        }
        return inputs;
    }

    @ParameterizedTest(name = "{0}, standardised: {1}")
    @MethodSource("linearModels")
    void shouldScoreExactlyLikeTribuo(final Algorithm algorithm, final boolean standardize) throws Exception {
        Path bundle = NumericModels.train(
                data,
                dir.resolve(algorithm + "-" + standardize),
                algorithm,
                standardize,
                FeatureSettings.MissingNumeric.MEAN,
                3);
        Predictor predictor = predictor(bundle);
        assertThat(predictor.scoresDirectly())
                .as("direct scoring applies to this model")
                .isTrue();
        assertThat(new ModelStore().load(bundle).preparation().getScales())
                .as("standardised")
                .hasSize(standardize ? NumericModels.FEATURES.size() : 0);

        List<Instance> inputs = randomInputs(predictor, 99);
        Set<String> labels = assertScoresLikeTribuo(predictor, inputs);
        assertThat(labels).as("the inputs reach more than one class").hasSizeGreaterThan(1);
        // predict never turns the scorer off, so every prediction above was a direct one
        assertThat(predictor.scoresDirectly()).isTrue();
        assertThat(predictor.checkDirectScoring(inputs)).isTrue();
        assertThat(predictor.scoresDirectly()).isTrue();
    }

    @Test
    void shouldScoreDirectlyAfterLoadingForServing() {
        Path bundle = NumericModels.train(
                data, dir.resolve("served"), Algorithm.LOGISTIC, null, FeatureSettings.MissingNumeric.MEAN, 5);

        ServedModel served = new ModelLoader(100).load(bundle, "numeric", "1");

        assertThat(served.predictor().scoresDirectly())
                .as("the smoke inputs agreed with Tribuo")
                .isTrue();
    }

    @Test
    void shouldRejectAMissingValueAlikeWhenThePolicyIsError() throws Exception {
        Path strict = dir.resolve("strict.jsonl");
        NumericModels.writeData(strict, 200, 12, 0.0);
        Predictor predictor = predictor(NumericModels.train(
                strict, dir.resolve("strict"), Algorithm.LOGISTIC, true, FeatureSettings.MissingNumeric.ERROR, 3));
        assertThat(predictor.scoresDirectly()).isTrue();
        StringBuilder json = new StringBuilder("{");
        for (String feature : NumericModels.FEATURES) {
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(feature)
                    .append("\":")
                    .append(feature.equals("b2") ? "null" : "1");
        }
        Instance input = read(predictor, json.append('}').toString());
        predictor.validate(input);

        String message = "field 'b2' is null and the model's missing-value policy is 'error'";
        assertThatThrownBy(() -> predictor.predict(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> predictor.predictWithTribuo(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void shouldScoreTextAndCategoricalFeaturesExactlyLikeTribuo() throws Exception {
        ModelBundle receipts = new ModelStore().load(TestModels.modelA());
        assertThat(receipts.manifest().algorithm()).isEqualTo(Algorithm.LOGISTIC.id());
        Predictor predictor = new Predictor(receipts);
        assertThat(predictor.scoresDirectly()).isTrue();
        List<Instance> inputs = new ArrayList<>();
        for (Receipt receipt : new ReceiptsGenerator(77).generate(ReceiptsGenerator.Batch.SHIFTED, INPUTS)) {
            inputs.add(read(predictor, receiptJson(receipt)));
        }
        // words the model never saw, n-grams across punctuation, other scripts, missing and empty values
        Random random = new Random(78);
        List<String> words = List.of(
                "Taxi", "HOTEL", "Frühstück", "東京駅", "🍕", "a/b", "(VAT)", "don't", "x=y", "", " ", "Ünïcödé", "ß");
        for (int i = 0; i < INPUTS; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(8); w > 0; w--) {
                text.append(words.get(random.nextInt(words.size()))).append(random.nextBoolean() ? " " : ", ");
            }
            String description = random.nextInt(10) == 0 ? "null" : JSON.writeValueAsString(text.toString());
            String currency = random.nextInt(10) == 0 ? "null" : JSON.writeValueAsString(words.get(random.nextInt(4)));
            inputs.add(read(
                    predictor,
                    "{\"description\":" + description + ",\"amount\":" + random.nextInt(500) + ",\"currency\":"
                            + currency + ",\"country\":\"DE\",\"payment_method\":\" card \"}"));
        }

        assertThat(assertScoresLikeTribuo(predictor, inputs))
                .as("the inputs reach more than one class")
                .hasSizeGreaterThan(1);
        assertThat(predictor.checkDirectScoring(inputs)).isTrue();
        assertThat(TestModels.load(TestModels.modelA()).predictor().scoresDirectly())
                .as("the smoke inputs agreed with Tribuo")
                .isTrue();
    }

    @Test
    void shouldAnswerAnInputWithNoWordTheModelKnowsFromItsBiasAlone() throws Exception {
        StringBuilder csv = new StringBuilder("description,category\n");
        for (int row = 0; row < 120; row++) {
            csv.append(List.of("taxi ride", "hotel night", "team lunch").get(row % 3))
                    .append(',')
                    .append(List.of("travel", "lodging", "meals").get(row % 3))
                    .append('\n');
        }
        Path data = java.nio.file.Files.writeString(dir.resolve("text-only.csv"), csv);
        Path bundle = dir.resolve("text-only");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label("category")
                                .column("description", ColumnType.TEXT)
                                .seed(1L)
                                .output(bundle)
                                .build(),
                        List.of());
        ServedModel served = new ModelLoader(100).load(bundle, "text-only", "1");
        Predictor predictor = served.predictor();
        assertThat(predictor.scoresDirectly()).isTrue();
        List<Instance> unknown = List.of(
                read(predictor, "{\"description\":\"Zzyzx qwerty\"}"),
                read(predictor, "{\"description\":\"\"}"),
                read(predictor, "{\"description\":null}"));

        assertScoresLikeTribuo(predictor, unknown);
        double[] prior = predictor.predict(unknown.get(0)).scores();
        for (Instance input : unknown) {
            assertThat(predictor.predict(input).scores()).isEqualTo(prior);
        }
        assertThat(predictor
                        .predict(read(predictor, "{\"description\":\"taxi\"}"))
                        .label())
                .isEqualTo("travel");
        Reply reply = new PredictEndpoint(new ModelSlot(served), 10, ServiceLimits.defaults(), new PredictionLog(10))
                .answer("{\"description\":\"Zzyzx\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
    }

    /** Checks every input's direct label and scores against Tribuo's, bit for bit; returns the labels seen. */
    private static Set<String> assertScoresLikeTribuo(final Predictor predictor, final List<Instance> inputs)
            throws InvalidInputException {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Predictor.Result direct = predictor.predict(inputs.get(i));
            Predictor.Result tribuo = predictor.predictWithTribuo(inputs.get(i));
            assertThat(direct.label()).as("label of input %d", i).isEqualTo(tribuo.label());
            if (!Arrays.equals(direct.scores(), tribuo.scores())) {
                throw new AssertionError("input " + i + ": direct scores " + Arrays.toString(direct.scores())
                        + " differ from Tribuo's " + Arrays.toString(tribuo.scores()));
            }
            assertThat(direct.classes()).isEqualTo(predictor.classes());
            labels.add(direct.label());
        }
        return labels;
    }

    private static String receiptJson(final Receipt receipt) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", receipt.description());
        body.put("amount", receipt.amount());
        body.put("currency", receipt.currency());
        body.put("country", receipt.country());
        body.put("payment_method", receipt.paymentMethod());
        return JSON.writeValueAsString(body);
    }

    @Test
    void shouldNotScoreTreesOrOtherLinearModelsDirectly() {
        assertThat(predictor(NumericModels.train(
                                data,
                                dir.resolve("cart"),
                                Algorithm.CART,
                                null,
                                FeatureSettings.MissingNumeric.MEAN,
                                3))
                        .scoresDirectly())
                .isFalse();
        assertThat(predictor(NumericModels.train(
                                data,
                                dir.resolve("liblinear"),
                                Algorithm.LIBLINEAR,
                                null,
                                FeatureSettings.MissingNumeric.MEAN,
                                3))
                        .scoresDirectly())
                .isFalse();
    }

    @Test
    void shouldTurnOffAScorerThatDisagreesWithTribuo() throws Exception {
        Predictor predictor = predictor(NumericModels.train(
                data, dir.resolve("own"), Algorithm.LOGISTIC, true, FeatureSettings.MissingNumeric.MEAN, 3));
        ModelBundle other = new ModelStore()
                .load(NumericModels.train(
                        data,
                        dir.resolve("other"),
                        Algorithm.LINEAR_SVM,
                        true,
                        FeatureSettings.MissingNumeric.MEAN,
                        4));
        // another model's weights over the same features: a scorer that is wrong for this predictor
        LinearScorer wrong = LinearScorer.of(other.model(), other.preparation());
        assertThat(wrong).isNotNull();
        Field scorer = Predictor.class.getDeclaredField("scorer");
        scorer.setAccessible(true);
        scorer.set(predictor, wrong);
        List<Instance> inputs = randomInputs(predictor, 5).subList(0, 20);
        assertThat(predictor.predict(inputs.get(0)).scores())
                .as("the wrong scorer is in use")
                .isNotEqualTo(predictor.predictWithTribuo(inputs.get(0)).scores());

        assertThat(predictor.checkDirectScoring(inputs)).isFalse();

        assertThat(predictor.scoresDirectly()).isFalse();
        for (Instance input : inputs) {
            assertThat(predictor.predict(input).scores())
                    .isEqualTo(predictor.predictWithTribuo(input).scores());
        }
    }
}
