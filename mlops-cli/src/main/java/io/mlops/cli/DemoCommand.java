package io.mlops.cli;

import io.mlops.contract.ExitCode;
import io.mlops.contract.command.CommandNames;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.registry.ModelRef;
import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.contract.serving.LiveMetrics;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.demo.Receipt;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.eval.EvaluationPipeline;
import io.mlops.engine.eval.EvaluationRequest;
import io.mlops.engine.eval.EvaluationResult;
import io.mlops.engine.gates.GateParser;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.Lineage;
import io.mlops.engine.registry.ModelSource;
import io.mlops.engine.registry.ModelVersion;
import io.mlops.engine.registry.Registration;
import io.mlops.engine.retrain.RetrainCheck;
import io.mlops.engine.retrain.RetrainCheckRequest;
import io.mlops.engine.train.SpecReader;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingResult;
import io.mlops.engine.train.TrainingSpec;
import io.mlops.serving.ModelLoader;
import io.mlops.serving.PredictionServer;
import io.mlops.serving.ServingConfig;
import io.mlops.serving.deploy.DeployPipeline;
import io.mlops.serving.deploy.ServiceTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops demo}: the whole CI/CD/CT story of an expense-receipt classifier in one command. CI trains v1 and
 * gates it; CD registers it as champion and serves it; a later month of receipts (new merchants, a new payment method)
 * is predicted and its booked categories come back as feedback; the retrain check finds accuracy decay, drift and new
 * data; CT retrains the same spec on old + new data, evaluates the challenger against the champion on new receipts,
 * promotes it and hot-swaps the service; live accuracy recovers.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the receipts demo, the whole CI/CD/CT loop: train v1 and gate it, register it as champion, serve it,"
                    + " send a later batch with feedback, check for retraining (decay, drift, new data), retrain on"
                    + " old + new data, evaluate the challenger against the champion, promote, hot-swap, and watch"
                    + " live accuracy recover.",
            "Everything is written below --output; run it again to overwrite. The service binds 127.0.0.1 on a free"
                    + " port and stops at the end."
        })
final class DemoCommand implements Callable<Integer> {
    static final int MIN_ROWS = 100;
    static final List<String> GATES = List.of("accuracy >= 0.85", "macroF1 >= 0.80", "recall[lodging] >= 0.80");
    /** The challenger must be good on its own and better than the champion on the new receipts. */
    static final List<String> CHALLENGER_GATES = List.of("accuracy >= 0.85", "accuracy >= baseline + 0.02");

    static final String MODEL_NAME = "receipts";
    static final String CHAMPION = "champion";
    private static final int MAX_WINDOW = 500;

    @Spec
    CommandSpec command;

    @Option(
            names = {"-o", CommandNames.OUTPUT_OPTION},
            paramLabel = "DIR",
            defaultValue = "demo-output",
            description = "Folder for data, spec, models, registry and run metadata. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "4000",
            description = "Training rows of the first month; the later month has a quarter as many."
                    + " Default: ${DEFAULT-VALUE}.")
    int rows;

    @Option(
            names = CommandNames.SEED_OPTION,
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of data and training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (rows < MIN_ROWS) {
            throw new picocli.CommandLine.ParameterException(
                    command.commandLine(), "--rows must be at least " + MIN_ROWS + ", got " + rows);
        }
        PrintWriter out = command.commandLine().getOut();
        Console console = new Console(out, command.commandLine().getErr());
        ProgressListener progress = console.progress();
        DemoData data = new DemoData(output, seed, rows);
        // a rerun tells the story from the start: the demo's own folders of the last run go
        for (String folder : List.of("registry", "served", "staging", "runs", ".mlops", "data/incoming")) {
            AtomicFiles.deleteQuietly(output.resolve(folder));
        }
        data.writeFirstMonth();
        Path runs = AtomicFiles.ensureFolder(output.resolve("runs"));
        Report report = new Report(out);
        out.println();
        out.println("== mlops demo: CI/CD/CT for an expense-receipt classifier ==");

        // CI: train v1 with the versioned spec and gate it
        TrainingResult v1 = new TrainingPipeline(progress, Path.of(""))
                .train(new SpecReader().read(data.spec()).build(), List.of());
        TrainingPipeline.copyMetadata(v1, runs.resolve("1-train-v1.json"));
        EvaluationPipeline evaluation = new EvaluationPipeline(progress, Path.of(""));
        EvaluationResult gated = evaluation.evaluate(new EvaluationRequest(
                data.model(), data.test(), new GateParser(Criticality.FAILURE).parse(GATES), null));
        AtomicFiles.writeString(runs.resolve("2-evaluate-v1.json"), gated.metadataJson());
        out.println();
        out.printf(
                Locale.ROOT,
                "[CI] trained %s v1 on %d receipts of %s (text, amount, currency, country, payment method)%n"
                        + "     on %d test receipts: accuracy %s, macroF1 %s%n",
                v1.metadata().algorithm(),
                v1.metadata().split().trainRows(),
                data.firstMonth(),
                gated.metrics().examples(),
                Report.number(gated.metrics().accuracy()),
                Report.number(gated.metrics().macroF1()));
        if (!gated.gates().outcome().equals(io.mlops.contract.gates.GateStatus.PASSED)) {
            out.println("v1 did not pass its gates: the pipeline stops here, nothing is registered or served");
            out.flush();
            return Outcome.exitCode(gated.gates());
        }

        // CD: register v1 as champion and serve it
        FileSystemRegistry registry = FileSystemRegistry.open(output.resolve("registry"));
        ModelVersion first =
                registry.register(new Registration(data.model(), MODEL_NAME, "demo", null, Path.of(""), CHAMPION));
        int window = Math.min(MAX_WINDOW, data.laterRows());
        String adminToken = UUID.randomUUID().toString();
        ServingConfig config =
                new ServingConfig(ServingConfig.LOOPBACK, 0, adminToken, null, 1 << 20, 1000, window, window);
        Path served = output.resolve("served/v1");
        registry.export(ModelRef.parse(MODEL_NAME + "@" + CHAMPION), served);
        try (PredictionServer server = PredictionServer.start(
                config, new ModelLoader(window).load(served, MODEL_NAME, Integer.toString(first.version())))) {
            String base = "http://" + server.host() + ":" + server.port();
            DemoTraffic traffic = new DemoTraffic(base);
            out.println();
            out.println("[CD] registered " + MODEL_NAME + "@" + first.version() + " as " + CHAMPION + "; serving it at "
                    + base);

            // a later month: predictions, then the booked categories as feedback
            List<Receipt> later = data.laterMonth();
            int right = traffic.predictWithFeedback(later);
            LiveMetrics decayed = traffic.metrics();
            data.storeLabelledLaterMonth();
            out.println();
            out.printf(
                    Locale.ROOT,
                    "[live] %d receipts of %s predicted, booked categories sent back as feedback:%n"
                            + "       live accuracy %s over the last %d (test accuracy was %s); %d of %d right%n",
                    later.size(),
                    DemoData.LATER_MONTH,
                    number(decayed.liveAccuracy()),
                    decayed.feedbackWindow(),
                    Report.number(gated.metrics().accuracy()),
                    right,
                    later.size());
            out.println("       the labelled receipts were added to the training data: " + data.incomingFile());

            // CT: is retraining due?
            RetrainPolicy policy = RetrainPolicy.builder()
                    .maxAccuracyDrop(RetrainPolicy.DEFAULT_MAX_ACCURACY_DROP)
                    .minFeedback(Math.min(200, window))
                    .build();
            RetrainCheck.Result check = retrainCheck(registry, progress, data, base, policy);
            AtomicFiles.writeString(runs.resolve("3-retrain-check.json"), check.json());
            out.println();
            out.print("[CT] ");
            new RetrainReport(out).print(check.decision());
            if (!check.decision().retrain()) {
                out.println("nothing to retrain: the demo ends here");
                out.flush();
                return ExitCode.OK.code();
            }

            // CT: the same spec, now on old + new data
            TrainingResult v2 = new TrainingPipeline(progress, Path.of(""))
                    .train(new SpecReader().read(data.spec()).build(), List.of());
            TrainingPipeline.copyMetadata(v2, runs.resolve("4-train-v2.json"));
            ModelVersion second =
                    registry.register(new Registration(data.model(), MODEL_NAME, "demo", null, Path.of(""), null));
            Lineage lineage = registry.lineage(ModelRef.parse(MODEL_NAME + "@" + second.version()));
            out.println();
            out.printf(
                    Locale.ROOT,
                    "[CT] retrained the same spec on old + new data: %d receipts -> %s@%d%n"
                            + "     lineage against %s: %d new rows in %s%n",
                    v2.metadata().split().trainRows(),
                    MODEL_NAME,
                    second.version(),
                    lineage.previous(),
                    lineage.dataAdded().newRows(),
                    lineage.dataAdded().added().stream()
                            .map(io.mlops.contract.data.InputFile::file)
                            .toList());

            // CT: challenger against champion on receipts neither has seen
            EvaluationResult duel = duel(registry, evaluation, data, second);
            AtomicFiles.writeString(runs.resolve("5-evaluate-challenger.json"), duel.metadataJson());
            out.println();
            out.printf(
                    Locale.ROOT,
                    "[CT] challenger %s@%d against %s@%s on %d new receipts (%s):%n"
                            + "     accuracy %s vs %s, macroF1 %s vs %s%n",
                    MODEL_NAME,
                    second.version(),
                    MODEL_NAME,
                    CHAMPION,
                    duel.metrics().examples(),
                    data.laterHoldout(),
                    Report.number(duel.metrics().accuracy()),
                    Report.number(duel.baselineMetrics().accuracy()),
                    Report.number(duel.metrics().macroF1()),
                    Report.number(duel.baselineMetrics().macroF1()));
            report.gates(duel.gates());
            if (!duel.gates().outcome().equals(io.mlops.contract.gates.GateStatus.PASSED)) {
                out.println("the challenger did not beat the champion: it is not promoted");
                out.flush();
                return Outcome.exitCode(duel.gates());
            }

            // CD: promote and hot-swap
            registry.setAlias(
                    MODEL_NAME,
                    CHAMPION,
                    second.version(),
                    "demo",
                    String.format(
                            Locale.ROOT,
                            "accuracy %s vs %s on new receipts",
                            Report.number(duel.metrics().accuracy()),
                            Report.number(duel.baselineMetrics().accuracy())));
            DeployPipeline.Run deployed = new DeployPipeline(progress, Path.of(""))
                    .deploy(
                            new DeployPipeline.Request(
                                    MODEL_NAME + "@" + CHAMPION, () -> registry, null, null, null, null, "demo"),
                            new ServiceTarget(URI.create(base), adminToken, null, output.resolve("staging")));
            AtomicFiles.writeString(runs.resolve("6-deploy.json"), deployed.metadataJson());
            out.println();
            out.println("[CD] promoted " + MODEL_NAME + "@" + second.version() + " to " + CHAMPION
                    + " and hot-swapped the running service: "
                    + deployed.result().status());

            // live accuracy on the next receipts
            List<Receipt> next = data.nextMonth(window);
            traffic.predictWithFeedback(next);
            LiveMetrics recovered = traffic.metrics();
            out.println();
            out.printf(
                    Locale.ROOT,
                    "[live] %d receipts of %s: live accuracy %s over the last %d (was %s before retraining)%n",
                    next.size(),
                    DemoData.NEXT_MONTH,
                    number(recovered.liveAccuracy()),
                    recovered.feedbackWindow(),
                    number(decayed.liveAccuracy()));
        }
        // REPORT: the HTML report of the runs in `runs` (issue 12) is written here, after the last run
        out.println();
        out.println("run metadata:  " + runs + " (train, evaluate, retrain-check, deploy)");
        out.println("registry:      " + output.resolve("registry") + "  (try: mlops models lineage " + MODEL_NAME + "@"
                + CHAMPION + " --registry " + output.resolve("registry") + ")");
        out.println("try:           mlops retrain-check --model " + data.model() + " --spec " + data.spec()
                + " --max-age-days 30");
        out.flush();
        return ExitCode.OK.code();
    }

    private static RetrainCheck.Result retrainCheck(
            final FileSystemRegistry registry,
            final ProgressListener progress,
            final DemoData data,
            final String service,
            final RetrainPolicy policy) {
        String champion = MODEL_NAME + "@" + CHAMPION;
        TrainingSpec spec = new SpecReader().read(data.spec()).build();
        try (ModelSource source = ModelSource.of(champion, () -> registry)) {
            return new RetrainCheck(progress, Path.of(""), Clock.systemUTC())
                    .check(RetrainCheckRequest.builder(champion, source.bundle())
                            .data(spec.data())
                            .window(spec.window())
                            .service(service)
                            .policy(policy)
                            .cacheFile(data.cache())
                            .build());
        }
    }

    private static EvaluationResult duel(
            final FileSystemRegistry registry,
            final EvaluationPipeline evaluation,
            final DemoData data,
            final ModelVersion challenger) {
        String challengerRef = MODEL_NAME + "@" + challenger.version();
        String championRef = MODEL_NAME + "@" + CHAMPION;
        try (ModelSource model = ModelSource.of(challengerRef, () -> registry);
                ModelSource baseline = ModelSource.of(championRef, () -> registry)) {
            return evaluation.evaluate(new EvaluationRequest(
                    model.bundle(),
                    data.laterHoldout(),
                    new GateParser(Criticality.FAILURE).parse(CHALLENGER_GATES),
                    baseline.bundle(),
                    challengerRef,
                    championRef,
                    io.mlops.engine.data.CsvFormat.DETECT));
        }
    }

    private static String number(final Double value) {
        return value == null ? "n/a" : Report.number(value);
    }

    /** The demo's files: a first month of receipts, a test set, a later month and its holdout, and the spec. */
    static final class DemoData {
        static final String FIRST_MONTH = "2026-10";
        static final String LATER_MONTH = "2026-11";
        static final String NEXT_MONTH = "2026-12";

        private final Path output;
        private final long seed;
        private final int rows;

        DemoData(final Path output, final long seed, final int rows) {
            this.output = output;
            this.seed = seed;
            this.rows = rows;
        }

        Path firstMonth() {
            return output.resolve("data/base/receipts-" + FIRST_MONTH + ".csv");
        }

        Path test() {
            return output.resolve("data/receipts-test.csv");
        }

        Path incomingFile() {
            return output.resolve("data/incoming/receipts-" + LATER_MONTH + ".csv");
        }

        Path laterHoldout() {
            return output.resolve("data/receipts-" + LATER_MONTH + "-holdout.csv");
        }

        Path spec() {
            return output.resolve("train.yaml");
        }

        Path model() {
            return output.resolve("model");
        }

        Path cache() {
            return output.resolve(".mlops/data-scan.json");
        }

        int laterRows() {
            return Math.max(MIN_ROWS, rows / 4);
        }

        void writeFirstMonth() {
            try {
                new ReceiptsGenerator(seed).writeCsv(ReceiptsGenerator.Batch.INITIAL, rows, firstMonth());
                new ReceiptsGenerator(seed + 1)
                        .writeCsv(ReceiptsGenerator.Batch.INITIAL, Math.max(MIN_ROWS, rows / 4), test());
                new ReceiptsGenerator(seed + 3)
                        .writeCsv(ReceiptsGenerator.Batch.SHIFTED, Math.max(MIN_ROWS, rows / 8), laterHoldout());
                Files.createDirectories(incomingFile().getParent());
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
            AtomicFiles.writeString(
                    spec(), spec(firstMonth().getParent(), incomingFile().getParent()));
        }

        List<Receipt> laterMonth() {
            return new ReceiptsGenerator(seed + 2).generate(ReceiptsGenerator.Batch.SHIFTED, laterRows());
        }

        void storeLabelledLaterMonth() {
            try {
                new ReceiptsGenerator(seed + 2).writeCsv(ReceiptsGenerator.Batch.SHIFTED, laterRows(), incomingFile());
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }

        List<Receipt> nextMonth(final int count) {
            return new ReceiptsGenerator(seed + 4).generate(ReceiptsGenerator.Batch.SHIFTED, count);
        }

        private String spec(final Path base, final Path incoming) {
            return String.join(
                    System.lineSeparator(),
                    "# Training spec of the receipts demo; run it with: mlops train --spec " + spec(),
                    "# the training data accumulates: the first month plus every labelled month that arrives",
                    "data:",
                    "  - " + base + "/*.csv",
                    "  - " + incoming + "/*.csv",
                    "testData: " + test(),
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
                    "output: " + model(),
                    "");
        }
    }
}
