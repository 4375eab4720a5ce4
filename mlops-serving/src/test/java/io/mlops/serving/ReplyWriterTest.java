package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReplyWriter} writes exactly the bytes a Jackson {@link JsonGenerator} with the fast double writer writes
 * for the same fields in the same order, for single and batch replies, for class names and model identities that
 * need JSON escaping, and for any score; every number it writes reads back as the same double.
 */
class ReplyWriterTest {
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    /** Class names that JSON must escape or that are not ASCII. */
    static final List<String> AWKWARD = List.of(
            "say \"hi\"",
            "back\\slash",
            "Übernachtung",
            "tab\there and\nnew line",
            "bell\u0007 unit\u001f separator",
            "emoji \uD83D\uDE00 line\u2028end");
    /** Scores whose shortest decimal forms differ between writers, or that are extremes. */
    static final double[] SPECIAL = {
        1.0E-7,
        0.1,
        1.0 / 3,
        0.0,
        Double.MIN_VALUE,
        -0.0,
        2.0E-3,
        1.0E23,
        8.41E21,
        Double.MAX_VALUE,
        Double.MIN_NORMAL,
        0.30000000000000004,
        Math.nextDown(1.0),
        1.0,
        5.0E-324 * 3,
        1.0E-5,
        123456.789,
        -2.5,
        9007199254740993.0,
        4.35E-10,
        0.0010,
        100.0,
        1.0E7,
        1.0E-3
    };

    @TempDir
    static Path dir;

    private static ServedModel receipts;
    private static ServedModel awkward;

    @BeforeAll
    static void load() throws IOException {
        receipts = TestModels.load(TestModels.modelA());
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < 240; row++) {
            int k = row % AWKWARD.size();
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("x", k * 10 + random.nextGaussian());
            line.put("y", random.nextGaussian());
            line.put("label", AWKWARD.get(k));
            lines.add(line.toString());
        }
        Path data = Files.write(dir.resolve("awkward.jsonl"), lines);
        Path bundle = dir.resolve("awkward");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label("label")
                                .algorithm(Algorithm.LOGISTIC)
                                .param("epochs", 3)
                                .output(bundle)
                                .build(),
                        List.of());
        awkward = new ModelLoader(100).load(bundle, "names \"quoted\" \\ Übung", "v\u00011");
    }

    /** The reply as Jackson's generator writes it, field by field. */
    private static byte[] jackson(
            final ServedModel model, final boolean batch, final String[] ids, final Predictor.Result[] results)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JACKSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName("model");
            json.writeObject(ModelDescription.identity(model));
            if (batch) {
                json.writeArrayFieldStart("predictions");
                for (int i = 0; i < results.length; i++) {
                    json.writeStartObject();
                    prediction(json, ids[i], results[i]);
                    json.writeEndObject();
                }
                json.writeEndArray();
            } else {
                prediction(json, ids[0], results[0]);
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void prediction(final JsonGenerator json, final String id, final Predictor.Result result)
            throws IOException {
        json.writeStringField("id", id);
        json.writeStringField("label", result.label());
        json.writeObjectFieldStart("probabilities");
        for (int k = 0; k < result.classes().size(); k++) {
            json.writeNumberField(result.classes().get(k), result.scores()[k]);
        }
        json.writeEndObject();
    }

    private static void assertSameAsJackson(
            final ServedModel model, final boolean batch, final String[] ids, final Predictor.Result[] results)
            throws IOException {
        byte[] written = new ReplyWriter(model).write(batch, ids, results);
        byte[] expected = jackson(model, batch, ids, results);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(expected);
    }

    private static Predictor.Result predict(final ServedModel model, final String json) throws Exception {
        Instance input = model.predictor()
                .reader()
                .read(json.getBytes(StandardCharsets.UTF_8), 1)
                .instances()
                .get(0);
        model.predictor().validate(input);
        return model.predictor().predict(input);
    }

    private static String receipt(final String description, final double amount, final String payment) {
        return "{\"description\":\"" + description + "\",\"amount\":" + amount
                + ",\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"" + payment + "\"}";
    }

    /** Results of a model with the given scores, a model's worth of classes at a time; the label rotates. */
    private static Predictor.Result[] results(final ServedModel model, final double[] scores) {
        List<String> classes = model.predictor().classes();
        int count = (scores.length + classes.size() - 1) / classes.size();
        Predictor.Result[] results = new Predictor.Result[count];
        for (int i = 0; i < count; i++) {
            double[] some = new double[classes.size()];
            for (int k = 0; k < some.length; k++) {
                some[k] = scores[(i * some.length + k) % scores.length];
            }
            results[i] = new Predictor.Result(classes.get(i % classes.size()), classes, some);
        }
        return results;
    }

    private static String[] ids(final int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "3k9zq1-" + Long.toString(i + 1, 36);
        }
        return ids;
    }

    @Test
    void shouldWriteASinglePredictionOfARealModelLikeJackson() throws Exception {
        Predictor.Result result = predict(receipts, receipt("Taxi zum Flughafen", 35.5, "card"));
        assertThat(result.label()).isEqualTo("transport");

        assertSameAsJackson(receipts, false, new String[] {"abc-1"}, new Predictor.Result[] {result});
    }

    @Test
    void shouldWriteABatchOfRealPredictionsLikeJackson() throws Exception {
        Predictor.Result[] results = {
            predict(receipts, receipt("Taxi zum Flughafen", 35.5, "card")),
            predict(receipts, receipt("Hotel Adler, 2 Nächte", 240, "invoice")),
            predict(receipts, receipt("Mittagessen mit Team (4 Pers.)", 60, "company_card"))
        };

        assertSameAsJackson(receipts, true, ids(3), results);
        assertSameAsJackson(receipts, true, ids(1), new Predictor.Result[] {results[1]});
    }

    @Test
    void shouldEscapeClassNamesAndTheModelIdentityLikeJackson() throws Exception {
        assertThat(awkward.predictor().classes()).containsExactlyInAnyOrderElementsOf(AWKWARD);
        Predictor.Result real = predict(awkward, "{\"x\":20.5,\"y\":0.1}");
        assertThat(real.label()).isEqualTo(AWKWARD.get(2));
        Predictor.Result[] each = results(awkward, SPECIAL);

        assertSameAsJackson(awkward, false, ids(1), new Predictor.Result[] {real});
        for (Predictor.Result result : each) {
            assertSameAsJackson(awkward, false, ids(1), new Predictor.Result[] {result});
        }
        assertSameAsJackson(awkward, true, ids(each.length), each);

        // and it reads back as what was written
        JsonNode reply = JACKSON.readTree(new ReplyWriter(awkward).write(false, ids(1), new Predictor.Result[] {real}));
        assertThat(reply.get("model").get("name").asText()).isEqualTo("names \"quoted\" \\ Übung");
        assertThat(reply.get("model").get("version").asText()).isEqualTo("v\u00011");
        assertThat(reply.get("model").get("sha256").asText())
                .isEqualTo(awkward.bundle().manifest().modelSha256());
        assertThat(reply.get("label").asText()).isEqualTo(AWKWARD.get(2));
        List<String> keys = new ArrayList<>();
        reply.get("probabilities").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(awkward.predictor().classes());
    }

    @Test
    void shouldWriteEveryNumberSoThatItReadsBackExactly() throws Exception {
        Random random = new Random(17);
        double[] scores = new double[SPECIAL.length + 3_000];
        System.arraycopy(SPECIAL, 0, scores, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < scores.length; i++) {
            double value;
            do {
                // any bit pattern: every exponent, both signs, subnormals
                value = i % 3 == 0 ? random.nextDouble() : Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(value));
            scores[i] = value;
        }
        Predictor.Result[] results = results(receipts, scores);

        byte[] written = new ReplyWriter(receipts).write(true, ids(results.length), results);

        assertThat(written.length).as("larger than the writer's scratch buffer").isGreaterThan(8192);
        assertSameAsJackson(receipts, true, ids(results.length), results);
        List<String> numbers = new ArrayList<>();
        try (JsonParser parser = JACKSON.createParser(written)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    numbers.add(parser.getText());
                }
            }
        }
        int classes = receipts.predictor().classes().size();
        assertThat(numbers).hasSize(results.length * classes);
        for (int i = 0; i < numbers.size(); i++) {
            double expected = results[i / classes].scores()[i % classes];
            double read = Double.parseDouble(numbers.get(i));
            assertThat(Double.doubleToRawLongBits(read))
                    .as("%s read back from %s", expected, numbers.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void shouldQuoteNonFiniteScoresLikeJackson() throws Exception {
        Predictor.Result[] results = results(receipts, new double[] {
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5, Double.NaN, 1.0E-300
        });

        assertSameAsJackson(receipts, false, ids(1), results);
        assertThat(new String(new ReplyWriter(receipts).write(false, ids(1), results), StandardCharsets.UTF_8))
                .contains("\"NaN\"", "\"Infinity\"", "\"-Infinity\"");
    }

    @Test
    void shouldEncodeALabelThatIsNotAClassLikeJackson() throws Exception {
        List<String> classes = awkward.predictor().classes();
        Predictor.Result odd = new Predictor.Result("not \"a\" class\u0000", classes, new double[classes.size()]);

        assertSameAsJackson(awkward, false, ids(1), new Predictor.Result[] {odd});
    }

    @Test
    void shouldNotChangeAnEarlierReplyWhenWritingTheNext() throws Exception {
        ReplyWriter writer = new ReplyWriter(receipts);
        Predictor.Result taxi = predict(receipts, receipt("Taxi zum Flughafen", 35.5, "card"));
        Predictor.Result hotel = predict(receipts, receipt("Hotel Adler, 2 Nächte", 240, "invoice"));
        byte[] first = writer.write(false, new String[] {"a-1"}, new Predictor.Result[] {taxi});
        byte[] copy = first.clone();

        byte[] second = writer.write(false, new String[] {"a-2"}, new Predictor.Result[] {hotel});
        Predictor.Result[] many = results(receipts, new double[5_000]);
        writer.write(true, ids(many.length), many);

        assertThat(first)
                .isEqualTo(copy)
                .isEqualTo(jackson(receipts, false, new String[] {"a-1"}, new Predictor.Result[] {taxi}));
        assertThat(second).isEqualTo(jackson(receipts, false, new String[] {"a-2"}, new Predictor.Result[] {hotel}));
    }
}
