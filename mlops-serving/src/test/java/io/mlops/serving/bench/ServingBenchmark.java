package io.mlops.serving.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.demo.Receipt;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import io.mlops.serving.ConstantResponseServer;
import io.mlops.serving.ServeCommand;
import io.mlops.serving.deploy.ServerRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load-test benchmark of the prediction service against a constant-response server on the same Jetty
 * stack, all measured in the same run. Each server runs in a JVM of its own, started as a release starts
 * its service ({@link ServerRuntime#JVM_OPTIONS}; the service through {@link ServeCommand} on a trained
 * bundle), so that each server's CPU time is its process's. The load comes from {@code wrk} (peak
 * throughput and latency) and from {@link OpenLoopLoad} in another JVM (p99 at half of peak). Run with
 * {@code bench/serving.sh}; the environment variable {@code BENCH_JVM_OPTS} adds JVM options to the servers
 * (for example a flight recording).
 *
 * <p>Options: {@code --runs N} (7), {@code --duration S} (5), {@code --warmup S} (15), {@code --threads T}
 * (2), {@code --connections C} (32), {@code --half S} (12 s measured after 3 s at the rate),
 * {@code --half-runs N} (3 open-loop runs per server, round robin; the p99 is their median),
 * {@code --out FILE} (also write the Markdown report there).
 */
public final class ServingBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NUMERIC_FEATURES = 20;
    private static final String[] CLASSES = {"c0", "c1", "c2", "c3"};

    private ServingBenchmark() {}

    /** One server under test. */
    private static final class Target {
        final String name;
        final ServerProcess server;
        final int port;
        final Path script;
        final Path bodies;
        final double minRatio;
        final double maxCpuMicros;
        final List<WrkResult> runs = new ArrayList<>();
        final List<Double> cpuMicros = new ArrayList<>();
        // each run's requests/s over the constant server's in the same round
        final List<Double> ratios = new ArrayList<>();
        final List<OpenLoopResult> halves = new ArrayList<>();
        double halfRate;

        Target(
                final String name,
                final ServerProcess server,
                final Path script,
                final Path bodies,
                final double minRatio,
                final double maxCpuMicros) {
            this.name = name;
            this.server = server;
            this.port = server.port();
            this.script = script;
            this.bodies = bodies;
            this.minRatio = minRatio;
            this.maxCpuMicros = maxCpuMicros;
        }

        double rps() {
            return median(runs.stream().mapToDouble(WrkResult::rps).toArray());
        }

        double p50() {
            return median(runs.stream().mapToDouble(WrkResult::p50Micros).toArray());
        }

        double p99() {
            return median(runs.stream().mapToDouble(WrkResult::p99Micros).toArray());
        }

        double ratio() {
            return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double cpu() {
            return median(cpuMicros.stream().mapToDouble(Double::doubleValue).toArray());
        }

        long errors() {
            return runs.stream().mapToLong(WrkResult::errors).sum();
        }

        /** The median over the open-loop runs of their p99 at half of peak, in microseconds. */
        double halfP99() {
            return median(halves.stream().mapToDouble(h -> h.get("p99us")).toArray());
        }

        long halfErrors() {
            return halves.stream().mapToLong(h -> h.get("errors")).sum();
        }

        long halfUnanswered() {
            return halves.stream().mapToLong(h -> h.get("unanswered")).sum();
        }
    }

    record WrkResult(long requests, double rps, double p50Micros, double p99Micros, long errors) {}

    record OpenLoopResult(Map<String, Long> values) {
        long get(final String key) {
            return values.getOrDefault(key, -1L);
        }
    }

    public static void main(final String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "7"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int half = Integer.parseInt(options.getOrDefault("half", "12"));
        int halfRuns = Integer.parseInt(options.getOrDefault("half-runs", "3"));
        String out = options.get("out");

        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadAtStart = loadAverage();
        Path dir = Files.createTempDirectory("serving-bench");
        log("training the 20-feature numeric model and the receipts text model in " + dir);
        trainNumeric(dir);
        trainReceipts(dir);
        List<String> jvm = new ArrayList<>(ServerRuntime.JVM_OPTIONS);
        String extra = System.getenv("BENCH_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        log("servers run with " + String.join(" ", jvm));
        try (ServerProcess constant =
                        ServerProcess.start(dir, "constant", jvm, ConstantResponseServer.class.getName());
                ServerProcess numericServer = ServerProcess.start(
                        dir,
                        "numeric",
                        jvm,
                        ServeCommand.class.getName(),
                        "--model",
                        dir.resolve("numeric").toString(),
                        "--name",
                        "numeric20",
                        "--version-label",
                        "bench",
                        "--port",
                        "0");
                ServerProcess textServer = ServerProcess.start(
                        dir,
                        "receipts",
                        jvm,
                        ServeCommand.class.getName(),
                        "--model",
                        dir.resolve("receipts").toString(),
                        "--name",
                        "receipts",
                        "--version-label",
                        "bench",
                        "--port",
                        "0")) {
            Path numericBodies = write(dir.resolve("numeric-bodies.jsonl"), numericBodies(64, 7));
            Path textBodies = write(dir.resolve("receipts-bodies.jsonl"), receiptBodies(64, 7));
            List<Target> targets = List.of(
                    new Target(
                            "constant response (Jetty 12, same stack)",
                            constant,
                            script(dir.resolve("constant.lua"), numericBodies),
                            numericBodies,
                            Double.NaN,
                            Double.NaN),
                    new Target(
                            "20-feature numeric logistic, 4 classes",
                            numericServer,
                            script(dir.resolve("numeric.lua"), numericBodies),
                            numericBodies,
                            0.8,
                            30),
                    new Target(
                            "receipts text model (TF n-grams + 4 tabular)",
                            textServer,
                            script(dir.resolve("receipts.lua"), textBodies),
                            textBodies,
                            0.5,
                            Double.NaN));
            for (Target target : targets) {
                log("warm-up " + warmup + " s: " + target.name);
                wrk(target, threads, connections, warmup);
            }
            // round robin, so that a change of machine load hits every server alike
            for (int run = 1; run <= runs; run++) {
                for (Target target : targets) {
                    long cpu = target.server.cpuNanos();
                    WrkResult result = wrk(target, threads, connections, duration);
                    long cpuNanos = target.server.cpuNanos() - cpu;
                    target.runs.add(result);
                    target.ratios.add(
                            result.rps() / targets.get(0).runs.get(run - 1).rps());
                    target.cpuMicros.add(cpuNanos / 1000.0 / Math.max(1, result.requests()));
                    log(String.format(
                            Locale.ROOT,
                            "run %d/%d %-45s %,10.0f req/s  p50 %7.0f us  p99 %7.0f us  cpu %5.1f us/req%s",
                            run,
                            runs,
                            target.name,
                            result.rps(),
                            result.p50Micros(),
                            result.p99Micros(),
                            target.cpuMicros.get(target.cpuMicros.size() - 1),
                            result.errors() > 0 ? "  ERRORS " + result.errors() : ""));
                }
            }
            for (Target target : targets.subList(1, targets.size())) {
                target.halfRate = target.rps() / 2;
            }
            // round robin again, so that a moment of machine load does not decide one server's p99
            for (int run = 1; run <= halfRuns; run++) {
                for (Target target : targets.subList(1, targets.size())) {
                    log(String.format(
                            Locale.ROOT,
                            "open loop %d/%d at %.0f req/s (half of peak) for 3+%d s: %s",
                            run,
                            halfRuns,
                            target.halfRate,
                            half,
                            target.name));
                    OpenLoopResult result = openLoop(target, target.halfRate, 3, half, connections);
                    target.halves.add(result);
                    log("  " + result.values());
                }
            }
            String report = report(targets, runs, duration, threads, connections, half, halfRuns, started, loadAtStart);
            System.out.println(report);
            if (out != null) {
                Files.writeString(Path.of(out), report, StandardCharsets.UTF_8);
            }
        } finally {
            deleteTree(dir);
        }
    }

    // ---------------------------------------------------------------- models and request bodies

    static Path trainNumeric(final Path dir) throws IOException {
        Random random = new Random(42);
        double[][] weights = new double[CLASSES.length][NUMERIC_FEATURES];
        for (double[] row : weights) {
            for (int j = 0; j < NUMERIC_FEATURES; j++) {
                row[j] = random.nextGaussian();
            }
        }
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < NUMERIC_FEATURES; j++) {
            csv.append(feature(j)).append(',');
        }
        csv.append("label\n");
        for (int row = 0; row < 4000; row++) {
            double[] x = numericRow(random);
            double best = Double.NEGATIVE_INFINITY;
            int label = 0;
            for (int k = 0; k < CLASSES.length; k++) {
                double score = random.nextGaussian() * 0.5;
                for (int j = 0; j < NUMERIC_FEATURES; j++) {
                    score += weights[k][j] * (x[j] - offset(j)) / scale(j);
                }
                if (score > best) {
                    best = score;
                    label = k;
                }
            }
            for (double value : x) {
                csv.append(String.format(Locale.ROOT, "%.4f", value)).append(',');
            }
            csv.append(CLASSES[label]).append('\n');
        }
        Path data = dir.resolve("numeric.csv");
        Files.writeString(data, csv);
        Path bundle = dir.resolve("numeric");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label("label")
                                .algorithm(Algorithm.LOGISTIC)
                                .seed(1L)
                                .output(bundle)
                                .build(),
                        List.of());
        return bundle;
    }

    static Path trainReceipts(final Path dir) throws IOException {
        Path data = dir.resolve("receipts.csv");
        new ReceiptsGenerator(1).writeCsv(ReceiptsGenerator.Batch.INITIAL, 3000, data);
        Path bundle = dir.resolve("receipts");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label(ReceiptsGenerator.LABEL)
                                .ignore("merchant")
                                .column("description", ColumnType.TEXT)
                                .algorithm(Algorithm.LOGISTIC)
                                .seed(1L)
                                .output(bundle)
                                .build(),
                        List.of());
        return bundle;
    }

    private static String feature(final int j) {
        return String.format(Locale.ROOT, "f%02d", j + 1);
    }

    private static double offset(final int j) {
        return j * 3.0;
    }

    private static double scale(final int j) {
        return 1 + j % 5;
    }

    private static double[] numericRow(final Random random) {
        double[] x = new double[NUMERIC_FEATURES];
        for (int j = 0; j < NUMERIC_FEATURES; j++) {
            x[j] = offset(j) + scale(j) * random.nextGaussian();
        }
        return x;
    }

    static List<String> numericBodies(final int count, final long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] x = numericRow(random);
            ObjectNode body = JSON.createObjectNode();
            for (int j = 0; j < NUMERIC_FEATURES; j++) {
                body.put(feature(j), Math.round(x[j] * 10_000) / 10_000.0);
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    static List<String> receiptBodies(final int count, final long seed) {
        List<String> bodies = new ArrayList<>();
        for (Receipt receipt : new ReceiptsGenerator(seed).generate(ReceiptsGenerator.Batch.INITIAL, count)) {
            ObjectNode body = JSON.createObjectNode();
            body.put("description", receipt.description());
            body.put("amount", receipt.amount());
            body.put("currency", receipt.currency());
            body.put("country", receipt.country());
            body.put("payment_method", receipt.paymentMethod());
            bodies.add(body.toString());
        }
        return bodies;
    }

    private static Path write(final Path file, final List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** A wrk script that POSTs the bodies round robin, each request formatted once per wrk thread. */
    private static Path script(final Path file, final Path bodies) throws IOException {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (String body : Files.readAllLines(bodies, StandardCharsets.UTF_8)) {
            lua.append("  \"");
            for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                    lua.append('\\').append(String.format(Locale.ROOT, "%03d", c));
                } else {
                    lua.append((char) c);
                }
            }
            lua.append("\",\n");
        }
        lua.append("}\n")
                .append("local requests = {}\n")
                .append("local i = 0\n")
                .append("function init(args)\n")
                .append("  for k, body in ipairs(bodies) do\n")
                .append(
                        "    requests[k] = wrk.format(\"POST\", \"/v1/predict\", {[\"Content-Type\"] = \"application/json\"}, body)\n")
                .append("  end\n")
                .append("end\n")
                .append("function request()\n")
                .append("  i = i % #requests + 1\n")
                .append("  return requests[i]\n")
                .append("end\n");
        return Files.writeString(file, lua);
    }

    // ---------------------------------------------------------------- load generators

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(\\w+),");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static WrkResult wrk(final Target target, final int threads, final int connections, final int seconds)
            throws IOException, InterruptedException {
        String output = run(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                target.script.toString(),
                "http://127.0.0.1:" + target.port + "/v1/predict"));
        Matcher requests = REQUESTS.matcher(output);
        Matcher rps = RPS.matcher(output);
        if (!requests.find() || !rps.find()) {
            throw new IllegalStateException("cannot read wrk output:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double micros = Double.parseDouble(percentile.group(2))
                    * switch (percentile.group(3)) {
                        case "us" -> 1;
                        case "ms" -> 1_000;
                        default -> 1_000_000;
                    };
            if (percentile.group(1).equals("50")) {
                p50 = micros;
            } else {
                p99 = micros;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkResult(Long.parseLong(requests.group(1)), Double.parseDouble(rps.group(1)), p50, p99, errors);
    }

    private static OpenLoopResult openLoop(
            final Target target, final double rate, final int warmup, final int seconds, final int connections)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String output = run(List.of(
                java,
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                OpenLoopLoad.class.getName(),
                "127.0.0.1",
                Integer.toString(target.port),
                "/v1/predict",
                Double.toString(rate),
                Integer.toString(warmup),
                Integer.toString(seconds),
                Integer.toString(connections),
                target.bodies.toString()));
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("scheduled=")) {
                for (String pair : line.trim().split(" ")) {
                    String[] kv = pair.split("=");
                    values.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("cannot read the open-loop generator's output:\n" + output);
        }
        return new OpenLoopResult(values);
    }

    private static String run(final List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
        }
        return output;
    }

    // ---------------------------------------------------------------- report

    private static String report(
            final List<Target> targets,
            final int runs,
            final int duration,
            final int threads,
            final int connections,
            final int half,
            final int halfRuns,
            final String started,
            final String loadAtStart) {
        Target constant = targets.get(0);
        StringBuilder md = new StringBuilder();
        md.append("| server | requests/s (median of ")
                .append(runs)
                .append(") | ratio vs constant (median of ")
                .append(runs)
                .append(" rounds) | server CPU µs/request "
                        + "| p50 at peak | p99 at peak | p99 at ½ peak (median of "
                        + halfRuns
                        + "; rate) | target | result |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Target t : targets) {
            boolean isConstant = t == constant;
            double ratio = isConstant ? 1.0 : t.ratio();
            String halfCell = "—";
            boolean halfMet = true;
            if (!t.halves.isEmpty()) {
                double p99 = t.halfP99();
                boolean clean = t.halfErrors() == 0 && t.halfUnanswered() == 0;
                halfMet = p99 <= 5_000 && clean;
                halfCell = String.format(
                        Locale.ROOT,
                        "%s (%,.0f/s%s)",
                        micros(p99),
                        t.halfRate,
                        clean ? "" : ", " + t.halfErrors() + " errors, " + t.halfUnanswered() + " unanswered");
            }
            String target;
            boolean met;
            if (isConstant) {
                target = "baseline";
                met = true;
            } else {
                met = ratio >= t.minRatio && halfMet && t.errors() == 0;
                target = String.format(Locale.ROOT, "≥ %.1f× constant", t.minRatio);
                if (!Double.isNaN(t.maxCpuMicros)) {
                    target += String.format(Locale.ROOT, ", ≤ %.0f µs CPU/req", t.maxCpuMicros);
                    met &= t.cpu() <= t.maxCpuMicros;
                }
                target += ", p99 ≤ 5 ms at ½ peak";
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %.2f× | %.1f | %s | %s | %s | %s | %s |\n",
                    t.name,
                    t.rps(),
                    ratio,
                    t.cpu(),
                    micros(t.p50()),
                    micros(t.p99()),
                    halfCell,
                    target,
                    isConstant ? "—" : met ? "**MET**" : "**NOT MET**"));
        }
        md.append("\nSingle runs (requests/s; ratio to the constant server in the same round; CPU µs/request; "
                + "p99 of each open-loop run):\n\n");
        for (Target t : targets) {
            md.append("- ")
                    .append(t.name)
                    .append(": ")
                    .append(Arrays.toString(
                            t.runs.stream().mapToLong(r -> Math.round(r.rps())).toArray()))
                    .append("; ")
                    .append(
                            t == constant
                                    ? "—"
                                    : Arrays.toString(t.ratios.stream()
                                            .map(r -> String.format(Locale.ROOT, "%.2f", r))
                                            .toArray()))
                    .append("; ")
                    .append(Arrays.toString(t.cpuMicros.stream()
                            .map(c -> String.format(Locale.ROOT, "%.1f", c))
                            .toArray()))
                    .append(t.errors() > 0 ? "; errors: " + t.errors() : "")
                    .append(
                            t.halves.isEmpty()
                                    ? ""
                                    : "; p99 at ½ peak: "
                                            + t.halves.stream()
                                                    .map(h -> micros(h.get("p99us")))
                                                    .toList())
                    .append('\n');
        }
        md.append("\nMachine: ")
                .append(cpuModel())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Java ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append("; started ")
                .append(started)
                .append("; load average at start ")
                .append(loadAtStart)
                .append(", at end ")
                .append(loadAverage())
                .append(".\nLoad: wrk -t")
                .append(threads)
                .append(" -c")
                .append(connections)
                .append(" -d")
                .append(duration)
                .append("s --latency per run (after a warm-up run), runs round robin over the servers, each server in ")
                .append("its own JVM (")
                .append(String.join(" ", ServerRuntime.JVM_OPTIONS))
                .append("); ½ peak: ")
                .append("open-loop generator (OpenLoopLoad, second JVM, ")
                .append(connections)
                .append(" keep-alive connections) at half the median peak, 3 s warm-up + ")
                .append(half)
                .append(" s measured, ")
                .append(halfRuns)
                .append(" runs per server round robin, latency from the scheduled send time.\n");
        return md.toString();
    }

    private static String micros(final double micros) {
        return micros >= 1_000
                ? String.format(Locale.ROOT, "%.2f ms", micros / 1_000)
                : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    private static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException exception) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException exception) {
            return "unknown CPU";
        }
    }

    private static void log(final String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteTree(final Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException exception) {
                    // best effort
                }
            });
        }
    }
}
