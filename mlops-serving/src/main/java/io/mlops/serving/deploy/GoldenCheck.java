package io.mlops.serving.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.deploy.GoldenResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Integration check with golden requests: a JSON Lines file whose lines are
 * {@code {"input": {...}, "expected": "label"}}. Every answer must be 200 with the expected label.
 */
public final class GoldenCheck {
    private static final ObjectMapper JSON = Json.mapper();

    /**
     * One golden request.
     *
     * @param line     the line of the file
     * @param input    the prediction input
     * @param expected the expected label
     */
    public record Golden(long line, JsonNode input, String expected) {}

    /**
     * Reads a golden file.
     *
     * @param file the JSON Lines file
     * @return the requests
     * @throws MlopsException naming the line for malformed content
     */
    public static List<Golden> read(final Path file) {
        List<Golden> golden = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "golden requests file not found or unreadable");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines.get(i));
            } catch (IOException exception) {
                throw MlopsException.atLine(file, i + 1, "not valid JSON");
            }
            if (!node.path("input").isObject() || !node.path("expected").isTextual()) {
                throw MlopsException.atLine(file, i + 1, "expected {\"input\": {...}, \"expected\": \"<label>\"}");
            }
            golden.add(new Golden(i + 1, node.get("input"), node.get("expected").asText()));
        }
        if (golden.isEmpty()) {
            throw MlopsException.inFile(file, "no golden requests");
        }
        return golden;
    }

    /**
     * Sends every golden request.
     *
     * @param endpoint the prediction URL
     * @param token    a bearer token for predictions, or {@code null}
     * @param golden   the requests
     * @return the result
     */
    public GoldenResult run(final URI endpoint, final String token, final List<Golden> golden) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Golden request : golden) {
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request.input())));
                if (token != null) {
                    builder.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures.add("line " + request.line() + ": HTTP " + response.statusCode() + " " + response.body());
                    continue;
                }
                String label = JSON.readTree(response.body()).path("label").asText();
                if (label.equals(request.expected())) {
                    passed++;
                } else {
                    failures.add(
                            "line " + request.line() + ": expected '" + request.expected() + "', got '" + label + "'");
                }
            } catch (IOException exception) {
                failures.add("line " + request.line() + ": no answer: " + exception.getMessage());
            } catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
                failures.add("line " + request.line() + ": interrupted");
                break;
            }
        }
        return new GoldenResult(golden.size(), passed, failures);
    }
}
