package io.jenkins.plugins.mlops.results;

/** Metadata documents in the engine's format, for tests. */
public final class MetadataSamples {
    private MetadataSamples() {
    }

    /** A training run without gates. */
    public static String train(String runId) {
        return """
                {"schemaVersion": 1, "runId": "%s", "kind": "train", "algorithm": "logistic",
                 "hyperparameters": {"epochs": 10}, "seed": 42,
                 "model": {"path": "model/model.tribuo", "sha256": "ab12", "fingerprint": "f1"},
                 "metrics": {"accuracy": 0.93, "macroPrecision": 0.91, "macroRecall": 0.9, "macroF1": 0.905,
                             "perClass": {"food": {"precision": 0.9, "recall": 0.95, "f1": 0.92, "support": 20}},
                             "confusionMatrix": {"labels": ["food", "travel"], "counts": [[19, 1], [2, 18]]}},
                 "durations": {"trainMillis": 120}}
                """.formatted(runId);
    }

    /** An evaluation run whose gates ended with the given outcome; the macroF1 gate has the given status. */
    public static String evaluate(String runId, String outcome, String macroF1Status) {
        return """
                {"schemaVersion": 1, "runId": "%s", "kind": "evaluate", "algorithm": "logistic",
                 "model": {"path": "model/model.tribuo", "sha256": "ab12"},
                 "metrics": {"accuracy": 0.92, "macroF1": 0.81, "logLoss": 0.3},
                 "gates": {"outcome": "%s", "results": [
                   {"expression": "accuracy >= 0.90", "metric": "accuracy", "operator": ">=", "actual": 0.92, "threshold": 0.9,
                    "status": "PASSED", "criticality": "FAILURE"},
                   {"expression": "macroF1 >= 0.85", "metric": "macroF1", "operator": ">=", "actual": 0.81, "threshold": 0.85,
                    "status": "%s", "criticality": "FAILURE"}]}}
                """.formatted(runId, outcome, macroF1Status);
    }
}
