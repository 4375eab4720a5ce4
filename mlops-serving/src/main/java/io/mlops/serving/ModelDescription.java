package io.mlops.serving;

import io.mlops.contract.metrics.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the service says about a served model: its identity, and for {@code GET /v1/model} its description. */
final class ModelDescription {
    private ModelDescription() {}

    static Map<String, Object> identity(final ServedModel model) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", model.name());
        identity.put("version", model.version());
        identity.put("sha256", model.bundle().manifest().modelSha256());
        return identity;
    }

    static Map<String, Object> describe(final ServedModel model) {
        Map<String, Object> description = identity(model);
        description.put("fingerprint", model.bundle().manifest().modelFingerprint());
        description.put("algorithm", model.bundle().manifest().algorithm());
        description.put("labels", model.bundle().manifest().labels());
        description.put("schema", model.bundle().preparation().getSchema());
        description.put("loadedAt", model.loadedAt().toString());
        if (model.training() != null && model.training().metrics() != null) {
            Map<String, Double> metrics = model.training().metrics().byName();
            Map<String, Object> summary = new LinkedHashMap<>();
            for (String name : MetricNames.OVERALL) {
                if (metrics.containsKey(name)) {
                    summary.put(name, metrics.get(name));
                }
            }
            description.put("trainingMetrics", summary);
        }
        return description;
    }
}
