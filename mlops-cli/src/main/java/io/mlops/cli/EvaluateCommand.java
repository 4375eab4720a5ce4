package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import io.mlops.engine.data.CsvFormat;
import io.mlops.engine.eval.EvaluationPipeline;
import io.mlops.engine.eval.EvaluationRequest;
import io.mlops.engine.eval.EvaluationResult;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.registry.ModelSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops evaluate}: evaluates a saved model on labelled data and applies gates. */
@Command(
        name = CommandNames.EVALUATE,
        mixinStandardHelpOptions = true,
        description =
                "Evaluates a model bundle on labelled data, optionally against a baseline model, and applies quality gates.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(
            names = CommandNames.MODEL_OPTION,
            required = true,
            paramLabel = "PATH|NAME@REF",
            description = "Model bundle folder or its model.tribuo, or NAME@REF of the registry.")
    String model;

    @Option(
            names = CommandNames.DATA_OPTION,
            required = true,
            paramLabel = "FILE",
            description = "Labelled test data (CSV or JSON Lines).")
    Path data;

    @Option(
            names = CommandNames.BASELINE_OPTION,
            paramLabel = "PATH|NAME@REF",
            description = {
                "A baseline model evaluated on the same data, for gates such as 'accuracy >= baseline - 0.01';",
                "a bundle path or NAME@REF of the registry, e.g. receipts@champion."
            })
    String baseline;

    @Mixin
    CsvFormatOptions csv;

    @Mixin
    RegistryOptions registry;

    @Option(
            names = CommandNames.METADATA_OPTION,
            paramLabel = "FILE",
            description = "Write the run metadata to this file.")
    Path metadata;

    @Mixin
    JsonOption json;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() {
        Console console = new Console(
                command.commandLine().getOut(), command.commandLine().getErr());
        if (metadata != null) {
            io.mlops.engine.io.AtomicFiles.checkWritableFolder(
                    metadata.toAbsolutePath().getParent());
        }
        CsvFormat format = csv.format();
        EvaluationResult result;
        try (ModelSource evaluated = ModelSource.of(model, registry::open);
                ModelSource base = baseline == null
                        ? null
                        : ModelSource.baseline(baseline, registry::open, console.progress())
                                .orElse(null)) {
            result = new EvaluationPipeline(console.progress(), Path.of(""))
                    .evaluate(new EvaluationRequest(
                            evaluated.bundle(),
                            data,
                            gates.parse(),
                            base == null ? null : base.bundle(),
                            model,
                            base == null ? null : baseline,
                            format));
        }
        if (metadata != null) {
            AtomicFiles.writeString(metadata, result.metadataJson());
        }
        if (json.enabled()) {
            console.out().print(result.metadataJson());
        } else {
            Report report = new Report(console.out());
            report.metrics(
                    "model " + model + " on " + data + " (" + result.metrics().examples() + " examples)",
                    result.metrics(),
                    result.baselineMetrics());
            report.gates(result.metadata().gates());
        }
        console.out().flush();
        return Outcome.exitCode(result.metadata().gates());
    }
}
