package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.MlopsException;
import java.nio.file.Path;
import java.util.Map;

/** {@code POST /v1/admin/swap} and {@code /v1/admin/rollback}: one model change at a time. */
final class AdminEndpoint {
    private final ModelSlot slot;
    private final ModelLoader loader;
    private final ServiceMetrics metrics;

    AdminEndpoint(final ModelSlot slot, final ModelLoader loader, final ServiceMetrics metrics) {
        this.slot = slot;
        this.loader = loader;
        this.metrics = metrics;
    }

    synchronized Reply swap(final JsonNode body) throws PredictionHandler.HttpProblem {
        if (!body.path("bundle").isTextual()) {
            throw new PredictionHandler.HttpProblem(
                    400, "swap needs {\"bundle\": \"<path of a model bundle on the server>\"}");
        }
        ServedModel next;
        try {
            next = loader.load(Path.of(body.get("bundle").asText()), text(body, "name"), text(body, "version"));
        } catch (MlopsException exception) {
            throw new PredictionHandler.HttpProblem(422, exception.getMessage());
        }
        ServedModel previous = slot.swap(next);
        metrics.swapped("swap");
        return Reply.json(
                200,
                Map.of("previous", ModelDescription.identity(previous), "current", ModelDescription.identity(next)));
    }

    synchronized Reply rollback() throws PredictionHandler.HttpProblem {
        try {
            ServedModel from = slot.current();
            ServedModel to = slot.rollback();
            metrics.swapped("rollback");
            return Reply.json(
                    200, Map.of("previous", ModelDescription.identity(from), "current", ModelDescription.identity(to)));
        } catch (IllegalStateException exception) {
            throw new PredictionHandler.HttpProblem(409, exception.getMessage());
        }
    }

    private static String text(final JsonNode body, final String field) {
        return body.path(field).isTextual() ? body.get(field).asText() : null;
    }
}
