package io.mlops.bench;

import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.DataSchema;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.engine.data.DataSplit;
import io.mlops.engine.data.SchemaInference;
import io.mlops.engine.data.Table;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.eval.Evaluator;
import io.mlops.engine.features.FeaturePreparation;
import io.mlops.engine.train.TrainingPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;

/**
 * The {@code bench} command: generates a seeded numeric CSV, then measures in one run, against plain
 * Tribuo as the baseline, the load time, the logistic-regression training time and test accuracy, batch
 * prediction throughput and single-prediction latency, and prints a Markdown table with the machine and
 * the targets.
 *
 * <p>Run it as {@code java -jar mlops-bench/target/mlops-bench.jar [--rows 200000] [--repeats 5]};
 * {@code --help} lists every option.
 */
public final class Bench {
    /** Load at most this many times pandas' {@code read_csv} time in the same run. */
    static final double TARGET_LOAD_RATIO = 1.0;
    /** Training at most this many times scikit-learn's time in the same run. */
    static final double TARGET_TRAIN_RATIO = 1.0;
    /** Test accuracy at most this far below scikit-learn's (0.1 point). */
    static final double ACCURACY_TOLERANCE = 0.001;

    static final double TARGET_SINGLE_P50_MICROS = 1.0;

    /** The steps of our load path, timed one by one. */
    static final String[] LOAD_STEPS = {
        "TableReader.read",
        "SchemaInference.infer",
        "TypedData.of",
        "FeaturePreparation.fit+examples",
        "new MutableDataset"
    };

    private final Options options;
    private final PrintStream out;
    private final PrintStream log;
    private long blackhole;

    Bench(final Options options, final PrintStream out, final PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options, see {@code --help}
     */
    public static void main(final String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException exception) {
            System.err.println("bench: " + exception.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        // Tribuo logs SGD progress at INFO; keep it off both sides of every comparison
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.WARNING);
        new Bench(options, System.out, System.err).run();
    }

    /** Options of the command. */
    record Options(
            int rows,
            int features,
            int classes,
            double separation,
            long seed,
            int repeats,
            int warmup,
            int singleCalls,
            Path folder,
            boolean keep,
            boolean help,
            Map<String, String> params) {
        static final String USAGE =
                """
                usage: java -jar mlops-bench.jar [options]
                  --rows N          data rows to generate (default 200000)
                  --features N      numeric features (default 20)
                  --classes N       classes (default 4)
                  --separation X    class-centre distance in noise standard deviations (default %s)
                  --seed N          generator and training seed (default 42)
                  --repeats N       measured repetitions of each step (default 5)
                  --warmup N        unmeasured repetitions before them (default 1)
                  --single-calls N  single predictions measured per repetition (default 100000)
                  --folder DIR      where to write the CSV (default: a new temporary folder)
                  --keep            keep the generated CSV
                  --param NAME=VAL  a hyperparameter of the engine's logistic training, e.g. minibatch=50
                                    (repeatable; default: the engine's defaults)
                """
                        .formatted(DataGenerator.DEFAULT_SEPARATION);

        static Options parse(final String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean keep = false;
            boolean help = false;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--keep" -> keep = true;
                    case "--help", "-h" -> help = true;
                    case "--param" -> {
                        if (i + 1 >= args.length || args[i + 1].indexOf('=') < 1) {
                            throw new IllegalArgumentException("--param needs NAME=VALUE");
                        }
                        String param = args[++i];
                        params.put(param.substring(0, param.indexOf('=')), param.substring(param.indexOf('=') + 1));
                    }
                    case "--rows",
                            "--features",
                            "--classes",
                            "--separation",
                            "--seed",
                            "--repeats",
                            "--warmup",
                            "--single-calls",
                            "--folder" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        values.put(arg, args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            try {
                Options options = new Options(
                        Integer.parseInt(values.getOrDefault("--rows", "200000")),
                        Integer.parseInt(values.getOrDefault("--features", "20")),
                        Integer.parseInt(values.getOrDefault("--classes", "4")),
                        Double.parseDouble(
                                values.getOrDefault("--separation", Double.toString(DataGenerator.DEFAULT_SEPARATION))),
                        Long.parseLong(values.getOrDefault("--seed", "42")),
                        Integer.parseInt(values.getOrDefault("--repeats", "5")),
                        Integer.parseInt(values.getOrDefault("--warmup", "1")),
                        Integer.parseInt(values.getOrDefault("--single-calls", "100000")),
                        values.containsKey("--folder") ? Path.of(values.get("--folder")) : null,
                        keep,
                        help,
                        Map.copyOf(params));
                try {
                    Algorithm.LOGISTIC.resolve(options.params);
                } catch (MlopsException exception) {
                    throw new IllegalArgumentException(exception.getMessage(), exception);
                }
                if (options.rows < 10 || options.repeats < 1 || options.warmup < 0 || options.singleCalls < 100) {
                    throw new IllegalArgumentException(
                            "need --rows >= 10, --repeats >= 1, --warmup >= 0, " + "--single-calls >= 100");
                }
                return options;
            } catch (NumberFormatException exception) {
                throw new IllegalArgumentException("not a number: " + exception.getMessage());
            }
        }
    }

    /** What our load path produces. */
    private record Loaded(TypedData data, MutableDataset<Label> dataset) {}

    void run() {
        Path folder = null;
        Path csv = null;
        try {
            folder = options.folder() != null
                    ? Files.createDirectories(options.folder())
                    : Files.createTempDirectory("mlops-bench");
            csv = folder.resolve("bench-" + options.rows() + "x" + options.features() + ".csv");
            long g0 = System.nanoTime();
            new DataGenerator(options.features(), options.classes(), options.separation(), options.seed())
                    .write(csv, options.rows());
            log.printf(
                    Locale.ROOT,
                    "generated %s (%d rows x %d features, %d classes, %.1f MB) in %.1f s%n",
                    csv,
                    options.rows(),
                    options.features(),
                    options.classes(),
                    Files.size(csv) / 1e6,
                    seconds(g0));
            PythonBaseline.Started python = PythonBaseline.start(csv, DataGenerator.LABEL, folder);
            if (python.baseline() == null) {
                log.println("pandas / scikit-learn skipped: " + python.absent());
            }
            try {
                measure(csv, python);
            } finally {
                if (python.baseline() != null) {
                    python.baseline().close();
                }
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } finally {
            if (csv != null && !options.keep()) {
                try {
                    Files.deleteIfExists(csv);
                    for (String file : new String[] {"python_baseline.py", "train-rows.txt", "test-rows.txt"}) {
                        Files.deleteIfExists(folder.resolve(file));
                    }
                    if (options.folder() == null) {
                        Files.deleteIfExists(folder);
                    }
                } catch (IOException exception) {
                    log.println("could not delete " + csv + ": " + exception.getMessage());
                }
            }
        }
    }

    private void measure(final Path csv, final PythonBaseline.Started started) {
        PythonBaseline python = started.baseline();
        String startLoad = loadAverage();
        int total = options.warmup() + options.repeats();

        // 1. load: our path and Tribuo's CSVLoader, alternating
        double[] ourLoad = new double[options.repeats()];
        double[] tribuoLoad = new double[options.repeats()];
        double[] pandasLoad = new double[options.repeats()];
        Loaded loaded = null;
        int tribuoSize = 0;
        double[][] loadSteps = new double[LOAD_STEPS.length][options.repeats()];
        double[] steps = new double[LOAD_STEPS.length];
        for (int r = 0; r < total; r++) {
            gc();
            long t0 = System.nanoTime();
            loaded = ourLoad(csv, steps);
            if (r >= options.warmup()) {
                for (int i = 0; i < steps.length; i++) {
                    loadSteps[i][r - options.warmup()] = steps[i];
                }
            }
            double ours = seconds(t0);
            gc();
            t0 = System.nanoTime();
            MutableDataset<Label> tribuo = tribuoLoad(csv);
            double theirs = seconds(t0);
            tribuoSize = tribuo.size();
            record(r, ourLoad, ours, tribuoLoad, theirs, "load");
            if (python != null) {
                double pandas = python.load();
                log.printf(Locale.ROOT, "load pandas.read_csv %.3f s%n", pandas);
                if (r >= options.warmup()) {
                    pandasLoad[r - options.warmup()] = pandas;
                }
            }
        }
        if (tribuoSize != loaded.dataset().size()) {
            throw new IllegalStateException("Tribuo loaded " + tribuoSize + " rows, we loaded "
                    + loaded.dataset().size());
        }

        // 2. training on the same held-out split, as the training pipeline makes it
        TypedData all = loaded.data();
        loaded = null;
        DataSplit split = DataSplit.stratified(all, 0.2, options.seed());
        TypedData train = all.select(split.train());
        TypedData test = all.select(split.test());
        if (python != null) {
            python.split(split.train(), split.test());
        }
        FeaturePreparation preparation = FeaturePreparation.fit(train, FeatureSettings.DEFAULTS, true);
        MutableDataset<Label> trainSet = dataset(preparation.examples(train), csv);
        List<Example<Label>> testSet = preparation.examples(test);
        double[] ourTrain = new double[options.repeats()];
        double[] tribuoTrain = new double[options.repeats()];
        Model<Label> ourModel = null;
        Model<Label> tribuoModel = null;
        double[] sklearnTrain = new double[options.repeats()];
        PythonBaseline.Training sklearn = null;
        for (int r = 0; r < total; r++) {
            Trainer<Label> ours = ourTrainer(all.schema(), trainSet.size());
            gc();
            long t0 = System.nanoTime();
            ourModel = ours.train(trainSet);
            double ourSeconds = seconds(t0);
            Trainer<Label> theirs = new LogisticRegressionTrainer();
            gc();
            t0 = System.nanoTime();
            tribuoModel = theirs.train(trainSet);
            double theirSeconds = seconds(t0);
            record(r, ourTrain, ourSeconds, tribuoTrain, theirSeconds, "train");
            if (python != null) {
                sklearn = python.train();
                log.printf(
                        Locale.ROOT,
                        "train scikit-learn %.3f s (accuracy %.4f, %d iterations)%n",
                        sklearn.seconds(),
                        sklearn.accuracy(),
                        sklearn.iterations());
                if (r >= options.warmup()) {
                    sklearnTrain[r - options.warmup()] = sklearn.seconds();
                }
            }
        }
        Evaluator evaluator = new Evaluator();
        double ourAccuracy = evaluator.evaluate(ourModel, testSet).accuracy();
        double tribuoAccuracy = evaluator.evaluate(tribuoModel, testSet).accuracy();
        log.printf(
                Locale.ROOT,
                "test accuracy on %d held-out rows: ours %.4f, Tribuo default %.4f%n",
                testSet.size(),
                ourAccuracy,
                tribuoAccuracy);

        // 3. batch predictions per second on the test set
        double[] ourBatch = new double[options.repeats()];
        double[] tribuoBatch = new double[options.repeats()];
        for (int r = 0; r < total; r++) {
            double ours = batch(ourModel, testSet);
            double theirs = batch(tribuoModel, testSet);
            if (r >= options.warmup()) {
                ourBatch[r - options.warmup()] = ours;
                tribuoBatch[r - options.warmup()] = theirs;
            }
        }

        // 4. single-prediction latency: one row of numbers -> our example -> predict, vs. a ready example
        double[][] rows = new double[test.size()][all.schema().features().size()];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < rows[i].length; f++) {
                rows[i][f] = test.number(f, i);
            }
        }
        Model<Label> serving = ourModel;
        FeaturePreparation prep = preparation;
        int calls = options.singleCalls();
        Latency ourSingle = latency(
                calls,
                i -> serving.predict(prep.example(LabelFactory.UNKNOWN_LABEL, new ArrayRow(rows[i % rows.length]))));
        Latency ourModelOnly = latency(calls, i -> serving.predict(testSet.get(i % testSet.size())));
        Model<Label> baseline = tribuoModel;
        Latency tribuoSingle = latency(calls, i -> baseline.predict(testSet.get(i % testSet.size())));

        Stats[] stepStats = new Stats[LOAD_STEPS.length];
        for (int i = 0; i < stepStats.length; i++) {
            stepStats[i] = Stats.of(loadSteps[i]);
        }
        Report report = new Report(
                options,
                startLoad,
                machine(),
                python == null
                        ? new Python(started.absent(), null, null, Double.NaN, 0)
                        : new Python(
                                python.versions(),
                                Stats.of(pandasLoad),
                                Stats.of(sklearnTrain),
                                sklearn.accuracy(),
                                sklearn.iterations()),
                Stats.of(ourLoad),
                stepStats,
                Stats.of(tribuoLoad),
                Stats.of(ourTrain),
                Stats.of(tribuoTrain),
                ourAccuracy,
                tribuoAccuracy,
                testSet.size(),
                Stats.of(ourBatch),
                Stats.of(tribuoBatch),
                ourSingle,
                ourModelOnly,
                tribuoSingle);
        out.print(report.markdown());
        if (blackhole == 42) {
            log.println("(blackhole)");
        }
    }

    private void record(
            final int r,
            final double[] ours,
            final double ourValue,
            final double[] theirs,
            final double theirValue,
            final String what) {
        boolean warm = r < options.warmup();
        log.printf(
                Locale.ROOT,
                "%s %s %d: ours %.3f s, Tribuo %.3f s%n",
                what,
                warm ? "warm-up" : "repeat",
                warm ? r + 1 : r - options.warmup() + 1,
                ourValue,
                theirValue);
        if (!warm) {
            ours[r - options.warmup()] = ourValue;
            theirs[r - options.warmup()] = theirValue;
        }
    }

    /** The engine's path from file to Tribuo dataset, as {@code TrainingPipeline} runs it before training. */
    static Loaded ourLoad(final Path csv, final double[] steps) {
        long t0 = System.nanoTime();
        Table table = new TableReader().read(csv);
        long t1 = System.nanoTime();
        DataSchema schema = new SchemaInference().infer(table, DataGenerator.LABEL, Map.of(), Set.of());
        long t2 = System.nanoTime();
        TypedData data = TypedData.of(table, schema);
        long t3 = System.nanoTime();
        FeaturePreparation preparation = FeaturePreparation.fit(data, FeatureSettings.DEFAULTS, true);
        List<Example<Label>> examples = preparation.examples(data);
        long t4 = System.nanoTime();
        MutableDataset<Label> dataset = dataset(examples, csv);
        long t5 = System.nanoTime();
        long[] marks = {t0, t1, t2, t3, t4, t5};
        for (int i = 0; i < LOAD_STEPS.length; i++) {
            steps[i] = (marks[i + 1] - marks[i]) / 1e9;
        }
        return new Loaded(data, dataset);
    }

    static MutableDataset<Label> tribuoLoad(final Path csv) {
        try {
            return new CSVLoader<>(new LabelFactory()).load(csv, DataGenerator.LABEL);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** The data set {@code TrainingPipeline} builds. */
    static MutableDataset<Label> dataset(final List<Example<Label>> examples, final Path source) {
        return TrainingPipeline.dataset(examples, source);
    }

    /** The trainer {@code TrainingPipeline} builds for {@code logistic}. */
    Trainer<Label> ourTrainer(final DataSchema schema, final int rows) {
        return TrainingPipeline.trainer(
                Algorithm.LOGISTIC, Algorithm.LOGISTIC.resolve(options.params()), options.seed(), rows);
    }

    private double batch(final Model<Label> model, final List<Example<Label>> examples) {
        gc();
        long t0 = System.nanoTime();
        List<Prediction<Label>> predictions = model.predict(examples);
        double seconds = seconds(t0);
        blackhole += predictions.size();
        return examples.size() / seconds;
    }

    /** Latencies of single calls in nanoseconds, after as many unmeasured warm-up calls. */
    record Latency(Stats nanos, int calls) {}

    private interface Call {
        Prediction<Label> call(int i);
    }

    private Latency latency(final int calls, final Call call) {
        for (int i = 0; i < calls * Math.max(1, options.warmup()); i++) {
            blackhole += call.call(i).getOutput().getLabel().length();
        }
        long[] nanos = new long[calls * options.repeats()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            Prediction<Label> prediction = call.call(i);
            nanos[i] = System.nanoTime() - t0;
            blackhole += prediction.getOutput().getLabel().length();
        }
        return new Latency(Stats.of(nanos), nanos.length);
    }

    /** A row of numbers, as a serving request for a numeric model would arrive. */
    private record ArrayRow(double[] values) implements FeaturePreparation.Row {
        @Override
        public double number(final int feature) {
            return values[feature];
        }

        @Override
        public String string(final int feature) {
            return null;
        }

        @Override
        public MlopsException missing(final String column) {
            return new MlopsException("column '" + column + "' is missing");
        }
    }

    /** The machine the numbers were measured on. */
    record Machine(String cpu, int cores, String java, String os, long maxHeapMb, String date, String loadAverage) {}

    /** @return the 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException exception) {
            return "unknown";
        }
    }

    static Machine machine() {
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException exception) {
            cpu = System.getProperty("os.arch");
        }
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new Machine(
                cpu,
                Runtime.getRuntime().availableProcessors(),
                java,
                os,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                LocalDate.now(ZoneOffset.UTC).toString(),
                loadAverage());
    }

    private static void gc() {
        System.gc();
    }

    private static double seconds(final long from) {
        return (System.nanoTime() - from) / 1e9;
    }

    /**
     * What pandas and scikit-learn measured, or why they were not.
     *
     * @param versions   their versions, or why they are absent
     * @param load       {@code read_csv} seconds, or {@code null} if absent
     * @param train      StandardScaler + LogisticRegression seconds, or {@code null} if absent
     * @param accuracy   scikit-learn's test accuracy
     * @param iterations its L-BFGS iterations
     */
    record Python(String versions, Stats load, Stats train, double accuracy, int iterations) {
        boolean present() {
            return load != null;
        }
    }

    /** Everything measured, and its Markdown table. */
    record Report(
            Options options,
            String startLoad,
            Machine machine,
            Python python,
            Stats ourLoad,
            Stats[] loadSteps,
            Stats tribuoLoad,
            Stats ourTrain,
            Stats tribuoTrain,
            double ourAccuracy,
            double tribuoAccuracy,
            int testRows,
            Stats ourBatch,
            Stats tribuoBatch,
            Latency ourSingle,
            Latency ourModelOnly,
            Latency tribuoSingle) {

        /** @return engine load time over pandas' in the same run */
        double loadRatio() {
            return ourLoad.median() / python.load().median();
        }

        /** @return engine training time over scikit-learn's in the same run */
        double trainRatio() {
            return ourTrain.median() / python.train().median();
        }

        boolean loadMet() {
            return loadRatio() <= TARGET_LOAD_RATIO;
        }

        boolean trainMet() {
            return trainRatio() <= TARGET_TRAIN_RATIO && accuracyMet();
        }

        /** scikit-learn's accuracy or better: not more than the tolerance below it. */
        boolean accuracyMet() {
            return ourAccuracy >= python.accuracy() - ACCURACY_TOLERANCE - 1e-12;
        }

        boolean singleMet() {
            return ourSingle.nanos().median() / 1000 <= TARGET_SINGLE_P50_MICROS;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append(String.format(
                    Locale.ROOT,
                    "Machine: %s, %d cores, %s, %s, max heap %d MB; %s; "
                            + "load average (1/5/15 min) %s at the start, %s at the end%n%n",
                    machine.cpu(),
                    machine.cores(),
                    machine.java(),
                    machine.os(),
                    machine.maxHeapMb(),
                    machine.date(),
                    startLoad,
                    machine.loadAverage()));
            md.append(String.format(
                    Locale.ROOT,
                    "Data: %d rows x %d numeric features, %d classes (seed %d, separation %s); test split %d rows; "
                            + "%d repeats after %d warm-up; single calls: %d measured; engine logistic %s; "
                            + "Python baseline: %s%n%n",
                    options.rows(),
                    options.features(),
                    options.classes(),
                    options.seed(),
                    options.separation(),
                    testRows,
                    options.repeats(),
                    options.warmup(),
                    ourSingle.calls(),
                    options.params().isEmpty()
                            ? "with default hyperparameters"
                            : "with " + new java.util.TreeMap<>(options.params()),
                    python.present() ? python.versions() : "skipped, " + python.versions()));
            boolean py = python.present();
            md.append("| Measure | mlops engine | pandas / scikit-learn | engine time / theirs | plain Tribuo "
                    + "| target | status |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            row(
                    md,
                    "Load CSV (s, median [min-max])",
                    seconds(ourLoad),
                    py ? seconds(python.load()) + " (pandas.read_csv)" : "-",
                    py ? ratio(loadRatio()) : "-",
                    seconds(tribuoLoad) + " (CSVLoader)",
                    "<= 1.0x pandas",
                    py ? status(loadMet()) : "not measured");
            row(
                    md,
                    "Default training (s, median [min-max])",
                    seconds(ourTrain),
                    py ? seconds(python.train()) + " (StandardScaler + LogisticRegression)" : "-",
                    py ? ratio(trainRatio()) : "-",
                    seconds(tribuoTrain) + " (LogisticRegressionTrainer)",
                    "<= 1.0x scikit-learn, at its accuracy (-0.001)",
                    py ? status(trainMet()) : "not measured");
            row(
                    md,
                    "Test accuracy (" + testRows + " held-out rows)",
                    String.format(Locale.ROOT, "%.4f", ourAccuracy),
                    py
                            ? String.format(
                                    Locale.ROOT, "%.4f (%d L-BFGS iterations)", python.accuracy(), python.iterations())
                            : "-",
                    py ? String.format(Locale.ROOT, "%+.4f", ourAccuracy - python.accuracy()) : "-",
                    String.format(Locale.ROOT, "%.4f", tribuoAccuracy),
                    ">= scikit-learn - 0.001",
                    py ? status(accuracyMet()) : "not measured");
            row(
                    md,
                    "Batch predictions per second (median [min-max])",
                    rate(ourBatch),
                    "-",
                    "-",
                    rate(tribuoBatch),
                    "-",
                    "-");
            row(
                    md,
                    "Single prediction p50 (us)",
                    micros(ourSingle.nanos().median()),
                    "-",
                    "-",
                    micros(tribuoSingle.nanos().median()),
                    "<= 1 us",
                    status(singleMet()));
            row(
                    md,
                    "Single prediction p99 (us)",
                    micros(ourSingle.nanos().percentile(99)),
                    "-",
                    "-",
                    micros(tribuoSingle.nanos().percentile(99)),
                    "-",
                    "-");
            row(
                    md,
                    "Single prediction p50 / p99, model only (us)",
                    micros(ourModelOnly.nanos().median()) + " / "
                            + micros(ourModelOnly.nanos().percentile(99)),
                    "-",
                    "-",
                    micros(tribuoSingle.nanos().median()) + " / "
                            + micros(tribuoSingle.nanos().percentile(99)),
                    "-",
                    "-");
            md.append('\n');
            md.append("Engine load by step (median s): ");
            for (int i = 0; i < LOAD_STEPS.length; i++) {
                md.append(i == 0 ? "" : ", ")
                        .append(LOAD_STEPS[i])
                        .append(String.format(Locale.ROOT, " %.3f", loadSteps[i].median()));
            }
            md.append("\n\n");
            md.append(
                    """
                    Load: engine = TableReader + SchemaInference + TypedData + FeaturePreparation.fit/examples + \
                    MutableDataset; pandas = read_csv (a DataFrame); plain Tribuo = CSVLoader.load with LabelFactory.
                    Training: engine = logistic with its defaults, as TrainingPipeline builds it, on the standardised \
                    training set; scikit-learn = StandardScaler fit + transform and LogisticRegression() (lbfgs) on \
                    the same training rows; plain Tribuo = LogisticRegressionTrainer with its defaults; all evaluated \
                    on the same held-out rows. Ratios are engine time over the other's median in the same run \
                    (below 1x the engine is faster).
                    Predictions: engine = one row of numbers -> FeaturePreparation.example -> model.predict (our \
                    standardising model); Tribuo = model.predict(Example) on a ready example with the model of \
                    Tribuo's default trainer; "model only" = our model on a ready example.
                    """);
            return md.toString();
        }

        private static void row(final StringBuilder md, final String... cells) {
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }

        private static String seconds(final Stats stats) {
            return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", stats.median(), stats.min(), stats.max());
        }

        private static String rate(final Stats stats) {
            return String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", stats.median(), stats.min(), stats.max());
        }

        private static String micros(final double nanos) {
            return String.format(Locale.ROOT, "%.2f", nanos / 1000);
        }

        private static String ratio(final double ratio) {
            return String.format(Locale.ROOT, "%.2fx", ratio);
        }

        private static String status(final boolean met) {
            return met ? "MET" : "NOT MET";
        }
    }
}
