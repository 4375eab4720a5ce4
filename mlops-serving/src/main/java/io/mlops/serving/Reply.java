package io.mlops.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.Json;

/**
 * An HTTP answer: status, content type and body.
 *
 * @param status      the HTTP status
 * @param contentType the content type
 * @param body        the body
 */
record Reply(int status, String contentType, byte[] body) {
    private static final ObjectMapper JSON = Json.mapper();

    static Reply json(final int status, final Object body) {
        try {
            return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("replies are plain maps and records", exception);
        }
    }

    static Reply error(final int status, final String message) {
        return json(status, java.util.Map.of("error", message));
    }
}
