package io.mlops.cli;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.data.ColumnType;
import io.mlops.engine.data.DataWindow;
import io.mlops.engine.gates.Gate;
import io.mlops.engine.train.SpecReader;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingResult;
import io.mlops.engine.train.TrainingSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops train}: trains a model from a spec file and/or options. */
@Command(
        name = CommandNames.TRAIN,
        mixinStandardHelpOptions = true,
        description = {
            "Trains a model, evaluates it on held-out data, and writes the model bundle with its run metadata.",
            "Options override the values of --spec. Relative paths are relative to the working directory."
        })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = CommandNames.SPEC_OPTION, paramLabel = "FILE", description = "Training spec (YAML or JSON).")
    Path spec;

    @Option(
            names = CommandNames.DATA_OPTION,
            paramLabel = "FILE|DIR|GLOB",
            description = "Training data (CSV with header, or JSON Lines): a file, a folder or a glob such as"
                    + " 'data/incoming/*.csv'; repeatable, read in order as one data set.")
    List<String> data = new ArrayList<>();

    @Option(
            names = CommandNames.DEDUPE_OPTION,
            description = "Drop rows that repeat an earlier row exactly (across all data files).")
    Boolean dedupe;

    @Option(
            names = CommandNames.WINDOW_OPTION,
            paramLabel = "rows=N|files=N|days=N",
            description = "Use only recent data: the last N rows, the last N files, or the files modified in the"
                    + " last N days.")
    String window;

    @Option(names = CommandNames.LABEL_OPTION, paramLabel = "COLUMN", description = "The column to predict.")
    String label;

    @Option(
            names = CommandNames.TEST_DATA_OPTION,
            paramLabel = "FILE",
            description = "Separate test data; otherwise a seeded, stratified holdout.")
    Path testData;

    @Option(
            names = CommandNames.TEST_FRACTION_OPTION,
            paramLabel = "SHARE",
            description = "Share held out for testing (default 0.2).")
    Double testFraction;

    @Option(
            names = CommandNames.ALGORITHM_OPTION,
            paramLabel = "NAME",
            description = "logistic (default), linear-svm, liblinear, cart, random-forest or xgboost.")
    String algorithm;

    @Option(
            names = {"-p", CommandNames.PARAM_OPTION},
            paramLabel = "KEY=VALUE",
            description = "A hyperparameter, repeatable, e.g. epochs=10.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = CommandNames.SEED_OPTION,
            paramLabel = "N",
            description = "Seed of the split and the trainer (default 42).")
    Long seed;

    @Option(
            names = "--column",
            paramLabel = "NAME=TYPE",
            description = "Declares a column's type: numeric, categorical or text; others are inferred.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--ignore", paramLabel = "COLUMN", split = ",", description = "Columns that are not features.")
    List<String> ignore = new ArrayList<>();

    @Option(
            names = {"-o", CommandNames.OUTPUT_OPTION},
            paramLabel = "DIR",
            description = "Model bundle folder (default: model).")
    Path output;

    @Option(
            names = CommandNames.METADATA_OPTION,
            paramLabel = "FILE",
            description =
                    "Also write the run metadata here (it is always written into the bundle as run-metadata.json).")
    Path metadata;

    @Mixin
    CsvFormatOptions csv;

    @Mixin
    JsonOption json;

    @Mixin
    GateOptions gates;

    private DataWindow window(final String text) {
        int equals = text.indexOf('=');
        try {
            if (equals > 0) {
                DataWindow.Unit unit = SpecReader.enumValue(
                        null, CommandNames.WINDOW_OPTION, DataWindow.Unit.class, text.substring(0, equals));
                return new DataWindow(
                        unit, Long.parseLong(text.substring(equals + 1).strip()));
            }
        } catch (NumberFormatException | io.mlops.contract.MlopsException exception) {
            throw new picocli.CommandLine.ParameterException(
                    command.commandLine(), CommandNames.WINDOW_OPTION + ": " + exception.getMessage());
        }
        throw new picocli.CommandLine.ParameterException(
                command.commandLine(),
                CommandNames.WINDOW_OPTION + " must be rows=N, files=N or days=N, got '" + text + "'");
    }

    @Override
    public Integer call() {
        Console console = new Console(
                command.commandLine().getOut(), command.commandLine().getErr());
        TrainingSpec.Builder builder = spec == null ? TrainingSpec.builder() : new SpecReader().read(spec);
        builder.data(data)
                .dedupe(dedupe)
                .window(window == null ? null : window(window))
                .label(label)
                .testData(testData)
                .testFraction(testFraction)
                .algorithm(algorithm == null ? null : Algorithm.of(algorithm))
                .seed(seed)
                .output(output)
                .delimiter(csv.delimiter)
                .decimalComma(csv.decimalComma)
                .encoding(csv.encoding);
        params.forEach(builder::param);
        columns.forEach((name, type) ->
                builder.column(name, SpecReader.enumValue(null, "--column " + name, ColumnType.class, type)));
        ignore.forEach(builder::ignore);
        List<Gate> parsedGates = gates.parse();
        if (metadata != null) {
            io.mlops.engine.io.AtomicFiles.checkWritableFolder(
                    metadata.toAbsolutePath().getParent());
        }
        TrainingResult result =
                new TrainingPipeline(console.progress(), Path.of("")).train(builder.build(), parsedGates);
        if (metadata != null) {
            TrainingPipeline.copyMetadata(result, metadata);
        }
        if (json.enabled()) {
            console.out().print(result.metadataJson());
        } else {
            Report report = new Report(console.out());
            report.metrics(
                    "model " + result.bundle().location() + " ("
                            + result.metadata().algorithm()
                            + ", seed " + result.metadata().seed() + ") on "
                            + result.metadata().metrics().examples()
                            + " test examples",
                    result.metadata().metrics(),
                    null);
            report.gates(result.metadata().gates());
            console.out().println("run metadata: " + result.metadataFile());
        }
        console.out().flush();
        return Outcome.exitCode(result.metadata().gates());
    }
}
