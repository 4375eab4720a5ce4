package io.mlops.contract.serving;

/**
 * The names of the prediction service's Prometheus metrics ({@code GET /metrics}) and of their labels: the service
 * writes them, {@link LiveMetrics} reads them back (in the engine's retrain check and in Jenkins triggers on the
 * controller), so each name is spelt once.
 */
public final class ServiceMetricNames {
    /** HTTP requests by endpoint and status (counter). */
    public static final String REQUESTS = "mlops_requests_total";
    /** Requests answered with 4xx or 5xx, by endpoint (counter). */
    public static final String REQUEST_ERRORS = "mlops_request_errors_total";
    /** Request latency by endpoint (histogram). */
    public static final String REQUEST_DURATION = "mlops_request_duration_seconds";
    /** Feedback events received since the service started (counter). */
    public static final String FEEDBACK = "mlops_feedback_total";
    /** Model swaps and rollbacks by kind (counter). */
    public static final String MODEL_SWAPS = "mlops_model_swaps_total";
    /** The model served: name, version and SHA-256 as labels, value 1 (gauge). */
    public static final String MODEL_VERSION = "mlops_model_version";
    /** Accuracy over the feedback window; absent while the window is empty (gauge). */
    public static final String LIVE_ACCURACY = "mlops_live_accuracy";
    /** Labelled feedback events in the window (gauge). */
    public static final String LIVE_FEEDBACK_WINDOW = "mlops_live_feedback_window";
    /** Recall per class over the feedback window (gauge). */
    public static final String LIVE_RECALL = "mlops_live_recall";
    /** Population stability index per feature; absent until enough inputs were observed (gauge). */
    public static final String INPUT_DRIFT_PSI = "mlops_input_drift_psi";
    /** The largest PSI over all features (gauge). */
    public static final String INPUT_DRIFT_SCORE = "mlops_input_drift_score";

    /** Label of {@link #REQUESTS}, {@link #REQUEST_ERRORS} and {@link #REQUEST_DURATION}. */
    public static final String LABEL_ENDPOINT = "endpoint";
    /** Label of {@link #REQUESTS}: the HTTP status. */
    public static final String LABEL_STATUS = "status";
    /** Label of {@link #MODEL_SWAPS}. */
    public static final String LABEL_KIND = "kind";
    /** Label of {@link #MODEL_VERSION}: the registered model name. */
    public static final String LABEL_NAME = "name";
    /** Label of {@link #MODEL_VERSION}: the version label. */
    public static final String LABEL_VERSION = "version";
    /** Label of {@link #MODEL_VERSION}: the SHA-256 of the model file. */
    public static final String LABEL_SHA256 = "sha256";
    /** Label of {@link #LIVE_RECALL}. */
    public static final String LABEL_CLASS = "class";
    /** Label of {@link #INPUT_DRIFT_PSI}. */
    public static final String LABEL_FEATURE = "feature";

    /** The path of the metrics document on the service. */
    public static final String PATH = "/metrics";

    private ServiceMetricNames() {}
}
