package io.jenkins.plugins.mlops.records;

/** Metadata documents in the engine's format, for tests. */
public final class MetadataSamples {
    private MetadataSamples() {}

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
                """
                .formatted(runId);
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
                """
                .formatted(runId, outcome, macroF1Status);
    }

    /** A deploy run with golden requests and a load test; {@code reasons} non-empty means ROLLED_BACK. */
    public static String deploy(String runId, String status, String... reasons) {
        String list = String.join(
                ", ", java.util.Arrays.stream(reasons).map(r -> "\"" + r + "\"").toList());
        return """
                {"schemaVersion": 1, "runId": "%s", "kind": "deploy",
                 "model": {"path": "model/model.tribuo", "sha256": "ab12"},
                 "deployment": {"status": "%s", "target": "http://127.0.0.1:8080", "location": "http://127.0.0.1:8080",
                   "name": "receipts", "version": "3",
                   "golden": {"total": 20, "passed": 20, "failures": []},
                   "load": {"sent": 10000, "failed": 2, "throughput": 499.8, "p50Ms": 1.2, "p95Ms": 4.5, "p99Ms": 8.25,
                            "maxMs": 30.0, "errorRate": 0.0002, "passed": true},
                   "reasons": [%s]}}
                """
                .formatted(runId, status, list);
    }
}
