package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service reads a request body whole however it arrives (with a length in pieces with pauses, or chunked),
 * up to exactly the configured limit, answers a chunked body over the limit with 413 without waiting for its
 * end, and reads the body before it refuses a wrong token, so that the connection stays usable.
 */
class BodyReaderTest {
    private static final int LIMIT = 512;
    private static final String TOKEN = "p-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOTEL = "{\"description\":\"Hotel Adler, 2 Nächte\",\"amount\":240,"
            + "\"currency\":\"EUR\",\"country\":\"DE\",\"payment_method\":\"invoice\"}";
    private static final String AUTH = "Authorization: Bearer " + TOKEN + "\r\n";

    private static PredictionServer server;
    private static JsonNode hotel;

    @BeforeAll
    static void start() throws Exception {
        server = PredictionServer.start(
                new ServingConfig(ServingConfig.LOOPBACK, 0, null, TOKEN, LIMIT, 1000, 1000, 1000),
                TestModels.load(TestModels.modelA()));
        Http.Answer answer = new Http(server.port()).post("/v1/predict", HOTEL, TOKEN);
        assertThat(answer.status()).isEqualTo(200);
        hotel = answer.json();
        assertThat(hotel.get("label").asText()).isEqualTo("lodging");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void assertPredictedHotel(final RawHttp.Response response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("label")).isEqualTo(hotel.get("label"));
        assertThat(json.get("probabilities")).isEqualTo(hotel.get("probabilities"));
    }

    @Test
    void shouldReadABodyOfAnnouncedLengthSentInPieces() throws Exception {
        byte[] body = HOTEL.getBytes(StandardCharsets.UTF_8);
        // the second piece ends in the middle of the two bytes of the 'ä'
        int umlaut = HOTEL.indexOf('ä');
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(RawHttp.post("/v1/predict", AUTH + "Content-Length: " + body.length + "\r\n"))
                    .pause(50)
                    .send(Arrays.copyOfRange(body, 0, 10))
                    .pause(50)
                    .send(Arrays.copyOfRange(body, 10, umlaut + 1))
                    .pause(50)
                    .send(Arrays.copyOfRange(body, umlaut + 1, body.length));

            assertPredictedHotel(http.read());
        }
    }

    @Test
    void shouldReadAChunkedBody() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(RawHttp.post("/v1/predict", AUTH + "Transfer-Encoding: chunked\r\n"))
                    .send(RawHttp.chunk(HOTEL.substring(0, 20)))
                    .pause(50)
                    .send(RawHttp.chunk(HOTEL.substring(20, 60)))
                    .pause(50)
                    .send(RawHttp.chunk(HOTEL.substring(60)))
                    .pause(50)
                    .send(RawHttp.LAST_CHUNK);

            assertPredictedHotel(http.read());
            // and the connection carries the next request
            http.send(RawHttp.post("/v1/predict", AUTH + "Transfer-Encoding: chunked\r\n")
                    + RawHttp.chunk(HOTEL)
                    + RawHttp.LAST_CHUNK);
            assertPredictedHotel(http.read());
        }
    }

    /** The body padded with spaces after the JSON object to a length in bytes. */
    private static String padded(final int length) {
        return HOTEL + " ".repeat(length - HOTEL.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void shouldAcceptAChunkedBodyOfExactlyTheLimit() throws Exception {
        String body = padded(LIMIT);
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(RawHttp.post("/v1/predict", AUTH + "Transfer-Encoding: chunked\r\n"))
                    .send(RawHttp.chunk(body.substring(0, 300)))
                    .pause(50)
                    .send(RawHttp.chunk(body.substring(300)))
                    .pause(50)
                    .send(RawHttp.LAST_CHUNK);

            assertPredictedHotel(http.read());
        }
    }

    @Test
    void shouldRejectAChunkedBodyLargerThanTheLimitWith413() throws Exception {
        String body = padded(LIMIT + 1);
        try (RawHttp http = new RawHttp(server.port())) {
            // the end of the body never comes: the answer must not wait for it
            http.send(RawHttp.post("/v1/predict", AUTH + "Transfer-Encoding: chunked\r\n"))
                    .send(RawHttp.chunk(body.substring(0, 300)))
                    .pause(50)
                    .send(RawHttp.chunk(body.substring(300)));

            RawHttp.Response response = http.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("error").asText())
                    .isEqualTo("request body is larger than the limit of " + LIMIT + " bytes");
        }
    }

    @Test
    void shouldKeepTheConnectionAfterRefusingAWrongToken() throws Exception {
        byte[] body = HOTEL.getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(server.port())) {
            // the body comes after a pause: a service that answered on the head alone would leave it unread
            http.send(RawHttp.post(
                            "/v1/predict", "Authorization: Bearer wrong\r\nContent-Length: " + body.length + "\r\n"))
                    .pause(100)
                    .send(body);
            RawHttp.Response refused = http.read();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers()).containsEntry("www-authenticate", "Bearer");
            assertThat(refused.headers().get("connection")).as("kept alive").isNotEqualToIgnoringCase("close");

            http.send(RawHttp.post("/v1/predict", AUTH + "Content-Length: " + body.length + "\r\n"))
                    .send(body);

            assertPredictedHotel(http.read());
        }
    }

    @Test
    void shouldKeepTheConnectionAfterRefusingAChunkedRequestWithoutAToken() throws Exception {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(RawHttp.post("/v1/predict", "Transfer-Encoding: chunked\r\n"))
                    .pause(50)
                    .send(RawHttp.chunk(HOTEL.substring(0, 30)))
                    .pause(50)
                    .send(RawHttp.chunk(HOTEL.substring(30)) + RawHttp.LAST_CHUNK);
            assertThat(http.read().status()).isEqualTo(401);

            http.send(RawHttp.post("/v1/predict", AUTH + "Transfer-Encoding: chunked\r\n")
                    + RawHttp.chunk(HOTEL)
                    + RawHttp.LAST_CHUNK);

            assertPredictedHotel(http.read());
        }
    }
}
