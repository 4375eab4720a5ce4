package io.mlops.contract.command;

/**
 * The names of the {@code mlops} subcommands and options. The command line declares its options with these constants
 * and {@link MlopsCommand} writes them, so the two cannot drift apart.
 */
public final class CommandNames {
    /** {@code mlops train}. */
    public static final String TRAIN = "train";
    /** {@code mlops evaluate}. */
    public static final String EVALUATE = "evaluate";
    /** {@code mlops register}. */
    public static final String REGISTER = "register";
    /** {@code mlops deploy}. */
    public static final String DEPLOY = "deploy";
    /** {@code mlops report}: a standalone HTML report of runs. */
    public static final String REPORT = "report";
    /** {@code mlops retrain-check}: decides whether a model should be retrained. */
    public static final String RETRAIN_CHECK = "retrain-check";
    /** {@code mlops models}: the registry's subcommands. */
    public static final String MODELS = "models";
    /** {@code mlops models show}. */
    public static final String SHOW = "show";
    /** {@code mlops models alias}. */
    public static final String ALIAS = "alias";

    /** Training spec file. */
    public static final String SPEC_OPTION = "--spec";
    /** Data file. */
    public static final String DATA_OPTION = "--data";
    /** Label column. */
    public static final String LABEL_OPTION = "--label";
    /** Algorithm id. */
    public static final String ALGORITHM_OPTION = "--algorithm";
    /** One hyperparameter, {@code KEY=VALUE}. */
    public static final String PARAM_OPTION = "--param";
    /** Seed. */
    public static final String SEED_OPTION = "--seed";
    /** Separate test data file. */
    public static final String TEST_DATA_OPTION = "--test-data";
    /** Held-out share. */
    public static final String TEST_FRACTION_OPTION = "--test-fraction";
    /** CSV field separator of the data files. */
    public static final String DELIMITER_OPTION = "--delimiter";
    /** Whether the data files' numbers use a decimal comma. */
    public static final String DECIMAL_COMMA_OPTION = "--decimal-comma";
    /** Text encoding of the data files. */
    public static final String ENCODING_OPTION = "--encoding";
    /** Bundle output folder. */
    public static final String OUTPUT_OPTION = "--output";
    /** Run metadata file. */
    public static final String METADATA_OPTION = "--metadata";
    /** Report: draw a trend even of one or two runs. */
    public static final String TREND_OPTION = "--trend";
    /** Report: a metric to draw on the trend, repeatable. */
    public static final String METRIC_OPTION = "--metric";
    /** Print JSON instead of a report. */
    public static final String JSON_OPTION = "--json";
    /** Model bundle path or {@code NAME@REF}. */
    public static final String MODEL_OPTION = "--model";
    /** One quality gate. */
    public static final String GATE_OPTION = "--gate";
    /** Baseline model path or {@code NAME@REF}. */
    public static final String BASELINE_OPTION = "--baseline";
    /** The criticality of gates without a suffix. */
    public static final String ON_GATE_FAILURE_OPTION = "--on-gate-failure";
    /** Registry folder. */
    public static final String REGISTRY_OPTION = "--registry";
    /** Model name. */
    public static final String NAME_OPTION = "--name";
    /** Alias to set. */
    public static final String ALIAS_OPTION = "--alias";
    /** Who does it, for the audit log. */
    public static final String BY_OPTION = "--by";
    /** Why, for the audit log. */
    public static final String REASON_OPTION = "--reason";
    /** Deploy to a running service at this URL. */
    public static final String SERVICE_OPTION = "--service";
    /** Deploy to a release folder. */
    public static final String DIR_OPTION = "--dir";
    /** Version label of a deployment. */
    public static final String VERSION_LABEL_OPTION = "--version-label";
    /** The environment variable holding the service's admin token. */
    public static final String ADMIN_TOKEN_ENV_OPTION = "--admin-token-env";
    /** Golden requests file. */
    public static final String GOLDEN_OPTION = "--golden";
    /** Load test: requests per second. */
    public static final String RPS_OPTION = "--rps";
    /** Load test: duration in seconds. */
    public static final String SECONDS_OPTION = "--seconds";
    /** Load test: p99 latency gate. */
    public static final String P99_MS_OPTION = "--p99-ms";
    /** Load test: error-rate gate. */
    public static final String MAX_ERROR_RATE_OPTION = "--max-error-rate";

    /** Train: drop rows that repeat an earlier row exactly. */
    public static final String DEDUPE_OPTION = "--dedupe";
    /** Train: use only recent data, {@code rows=N}, {@code files=N} or {@code days=N}. */
    public static final String WINDOW_OPTION = "--window";
    /** Retrain check: a new data batch to compute drift on offline, against the model's training histograms. */
    public static final String DRIFT_DATA_OPTION = "--drift-data";
    /** Retrain check: live accuracy below this fires. */
    public static final String ACCURACY_BELOW_OPTION = "--accuracy-below";
    /** Retrain check: live accuracy below the model's test accuracy minus this fires. */
    public static final String MAX_ACCURACY_DROP_OPTION = "--max-accuracy-drop";
    /** Retrain check: the fewest labelled feedback events for accuracy to count. */
    public static final String MIN_FEEDBACK_OPTION = "--min-feedback";
    /** Retrain check: a PSI above this fires (default 0.2). */
    public static final String DRIFT_ABOVE_OPTION = "--drift-above";
    /** Retrain check: a model trained more than this many days ago fires. */
    public static final String MAX_AGE_DAYS_OPTION = "--max-age-days";
    /** Retrain check: fewer new rows than this, when the data only grew, do not fire. */
    public static final String MIN_NEW_ROWS_OPTION = "--min-new-rows";
    /** Retrain check: retrain whatever the conditions say. */
    public static final String FORCE_OPTION = "--force";
    /** Retrain check: what an unreachable service or unreadable metrics does, {@code fail} or {@code inactive}. */
    public static final String IF_UNAVAILABLE_OPTION = "--if-unavailable";
    /** Retrain check: exit with {@code RETRAIN_DUE} when retraining is due. */
    public static final String EXIT_CODE_OPTION = "--exit-code";
    /** Retrain check: the file that caches the data scan (size, modification time, SHA-256, rows per file). */
    public static final String CACHE_OPTION = "--cache";

    private CommandNames() {}
}
