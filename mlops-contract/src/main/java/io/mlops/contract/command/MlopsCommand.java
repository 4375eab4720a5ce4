package io.mlops.contract.command;

import static io.mlops.contract.command.CommandNames.*;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.CsvFormatWords;
import io.mlops.contract.deploy.LoadTestSpec;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.registry.ModelNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of one {@code mlops} command, made by typed builders: what the Jenkins plugin passes to the engine
 * process. Values are checked where the contract has a rule (names, load-test limits), so a bad value fails before a
 * JVM is started.
 */
public final class MlopsCommand {
    private final List<String> arguments;

    private MlopsCommand(final List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /** @return the arguments, subcommand first */
    public List<String> arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments);
    }

    /**
     * Starts {@code mlops train}; give a spec, or data and label.
     *
     * @return the builder
     */
    public static Train train() {
        return new Train();
    }

    /**
     * Starts {@code mlops evaluate}.
     *
     * @param model the model bundle or {@code NAME@REF}
     * @param data  the labelled test data
     * @return the builder
     */
    public static Evaluate evaluate(final String model, final String data) {
        return new Evaluate(model, data);
    }

    /**
     * Starts {@code mlops register}.
     *
     * @param bundle the model bundle folder
     * @param name   the model name
     * @return the builder
     */
    public static Register register(final String bundle, final String name) {
        return new Register(bundle, ModelNames.requireModelName(name));
    }

    /**
     * Starts {@code mlops models alias NAME ALIAS VERSION --reason REASON}: points an alias at a version (promotion).
     *
     * @param name    the model name
     * @param alias   the alias, e.g. {@code champion}
     * @param version the version
     * @param reason  why, for the audit log
     * @return the builder
     */
    public static Promote promote(final String name, final String alias, final int version, final String reason) {
        return new Promote(ModelNames.requireModelName(name), ModelNames.requireAlias(alias), version, reason);
    }

    /**
     * Starts {@code mlops deploy}.
     *
     * @param model the model bundle or {@code NAME@REF}
     * @return the builder
     */
    public static Deploy deploy(final String model) {
        return new Deploy(model);
    }

    /**
     * Starts {@code mlops retrain-check}: decides whether a model should be retrained. Give at least one source of a
     * condition: data ({@link RetrainCheck#data}), a service, a drift batch, an age limit or {@code force}.
     *
     * @param model the current model, a bundle folder or {@code NAME@REF}
     * @return the builder
     */
    public static RetrainCheck retrainCheck(final String model) {
        return new RetrainCheck(model);
    }

    /**
     * Starts {@code mlops models show REFERENCE --json}.
     *
     * @param reference {@code NAME}, {@code NAME@VERSION} or {@code NAME@ALIAS}
     * @return the builder
     */
    public static Show showModel(final String reference) {
        return new Show(reference);
    }

    /**
     * The options every command builder shares.
     *
     * @param <B> the builder type
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final List<String> arguments = new ArrayList<>();

        Builder(final String... command) {
            arguments.addAll(List.of(command));
        }

        abstract B self();

        final B option(final String name, final Object value) {
            if (value != null) {
                arguments.add(name);
                arguments.add(String.valueOf(value));
            }
            return self();
        }

        final B flag(final String name) {
            arguments.add(name);
            return self();
        }

        /**
         * @param file where the run metadata goes, or {@code null} for the command's default
         * @return this builder
         */
        public B metadata(final String file) {
            return option(METADATA_OPTION, file);
        }

        /**
         * @param folder the registry folder, or {@code null} for the engine's default
         * @return this builder
         */
        public B registry(final String folder) {
            return option(REGISTRY_OPTION, folder);
        }

        /** @return the command */
        public MlopsCommand build() {
            return new MlopsCommand(arguments);
        }
    }

    /**
     * The options of the commands that read CSV data files: how the files are written. Left out, the engine detects
     * the separator and a decimal comma from each file and reads UTF-8.
     *
     * @param <B> the builder type
     */
    public abstract static class DataCommandBuilder<B extends DataCommandBuilder<B>> extends Builder<B> {
        DataCommandBuilder(final String... command) {
            super(command);
        }

        /**
         * @param delimiter    the field separator: one character, {@code tab} or {@code \t}; {@code null} to detect it
         * @param decimalComma whether numbers use {@code ,} as the decimal mark; {@code false} to detect it
         * @param encoding     the text encoding, e.g. {@code windows-1252}; {@code null} for UTF-8
         * @return this builder
         * @throws MlopsException naming a value the engine would refuse
         */
        public B csvFormat(final String delimiter, final boolean decimalComma, final String encoding) {
            Character separator = CsvFormatWords.requireValid(delimiter, decimalComma, encoding);
            // a tab travels as its word, which survives every launcher and log line
            option(DELIMITER_OPTION, separator == null ? null : separator == '\t' ? CsvFormatWords.TAB : delimiter);
            option(DECIMAL_COMMA_OPTION, decimalComma ? "true" : null);
            return option(ENCODING_OPTION, encoding == null ? null : encoding.strip());
        }
    }

    /** Builds {@code mlops train}. */
    public static final class Train extends DataCommandBuilder<Train> {
        Train() {
            super(TRAIN);
        }

        @Override
        Train self() {
            return this;
        }

        /**
         * @param file the spec file
         * @return this builder
         */
        public Train spec(final String file) {
            return option(SPEC_OPTION, file);
        }

        /**
         * @param file the training data
         * @return this builder
         */
        public Train data(final String file) {
            return option(DATA_OPTION, file);
        }

        /**
         * @param column the label column
         * @return this builder
         */
        public Train label(final String column) {
            return option(LABEL_OPTION, column);
        }

        /**
         * @param id the algorithm id, e.g. {@code logistic}
         * @return this builder
         */
        public Train algorithm(final String id) {
            return option(ALGORITHM_OPTION, id);
        }

        /**
         * @param params hyperparameters by name, in order
         * @return this builder
         */
        public Train params(final Map<String, ?> params) {
            params.forEach((name, value) -> option(PARAM_OPTION, name + "=" + value));
            return this;
        }

        /**
         * @param seed the seed, or {@code null}
         * @return this builder
         */
        public Train seed(final Long seed) {
            return option(SEED_OPTION, seed);
        }

        /**
         * @param file a separate test data file
         * @return this builder
         */
        public Train testData(final String file) {
            return option(TEST_DATA_OPTION, file);
        }

        /**
         * @param share the held-out share, or {@code null}
         * @return this builder
         */
        public Train testFraction(final Double share) {
            return option(TEST_FRACTION_OPTION, share == null ? null : plain(share));
        }

        /**
         * @param folder the bundle folder
         * @return this builder
         */
        public Train output(final String folder) {
            return option(OUTPUT_OPTION, folder);
        }
    }

    /** Builds {@code mlops evaluate}. */
    public static final class Evaluate extends DataCommandBuilder<Evaluate> {
        Evaluate(final String model, final String data) {
            super(EVALUATE);
            option(MODEL_OPTION, Objects.requireNonNull(model, "model == null"));
            option(DATA_OPTION, Objects.requireNonNull(data, "data == null"));
        }

        @Override
        Evaluate self() {
            return this;
        }

        /**
         * @param gates the gate expressions, in order
         * @return this builder
         */
        public Evaluate gates(final List<String> gates) {
            gates.forEach(gate -> option(GATE_OPTION, gate));
            return this;
        }

        /**
         * @param model the baseline bundle or {@code NAME@REF}; a registry reference that does not exist yet makes the
         *     baseline-relative gates inactive (the engine logs why)
         * @return this builder
         */
        public Evaluate baseline(final String model) {
            return option(BASELINE_OPTION, model);
        }

        /**
         * @param criticality the criticality of gates without a suffix
         * @return this builder
         */
        public Evaluate onGateFailure(final Criticality criticality) {
            return option(ON_GATE_FAILURE_OPTION, criticality == null ? null : criticality.name());
        }
    }

    /** Builds {@code mlops register}. */
    public static final class Register extends Builder<Register> {
        Register(final String bundle, final String name) {
            super(REGISTER);
            option(MODEL_OPTION, Objects.requireNonNull(bundle, "bundle == null"));
            option(NAME_OPTION, name);
        }

        @Override
        Register self() {
            return this;
        }

        /**
         * @param alias an alias to point at the new version, or {@code null}
         * @return this builder
         */
        public Register alias(final String alias) {
            return option(ALIAS_OPTION, alias == null ? null : ModelNames.requireAlias(alias));
        }

        /**
         * @param user who registers, or {@code null} for the engine's default
         * @return this builder
         */
        public Register by(final String user) {
            return option(BY_OPTION, user);
        }

        /** @return this builder, printing the new version as JSON */
        public Register json() {
            return flag(JSON_OPTION);
        }
    }

    /** Builds {@code mlops models alias}. */
    public static final class Promote extends Builder<Promote> {
        Promote(final String name, final String alias, final int version, final String reason) {
            super(MODELS, ALIAS, name, alias, Integer.toString(version));
            if (version < 1) {
                throw new IllegalArgumentException("versions start at 1, got " + version);
            }
            option(REASON_OPTION, Objects.requireNonNull(reason, "reason == null"));
        }

        @Override
        Promote self() {
            return this;
        }

        /**
         * @param user who promotes, or {@code null} for the engine's default
         * @return this builder
         */
        public Promote by(final String user) {
            return option(BY_OPTION, user);
        }

        /** @return this builder, printing the audit entry as JSON */
        public Promote json() {
            return flag(JSON_OPTION);
        }
    }

    /** Builds {@code mlops retrain-check}. */
    public static final class RetrainCheck extends DataCommandBuilder<RetrainCheck> {
        RetrainCheck(final String model) {
            super(RETRAIN_CHECK);
            option(MODEL_OPTION, Objects.requireNonNull(model, "model == null"));
        }

        @Override
        RetrainCheck self() {
            return this;
        }

        /**
         * @param file the training spec whose {@code data} is compared with the model's input files, or {@code null}
         * @return this builder
         */
        public RetrainCheck spec(final String file) {
            return option(SPEC_OPTION, file);
        }

        /**
         * @param entries data files, folders or globs compared with the model's input files; empty for none
         * @return this builder
         */
        public RetrainCheck data(final List<String> entries) {
            entries.forEach(entry -> option(DATA_OPTION, entry));
            return this;
        }

        /**
         * @param url the prediction service whose {@code /metrics} gives live accuracy and drift, or {@code null}
         * @return this builder
         */
        public RetrainCheck service(final String url) {
            return option(SERVICE_OPTION, url);
        }

        /**
         * @param file a new data batch for offline drift, or {@code null}
         * @return this builder
         */
        public RetrainCheck driftData(final String file) {
            return option(DRIFT_DATA_OPTION, file);
        }

        /**
         * @param value live accuracy below this fires, or {@code null}
         * @return this builder
         */
        public RetrainCheck accuracyBelow(final Double value) {
            return option(ACCURACY_BELOW_OPTION, value == null ? null : plain(value));
        }

        /**
         * @param value live accuracy below test accuracy minus this fires, or {@code null}
         * @return this builder
         */
        public RetrainCheck maxAccuracyDrop(final Double value) {
            return option(MAX_ACCURACY_DROP_OPTION, value == null ? null : plain(value));
        }

        /**
         * @param value the fewest labelled events for accuracy to count, or {@code null} for the default
         * @return this builder
         */
        public RetrainCheck minFeedback(final Integer value) {
            return option(MIN_FEEDBACK_OPTION, value);
        }

        /**
         * @param value a PSI above this fires, or {@code null} for 0.2
         * @return this builder
         */
        public RetrainCheck driftAbove(final Double value) {
            return option(DRIFT_ABOVE_OPTION, value == null ? null : plain(value));
        }

        /**
         * @param days a model older than this fires, or {@code null}
         * @return this builder
         */
        public RetrainCheck maxAgeDays(final Integer days) {
            return option(MAX_AGE_DAYS_OPTION, days);
        }

        /**
         * @param rows fewer new rows than this, when the data only grew, do not fire; {@code null} for 1
         * @return this builder
         */
        public RetrainCheck minNewRows(final Long rows) {
            return option(MIN_NEW_ROWS_OPTION, rows);
        }

        /**
         * @param force whether retraining is forced
         * @return this builder
         */
        public RetrainCheck force(final boolean force) {
            return force ? flag(FORCE_OPTION) : this;
        }

        /**
         * @param inactive {@code true} to make an unreachable service an inactive condition instead of an error
         * @return this builder
         */
        public RetrainCheck unavailableAsInactive(final boolean inactive) {
            return inactive ? option(IF_UNAVAILABLE_OPTION, "inactive") : this;
        }

        /**
         * Makes the check exit with {@code RETRAIN_DUE} (7) when retraining is due, instead of 0.
         *
         * @return this builder
         */
        public RetrainCheck exitCode() {
            return flag(EXIT_CODE_OPTION);
        }

        /** @return this builder, asking for the decision as run metadata JSON on standard output */
        public RetrainCheck json() {
            return flag(JSON_OPTION);
        }
    }

    /** Builds {@code mlops deploy}. */
    public static final class Deploy extends Builder<Deploy> {
        Deploy(final String model) {
            super(DEPLOY);
            option(MODEL_OPTION, Objects.requireNonNull(model, "model == null"));
        }

        @Override
        Deploy self() {
            return this;
        }

        /**
         * @param url the running service to deploy to
         * @return this builder
         */
        public Deploy service(final String url) {
            return option(SERVICE_OPTION, url);
        }

        /**
         * @param folder the release folder to deploy to
         * @return this builder
         */
        public Deploy directory(final String folder) {
            return option(DIR_OPTION, folder);
        }

        /**
         * @param name the model name, or {@code null} to take it from the reference or bundle
         * @return this builder
         */
        public Deploy name(final String name) {
            return option(NAME_OPTION, name == null ? null : ModelNames.requireModelName(name));
        }

        /**
         * @param label the version label, or {@code null}
         * @return this builder
         */
        public Deploy versionLabel(final String label) {
            return option(VERSION_LABEL_OPTION, label);
        }

        /**
         * @param user who deploys, or {@code null}
         * @return this builder
         */
        public Deploy by(final String user) {
            return option(BY_OPTION, user);
        }

        /**
         * @param variable the environment variable that holds the service's admin token (never the token)
         * @return this builder
         */
        public Deploy adminTokenVariable(final String variable) {
            return option(ADMIN_TOKEN_ENV_OPTION, variable);
        }

        /**
         * @param file golden requests (JSON Lines), or {@code null}
         * @return this builder
         */
        public Deploy golden(final String file) {
            return option(GOLDEN_OPTION, file);
        }

        /**
         * @param load the load test, checked against the contract's limits when it was made; {@code null} for none
         * @return this builder
         */
        public Deploy load(final LoadTestSpec load) {
            if (load != null) {
                option(RPS_OPTION, load.rps());
                option(SECONDS_OPTION, load.seconds());
                option(P99_MS_OPTION, plain(load.p99Ms()));
                option(MAX_ERROR_RATE_OPTION, plain(load.maxErrorRate()));
            }
            return this;
        }
    }

    /** Builds {@code mlops models show}. */
    public static final class Show extends Builder<Show> {
        Show(final String reference) {
            super(MODELS, SHOW, Objects.requireNonNull(reference, "reference == null"));
            flag(JSON_OPTION);
        }

        @Override
        Show self() {
            return this;
        }
    }

    /** Numbers without exponent or trailing zeros: {@code 0.001}, not {@code 1.0E-3}. */
    private static String plain(final double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
