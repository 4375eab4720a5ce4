package io.mlops.cli;

import io.mlops.contract.command.CommandNames;
import io.mlops.contract.gates.Criticality;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.eval.EvaluationPipeline;
import io.mlops.engine.eval.EvaluationRequest;
import io.mlops.engine.eval.EvaluationResult;
import io.mlops.engine.gates.GateParser;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.train.SpecReader;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops demo}: the receipts demo end to end. Generates expense receipts, writes a training spec,
 * trains a text + categorical + numeric classifier, evaluates it against quality gates, and shows how
 * accuracy drops on a later, shifted batch of receipts.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the receipts demo: generate data, train, evaluate against gates, check a shifted batch.",
            "Everything is written below --output; run it again to overwrite."
        })
final class DemoCommand implements Callable<Integer> {
    static final int MIN_ROWS = 100;
    static final List<String> GATES = List.of("accuracy >= 0.85", "macroF1 >= 0.80", "recall[lodging] >= 0.80");

    @Spec
    CommandSpec command;

    @Option(
            names = {"-o", CommandNames.OUTPUT_OPTION},
            paramLabel = "DIR",
            defaultValue = "demo-output",
            description = "Folder for data, spec, model and metadata. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "4000",
            description = "Training rows. Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(
            names = CommandNames.SEED_OPTION,
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of data and training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (rows < MIN_ROWS) {
            throw new picocli.CommandLine.ParameterException(
                    command.commandLine(), "--rows must be at least " + MIN_ROWS + ", got " + rows);
        }
        PrintWriter out = command.commandLine().getOut();
        Console console = new Console(out, command.commandLine().getErr());
        Path train = output.resolve("data/receipts-train.csv");
        Path test = output.resolve("data/receipts-test.csv");
        Path shifted = output.resolve("data/receipts-shifted.csv");
        Path spec = output.resolve("train.yaml");
        Path model = output.resolve("model");
        generate(train, test, shifted);
        AtomicFiles.writeString(spec, spec(train, test, model));
        console.progress().progress("wrote receipts data and " + spec);

        TrainingResult trained = new TrainingPipeline(console.progress(), Path.of(""))
                .train(new SpecReader().read(spec).build(), List.of());
        EvaluationPipeline evaluation = new EvaluationPipeline(console.progress(), Path.of(""));
        EvaluationResult gated = evaluation.evaluate(
                new EvaluationRequest(model, test, new GateParser(Criticality.FAILURE).parse(GATES), null));
        AtomicFiles.writeString(output.resolve("evaluation.json"), gated.metadataJson());
        EvaluationResult drifted = evaluation.evaluate(new EvaluationRequest(model, shifted, List.of(), null));
        AtomicFiles.writeString(output.resolve("evaluation-shifted.json"), drifted.metadataJson());

        Report report = new Report(out);
        out.println();
        out.println("== mlops demo: classifying expense receipts ==");
        out.printf(
                Locale.ROOT,
                "trained %s on %d receipts (description text, amount, currency, country, payment method)%n",
                trained.metadata().algorithm(),
                trained.metadata().split().trainRows());
        out.println("model bundle:  " + model + "  (sha256 "
                + trained.bundle().manifest().modelSha256().substring(0, 12) + "..., fingerprint "
                + trained.bundle().manifest().modelFingerprint().substring(0, 12) + "...)");
        out.println();
        report.metrics(
                "evaluation on " + test + " (" + gated.metrics().examples() + " receipts)", gated.metrics(), null);
        report.gates(gated.gates());
        out.println();
        out.printf(
                Locale.ROOT,
                "a later batch with new merchants and another mix (%s): accuracy %s (was %s)%n",
                shifted,
                Report.number(drifted.metrics().accuracy()),
                Report.number(gated.metrics().accuracy()));
        out.println("run metadata:  " + trained.metadataFile() + ", " + output.resolve("evaluation.json") + ", "
                + output.resolve("evaluation-shifted.json"));
        out.println(
                "try:           mlops evaluate --model " + model + " --data " + shifted + " --gate 'accuracy >= 0.85'");
        out.println("report:        "
                + ReportCommand.write(
                        output.resolve("report.html"),
                        List.of(output.resolve("evaluation.json"), output.resolve("evaluation-shifted.json")),
                        false,
                        List.of()));
        out.flush();
        return Outcome.exitCode(gated.gates());
    }

    private void generate(final Path train, final Path test, final Path shifted) {
        try {
            new ReceiptsGenerator(seed).writeCsv(ReceiptsGenerator.Batch.INITIAL, rows, train);
            new ReceiptsGenerator(seed + 1).writeCsv(ReceiptsGenerator.Batch.INITIAL, Math.max(100, rows / 4), test);
            new ReceiptsGenerator(seed + 2).writeCsv(ReceiptsGenerator.Batch.SHIFTED, Math.max(100, rows / 4), shifted);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private String spec(final Path train, final Path test, final Path model) {
        return String.join(
                System.lineSeparator(),
                "# Training spec of the receipts demo; run it with: mlops train --spec " + output.resolve("train.yaml"),
                "data: " + train,
                "testData: " + test,
                "label: " + ReceiptsGenerator.LABEL,
                "columns:",
                "  description: text",
                "  amount: numeric",
                "  currency: categorical",
                "  country: categorical",
                "  payment_method: categorical",
                "# the merchant identifies the category almost exactly; the demo learns from the text instead",
                "ignore: [merchant]",
                "algorithm: logistic",
                "params:",
                "  epochs: 10",
                "seed: " + seed,
                "features:",
                "  ngrams: 2",
                "  lowercase: true",
                "  missing:",
                "    numeric: mean",
                "    categorical: category",
                "output: " + model,
                "");
    }
}
