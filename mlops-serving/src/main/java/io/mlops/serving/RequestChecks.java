package io.mlops.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** The checks every request passes: method, bearer token and, for feedback and admin requests, a JSON body. */
final class RequestChecks {
    private RequestChecks() {}

    static JsonNode parse(final byte[] bytes) throws PredictionHandler.HttpProblem {
        if (bytes.length == 0) {
            throw new PredictionHandler.HttpProblem(400, "empty request body; expected JSON");
        }
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new PredictionHandler.HttpProblem(400, "empty request body; expected JSON");
            }
            return node;
        } catch (JsonProcessingException exception) {
            throw new PredictionHandler.HttpProblem(400, "malformed JSON: " + exception.getOriginalMessage());
        } catch (IOException exception) {
            throw new PredictionHandler.HttpProblem(400, "cannot read request body: " + exception.getMessage());
        }
    }

    static void requireMethod(final Request request, final String method) throws PredictionHandler.HttpProblem {
        if (!method.equals(request.getMethod())) {
            throw new PredictionHandler.HttpProblem(405, request.getMethod() + " is not allowed here; use " + method);
        }
    }

    static void requireAdmin(final Request request, final ServingConfig config) throws PredictionHandler.HttpProblem {
        if (config.adminToken() == null) {
            throw new PredictionHandler.HttpProblem(403, "admin API disabled: start the service with an admin token");
        }
        requireToken(request, config.adminToken());
    }

    static void requireToken(final Request request, final String token) throws PredictionHandler.HttpProblem {
        if (token == null) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String expected = "Bearer " + token;
        if (header == null
                || !MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new PredictionHandler.HttpProblem(401, "missing or wrong bearer token");
        }
    }
}
