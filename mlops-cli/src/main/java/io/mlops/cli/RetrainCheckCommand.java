package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.engine.data.CsvFormat;
import io.mlops.engine.data.DataWindow;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.registry.ModelSource;
import io.mlops.engine.retrain.RetrainCheck;
import io.mlops.engine.retrain.RetrainCheckRequest;
import io.mlops.engine.train.SpecReader;
import io.mlops.engine.train.TrainingSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops retrain-check}: decides whether a model should be retrained, and says why. */
@Command(
        name = CommandNames.RETRAIN_CHECK,
        mixinStandardHelpOptions = true,
        description = {
            "Decides whether a model should be retrained: from new training data, live accuracy and input drift of a"
                    + " running prediction service, drift of a new batch against the model's training histograms,"
                    + " the model's age, or --force. Prints each condition with its measured value and threshold"
                    + " and writes the decision as run metadata (kind retrain-check).",
            "Exits 0 whether or not retraining is due (with --exit-code: 7 when due); 8 when the service is"
                    + " unreachable or its metrics unreadable (unless --if-unavailable inactive)."
        })
final class RetrainCheckCommand implements Callable<Integer> {
    /** Where the data scan cache goes by default, relative to the working directory. */
    static final Path DEFAULT_CACHE = Path.of(".mlops", "data-scan.json");

    @Spec
    CommandSpec command;

    @Option(
            names = CommandNames.MODEL_OPTION,
            required = true,
            paramLabel = "PATH|NAME@REF",
            description = "The current model: a bundle folder, or NAME@REF of the registry (e.g. receipts@champion).")
    String model;

    @Option(
            names = CommandNames.SPEC_OPTION,
            paramLabel = "FILE",
            description = "Training spec whose data (files, folders, globs, window) is compared with the model's"
                    + " input files.")
    Path spec;

    @Option(
            names = CommandNames.DATA_OPTION,
            paramLabel = "FILE|DIR|GLOB",
            description = "Training data compared with the model's input files, repeatable (instead of --spec).")
    List<String> data = new ArrayList<>();

    @Option(
            names = CommandNames.SERVICE_OPTION,
            paramLabel = "URL",
            description = "A running prediction service; its /metrics gives live accuracy (feedback window) and"
                    + " drift (PSI per feature).")
    String service;

    @Option(
            names = CommandNames.DRIFT_DATA_OPTION,
            paramLabel = "FILE",
            description = "A new data batch; its drift (PSI per feature) against the model's training histograms.")
    Path driftData;

    @Option(
            names = CommandNames.ACCURACY_BELOW_OPTION,
            paramLabel = "ACCURACY",
            description = "Live accuracy below this fires.")
    Double accuracyBelow;

    @Option(
            names = CommandNames.MAX_ACCURACY_DROP_OPTION,
            paramLabel = "SHARE",
            description = "Live accuracy below the model's test accuracy minus this fires (default with --service"
                    + " and no --accuracy-below: " + RetrainPolicy.DEFAULT_MAX_ACCURACY_DROP + ").")
    Double maxAccuracyDrop;

    @Option(
            names = CommandNames.MIN_FEEDBACK_OPTION,
            paramLabel = "N",
            description = "Fewest labelled feedback events in the window for accuracy to count (default "
                    + RetrainPolicy.DEFAULT_MIN_FEEDBACK + ").")
    Integer minFeedback;

    @Option(
            names = CommandNames.DRIFT_ABOVE_OPTION,
            paramLabel = "PSI",
            description = "A feature's PSI above this fires (default 0.2).")
    Double driftAbove;

    @Option(
            names = CommandNames.MAX_AGE_DAYS_OPTION,
            paramLabel = "DAYS",
            description = "A model trained more than this many days ago fires.")
    Long maxAgeDays;

    @Option(
            names = CommandNames.MIN_NEW_ROWS_OPTION,
            paramLabel = "N",
            description = "Fewer new rows than this, when the data only grew, are a trickle and do not fire"
                    + " (default 1).")
    Long minNewRows;

    @Option(names = CommandNames.FORCE_OPTION, description = "Retrain whatever the conditions say.")
    boolean force;

    @Option(
            names = CommandNames.IF_UNAVAILABLE_OPTION,
            paramLabel = "fail|inactive",
            description = "An unreachable service or unreadable metrics: fail the check (exit 8, the default) or"
                    + " make its conditions inactive.")
    Unavailable ifUnavailable = Unavailable.FAIL;

    @Option(
            names = CommandNames.EXIT_CODE_OPTION,
            description = "Exit with 7 when retraining is due (0 when not), for scripts.")
    boolean exitCode;

    @Option(
            names = CommandNames.CACHE_OPTION,
            paramLabel = "FILE",
            description = "Cache of the data scan (size, modification time, SHA-256 and rows per file), so an"
                    + " unchanged data folder is not hashed again (default .mlops/data-scan.json).")
    Path cache = DEFAULT_CACHE;

    @Option(
            names = CommandNames.METADATA_OPTION,
            paramLabel = "FILE",
            description = "Write the decision (run metadata) to this file.")
    Path metadata;

    @Mixin
    RegistryOptions registry;

    @Mixin
    JsonOption json;

    // how the data files and the drift batch are written, as for train; they override a spec's settings
    @Mixin
    CsvFormatOptions csvFormat;

    /** What an unreachable service does. */
    enum Unavailable {
        FAIL,
        INACTIVE
    }

    @Override
    public Integer call() {
        Console console = new Console(
                command.commandLine().getOut(), command.commandLine().getErr());
        if (spec != null && !data.isEmpty()) {
            throw new CommandLine.ParameterException(
                    command.commandLine(), "give the training data either by --spec or by --data, not both");
        }
        if (metadata != null) {
            AtomicFiles.checkWritableFolder(metadata.toAbsolutePath().getParent());
        }
        List<String> entries = data;
        DataWindow window = null;
        CsvFormat csv = csvFormat.format();
        if (spec != null) {
            TrainingSpec training = new SpecReader()
                    .read(spec)
                    .delimiter(csvFormat.delimiter)
                    .decimalComma(csvFormat.decimalComma)
                    .encoding(csvFormat.encoding)
                    .build();
            entries = training.data();
            window = training.window();
            csv = training.csv();
        }
        RetrainPolicy policy = policy();
        RetrainCheck.Result result;
        try (ModelSource source = ModelSource.of(model, registry::open)) {
            RetrainCheckRequest request = RetrainCheckRequest.builder(model, source.bundle())
                    .data(entries)
                    .window(window)
                    .csv(csv)
                    .service(service)
                    .driftData(driftData)
                    .policy(policy)
                    .unavailableAsInactive(ifUnavailable == Unavailable.INACTIVE)
                    .cacheFile(cache)
                    .build();
            if (!request.checksSomething()) {
                throw new CommandLine.ParameterException(
                        command.commandLine(),
                        "nothing to check: give --spec or --data, --service, --drift-data, --max-age-days or --force");
            }
            result = new RetrainCheck(console.progress(), Path.of(""), Clock.systemUTC()).check(request);
        }
        if (metadata != null) {
            AtomicFiles.writeString(metadata, result.json());
        }
        if (json.enabled()) {
            console.out().print(result.json());
        } else {
            new RetrainReport(console.out()).print(result.decision());
            if (metadata != null) {
                console.out().println("run metadata: " + metadata);
            }
        }
        console.out().flush();
        return exitCode && result.decision().retrain() ? ExitCode.RETRAIN_DUE.code() : ExitCode.OK.code();
    }

    private RetrainPolicy policy() {
        try {
            RetrainPolicy.Builder builder = RetrainPolicy.builder()
                    .accuracyBelow(accuracyBelow)
                    .maxAccuracyDrop(
                            maxAccuracyDrop == null && accuracyBelow == null && service != null
                                    ? Double.valueOf(RetrainPolicy.DEFAULT_MAX_ACCURACY_DROP)
                                    : maxAccuracyDrop)
                    .force(force);
            if (minFeedback != null) {
                builder.minFeedback(minFeedback);
            }
            if (driftAbove != null) {
                builder.driftAbove(driftAbove);
            }
            if (maxAgeDays != null) {
                builder.maxAgeDays(maxAgeDays);
            }
            if (minNewRows != null) {
                builder.minNewRows(minNewRows);
            }
            return builder.build();
        } catch (IllegalArgumentException exception) {
            throw new CommandLine.ParameterException(command.commandLine(), exception.getMessage());
        }
    }
}
