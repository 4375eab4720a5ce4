package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prediction reply is streamed with a JsonGenerator; it must stay byte for byte what the earlier
 * Jackson-tree reply was: model identity first, then id, label and probabilities, numbers written alike.
 */
class PredictionReplyFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAXI = "{\"description\":\"Taxi zum Flughafen\",\"amount\":35.5,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"card\"}";
    private static final String HOTEL = "{\"description\":\"Hotel Adler, 2 Nächte\",\"amount\":240,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"invoice\"}";

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

    @Test
    void shouldWriteASinglePredictionLikeTheTreeBuiltReply() {
        Http.Answer answer = http.post("/v1/predict", TAXI);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode reply = answer.json();
        ObjectNode expected = JSON.createObjectNode();
        expected.set("model", JSON.valueToTree(PredictionHandler.identity(server.slot().current())));
        expected.setAll(prediction(reply));
        assertThat(answer.body()).isEqualTo(expected.toString());
    }

    @Test
    void shouldWriteABatchLikeTheTreeBuiltReply() {
        Http.Answer answer = http.post("/v1/predict", "{\"instances\":[" + TAXI + "," + HOTEL + "]}");

        assertThat(answer.status()).isEqualTo(200);
        ObjectNode expected = JSON.createObjectNode();
        expected.set("model", JSON.valueToTree(PredictionHandler.identity(server.slot().current())));
        ArrayNode predictions = expected.putArray("predictions");
        answer.json().get("predictions").forEach(p -> predictions.add(prediction(p)));
        assertThat(predictions).hasSize(2);
        assertThat(answer.body()).isEqualTo(expected.toString());
    }

    /** One prediction rebuilt the way the tree-built reply built it, from the values in the reply. */
    private static ObjectNode prediction(final JsonNode reply) {
        ObjectNode prediction = JSON.createObjectNode();
        prediction.put("id", reply.get("id").asText());
        prediction.put("label", reply.get("label").asText());
        ObjectNode probabilities = prediction.putObject("probabilities");
        for (Iterator<Map.Entry<String, JsonNode>> it = reply.get("probabilities").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> score = it.next();
            probabilities.put(score.getKey(), Double.valueOf(score.getValue().doubleValue()));
        }
        return prediction;
    }
}
