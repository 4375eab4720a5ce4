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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, a prediction reply is the model's identity, then id, label and probabilities, byte for byte as a
 * Jackson generator writes them, and every probability reads back as exactly the score the served model computes
 * for that input.
 */
class PredictionReplyFormatTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    private static final String TAXI = "{\"description\":\"Taxi zum Flughafen\",\"amount\":35.5,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"card\"}";
    private static final String HOTEL = "{\"description\":\"Hotel Adler, 2 Nächte\",\"amount\":240,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"invoice\"}";
    private static final String SNACK = "{\"description\":\"Kaffee und Kuchen\",\"amount\":7.3,"
            + "\"currency\":\"CHF\",\"country\":\"CH\",\"payment_method\":\"cash\"}";

    private PredictionServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = PredictionServer.start(ServingConfig.defaults(), TestModels.load(TestModels.modelA()));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** What the served model itself predicts for an input. */
    private Predictor.Result expected(final String input) throws Exception {
        Predictor predictor = server.slot().current().predictor();
        Instance instance = predictor.reader().read(JSON.readTree(input));
        predictor.validate(instance);
        return predictor.predict(instance);
    }

    @Test
    void shouldWriteASinglePredictionAsJacksonWould() throws Exception {
        Http.Answer answer = http.post("/v1/predict", TAXI);

        assertThat(answer.status()).isEqualTo(200);
        Predictor.Result result = expected(TAXI);
        String id = answer.json().get("id").asText();
        assertThat(answer.body()).isEqualTo(reply(false, List.of(id), List.of(result)));
        assertReadsBackExactly(answer.body(), List.of(result));
    }

    @Test
    void shouldWriteABatchAsJacksonWould() throws Exception {
        Http.Answer answer = http.post("/v1/predict", "{\"instances\":[" + TAXI + "," + HOTEL + "," + SNACK + "]}");

        assertThat(answer.status()).isEqualTo(200);
        List<Predictor.Result> results = List.of(expected(TAXI), expected(HOTEL), expected(SNACK));
        List<String> ids = new ArrayList<>();
        answer.json().get("predictions").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(answer.body()).isEqualTo(reply(true, ids, results));
        assertReadsBackExactly(answer.body(), results);
        JsonNode predictions = answer.json().get("predictions");
        for (int i = 0; i < results.size(); i++) {
            assertThat(predictions.get(i).get("label").asText())
                    .isEqualTo(results.get(i).label());
        }
    }

    /** Every number in the reply, in order, is the model's score, to the last bit. */
    private static void assertReadsBackExactly(final String body, final List<Predictor.Result> results)
            throws IOException {
        List<Double> expected = new ArrayList<>();
        results.forEach(result -> {
            for (double score : result.scores()) {
                expected.add(score);
            }
        });
        List<Double> read = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    read.add(Double.parseDouble(parser.getText()));
                }
            }
        }
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < read.size(); i++) {
            assertThat(Double.doubleToRawLongBits(read.get(i)))
                    .as("score %d: %s", i, read.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(expected.get(i)));
        }
    }

    private String reply(final boolean batch, final List<String> ids, final List<Predictor.Result> results)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName("model");
            json.writeStartObject();
            ServedModel model = server.slot().current();
            json.writeStringField("name", model.name());
            json.writeStringField("version", model.version());
            json.writeStringField("sha256", model.bundle().manifest().modelSha256());
            json.writeEndObject();
            if (batch) {
                json.writeArrayFieldStart("predictions");
            }
            for (int i = 0; i < results.size(); i++) {
                if (batch) {
                    json.writeStartObject();
                }
                json.writeStringField("id", ids.get(i));
                json.writeStringField("label", results.get(i).label());
                json.writeObjectFieldStart("probabilities");
                for (int k = 0; k < results.get(i).classes().size(); k++) {
                    json.writeNumberField(
                            results.get(i).classes().get(k), results.get(i).scores()[k]);
                }
                json.writeEndObject();
                if (batch) {
                    json.writeEndObject();
                }
            }
            if (batch) {
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
