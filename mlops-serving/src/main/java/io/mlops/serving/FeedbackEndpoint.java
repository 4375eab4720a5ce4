package io.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/feedback}: true labels for earlier predictions, which feed the live accuracy. */
final class FeedbackEndpoint {
    private final PredictionLog log;
    private final FeedbackWindows windows;
    private final ServiceMetrics metrics;

    FeedbackEndpoint(final PredictionLog log, final FeedbackWindows windows, final ServiceMetrics metrics) {
        this.log = log;
        this.windows = windows;
        this.metrics = metrics;
    }

    Reply answer(final JsonNode body) throws PredictionHandler.HttpProblem {
        List<JsonNode> events = new ArrayList<>();
        if (body.isObject() && body.has("feedback")) {
            body.get("feedback").forEach(events::add);
        } else {
            events.add(body);
        }
        int accepted = 0;
        List<String> unknown = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isObject()
                    || !event.path("id").isTextual()
                    || !event.path("label").isTextual()) {
                throw new PredictionHandler.HttpProblem(
                        400, "feedback must be {\"id\": \"<prediction id>\", \"label\": \"<true class>\"}");
            }
            PredictionLog.Prediction predicted = log.lookup(event.get("id").asText());
            if (predicted == null) {
                unknown.add(event.get("id").asText());
                continue;
            }
            windows.record(predicted.model(), event.get("label").asText(), predicted.label());
            metrics.feedback();
            accepted++;
        }
        if (accepted == 0) {
            throw new PredictionHandler.HttpProblem(
                    404, "unknown prediction id(s) " + unknown + ": never issued by this service instance, or too old");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("accepted", accepted);
        reply.put("unknown", unknown);
        LiveQuality quality = windows.current();
        reply.put("liveAccuracy", quality.accuracy());
        reply.put("window", quality.size());
        return Reply.json(200, reply);
    }
}
