package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlops.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input exits with 3, one line naming what is wrong, and writes nothing. */
class BadInputTest {
    private static final String COLUMNS =
            "[description, merchant, amount, currency, country, payment_method, category]";

    @TempDir
    static Path shared;

    @TempDir
    Path tempDir;

    private static Path receipts;
    private static Path model;

    private Path out;

    @BeforeAll
    static void trainModel() {
        receipts = Cli.receipts(shared.resolve("receipts.csv"), 1, 600);
        model = shared.resolve("model");
        Cli.Result result = run(
                "train",
                "--data",
                abs(receipts),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(model),
                "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @BeforeEach
    void createOutputParent() throws IOException {
        out = Files.createDirectory(tempDir.resolve("out"));
    }

    /** Trains with the given options and an output below {@link #out}; asserts exit 3 and returns the error line. */
    private String train(final String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--output", abs(out.resolve("model"))));
        args.addAll(Arrays.asList(options));
        return badInput(run(args.toArray(new String[0])));
    }

    private String badInput(final Cli.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.out()).as(result.toString()).isEmpty();
        String line = result.errorLine();
        assertThat(line).doesNotContain("Exception", "\tat ");
        assertThat(Cli.entries(out)).as("output written despite bad input").isEmpty();
        return line;
    }

    private Path csv(final String name, final String content) {
        return Cli.write(tempDir.resolve(name), content);
    }

    @Test
    void shouldReportAMissingDataFile() {
        Path missing = tempDir.resolve("missing.csv");

        assertThat(train("--data", abs(missing), "--label", "category"))
                .isEqualTo("mlops: " + missing + ": data file not found");
    }

    @Test
    void shouldReportAFolderWithoutDataFiles() {
        assertThat(train("--data", abs(out), "--label", "category"))
                .isEqualTo("mlops: no data files: " + out + " matched no CSV or JSON Lines file");
    }

    @Test
    void shouldReportAnEmptyDataFile() {
        Path empty = csv("empty.csv", "");

        assertThat(train("--data", abs(empty), "--label", "category"))
                .isEqualTo("mlops: " + empty + ": data file is empty, expected a header line and data rows");
    }

    @Test
    void shouldReportADataFileWithOnlyAHeader() {
        Path header = csv("header.csv", "text,category\n");

        assertThat(train("--data", abs(header), "--label", "category"))
                .isEqualTo("mlops: " + header
                        + ": data file has no data rows, expected at least one row after the header");
    }

    @Test
    void shouldReportTheLineOfAMalformedCsvLine() {
        Path malformed = csv(
                "malformed.csv",
                String.join(
                        "\n", "text,amount,category", "a,1,x", "\"two", "lines\",2,y", "b,3,x", "c,4", "d,5,y", ""));

        assertThat(train("--data", abs(malformed), "--label", "category"))
                .isEqualTo("mlops: " + malformed
                        + " line 6: malformed CSV line: expected 3 fields as in the header, found 2");
    }

    @Test
    void shouldReportAMalformedJsonLinesLine() {
        Path jsonl = csv("data.jsonl", "{\"text\": \"a\", \"category\": \"x\"}\n\n{\"text\": \"b\", \"category\":\n");

        assertThat(train("--data", abs(jsonl), "--label", "category"))
                .startsWith("mlops: " + jsonl + " line 3: not valid JSON: ");
    }

    @Test
    void shouldReportAMissingLabelColumn() {
        assertThat(train("--data", abs(receipts), "--label", "kategorie"))
                .isEqualTo("mlops: " + receipts + ": label column 'kategorie' not found; columns are " + COLUMNS);
    }

    @Test
    void shouldReportAnEmptyLabel() {
        Path data = csv("empty-label.csv", "text,category\na,x\nb,\nc,y\n");

        assertThat(train("--data", abs(data), "--label", "category"))
                .isEqualTo("mlops: " + data + " line 3: label column 'category' is empty, expected a class name");
    }

    @Test
    void shouldReportALabelWithOneClassOnly() {
        Path data = csv("one-class.csv", "text,category\na,x\nb,x\nc,x\n");

        assertThat(train("--data", abs(data), "--label", "category"))
                .isEqualTo("mlops: " + data + ": label column 'category' has only one class [x]; "
                        + "a classifier needs at least two");
    }

    @Test
    void shouldReportNaNInANumericColumn() {
        Path data = csv("nan.csv", "text,amount,category\na,1.5,x\nb,2,y\nc,NaN,x\nd,4,y\n");

        assertThat(train("--data", abs(data), "--label", "category", "--column", "amount=numeric"))
                .isEqualTo("mlops: " + data + " line 4: column 'amount' is not a finite number: \"NaN\"");
    }

    @Test
    void shouldReportInfinityInANumericColumn() {
        Path data = csv("infinity.csv", "text,amount,category\na,1.5,x\nb,Infinity,y\nc,3,x\nd,4,y\n");

        assertThat(train("--data", abs(data), "--label", "category", "--column", "amount=numeric"))
                .isEqualTo("mlops: " + data + " line 3: column 'amount' is not a finite number: \"Infinity\"");
    }

    @Test
    void shouldReportNegativeInfinityInAnInferredNumericColumn() {
        StringBuilder content = new StringBuilder("text,amount,category\n");
        for (int i = 0; i < 40; i++) {
            content.append("t")
                    .append(i)
                    .append(',')
                    .append(i)
                    .append(',')
                    .append(i % 2 == 0 ? "x" : "y")
                    .append('\n');
        }
        content.append("last,-Infinity,x\n");
        Path data = csv("inferred.csv", content.toString());

        assertThat(train("--data", abs(data), "--label", "category"))
                .isEqualTo("mlops: " + data + " line 42: column 'amount' is not a finite number: \"-Infinity\"");
    }

    @Test
    void shouldReportANonNumberInANumericColumn() {
        Path data = csv("comma.csv", "text,amount,category\na,1.5,x\nb,2,y\nc,3,x\nd,\"12,5O\",y\n");

        assertThat(train("--data", abs(data), "--label", "category", "--column", "amount=numeric"))
                .isEqualTo("mlops: " + data + " line 5: column 'amount' is not a number: \"12,5O\"");
    }

    @Test
    void shouldReportAnUnknownColumnType() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--column", "amount=money"))
                .isEqualTo("mlops: '--column amount' must be one of [numeric, categorical, text], got \"money\"");
    }

    @Test
    void shouldReportADeclaredColumnThatIsMissing() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--column", "price=numeric"))
                .isEqualTo("mlops: " + receipts + ": declared column 'price' not found; columns are " + COLUMNS);
    }

    @Test
    void shouldReportAnUnknownAlgorithm() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--algorithm", "deep-net"))
                .isEqualTo("mlops: unknown algorithm 'deep-net'; expected one of "
                        + "[logistic, linear-svm, liblinear, cart, random-forest, xgboost]");
    }

    @Test
    void shouldReportAnUnknownHyperparameter() {
        assertThat(train("--data", abs(receipts), "--label", "category", "-p", "epoch=3"))
                .isEqualTo("mlops: unknown hyperparameter 'epoch' for algorithm 'logistic'; "
                        + "expected one of [solver, cost, maxIterations, tolerance, epochs, learningRate, minibatch]");
    }

    @Test
    void shouldReportAHyperparameterOutOfRange() {
        assertThat(train("--data", abs(receipts), "--label", "category", "-p", "epochs=0"))
                .isEqualTo("mlops: hyperparameter 'epochs' of algorithm 'logistic' must be an integer from 1 to 10000, "
                        + "got \"0\"");
    }

    @Test
    void shouldReportAHyperparameterThatIsNotANumber() {
        assertThat(train("--data", abs(receipts), "--label", "category", "-p", "learningRate=fast"))
                .isEqualTo("mlops: hyperparameter 'learningRate' of algorithm 'logistic' must be a number from "
                        + "1.0E-9 to 1000000, got \"fast\"");
    }

    @Test
    void shouldReportATestFractionOutOfRange() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--test-fraction", "1.5"))
                .isEqualTo("mlops: 'testFraction' must be between 0 and 1 (exclusive), got 1.5");
    }

    @Test
    void shouldReportAMissingLabelOption() {
        assertThat(train("--data", abs(receipts)))
                .isEqualTo("mlops: no label column given: set 'label' to the column to predict");
    }

    @Test
    void shouldReportAMissingSpecFile() {
        Path spec = tempDir.resolve("train.yaml");

        assertThat(train("--spec", abs(spec))).isEqualTo("mlops: " + spec + ": spec file not found");
    }

    @Test
    void shouldReportAnUnknownSpecField() {
        Path spec = csv("train.yaml", "data: " + abs(receipts) + "\nlabel: category\nepochs: 3\n");

        assertThat(train("--spec", abs(spec)))
                .startsWith("mlops: " + spec + ": unknown field 'epochs' at 'epochs' (line 3); expected one of [")
                .contains("params", "seed", "features");
    }

    @Test
    void shouldReportAnUnknownNestedFieldOfAJsonSpec() {
        Path spec = csv(
                "train.json",
                "{\n  \"data\": \"" + abs(receipts) + "\",\n  \"label\": \"category\",\n"
                        + "  \"features\": {\"ngram\": 2}\n}\n");

        assertThat(train("--spec", abs(spec)))
                .startsWith(
                        "mlops: " + spec + ": unknown field 'ngram' at 'features.ngram' (line 4); expected one of [")
                .contains("ngrams");
    }

    @Test
    void shouldReportABadSpecValue() {
        Path spec = csv("train.yaml", "data: " + abs(receipts) + "\nlabel: category\nseed: soon\n");

        assertThat(train("--spec", abs(spec)))
                .startsWith("mlops: " + spec + ": bad value at 'seed' (line 3): ")
                .contains("\"soon\"");
    }

    @Test
    void shouldReportNgramsOutOfRangeInTheSpec() {
        Path spec = csv("train.yaml", "data: " + abs(receipts) + "\nlabel: category\nfeatures:\n  ngrams: 4\n");

        assertThat(train("--spec", abs(spec)))
                .isEqualTo("mlops: " + spec + ": 'features.ngrams' must be 1, 2 or 3, got 4");
    }

    @Test
    void shouldReportABadStandardizeValueInTheSpec() {
        Path spec =
                csv("train.yaml", "data: " + abs(receipts) + "\nlabel: category\nfeatures:\n  standardize: maybe\n");

        assertThat(train("--spec", abs(spec)))
                .isEqualTo("mlops: " + spec + ": 'features.standardize' must be true, false or auto, got \"maybe\"");
    }

    @Test
    void shouldReportAMissingValueWhenThePolicyIsError() {
        Path data = csv("missing-value.csv", "text,amount,category\na,1,x\nb,2,y\nc,,x\nd,4,y\ne,5,x\nf,6,y\n");
        Path spec = csv(
                "train.yaml",
                String.join(
                        "\n",
                        "data: " + abs(data),
                        "label: category",
                        "columns: {amount: numeric}",
                        "features:",
                        "  missing: {numeric: error}",
                        ""));

        assertThat(train("--spec", abs(spec)))
                .isEqualTo(
                        "mlops: " + data + " line 4: column 'amount' is empty and the missing-value policy is 'error'");
    }

    @Test
    void shouldReportAMalformedGateExpression() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--gate", "accuracy => 0.9"))
                .isEqualTo("mlops: gate \"accuracy => 0.9\" is not of the form 'METRIC OP THRESHOLD', "
                        + "e.g. 'accuracy >= 0.9' or 'macroF1 >= baseline - 0.01'");
    }

    @Test
    void shouldReportAGateThresholdThatIsNotANumber() {
        assertThat(train("--data", abs(receipts), "--label", "category", "--gate", "accuracy >= high"))
                .isEqualTo("mlops: gate \"accuracy >= high\": threshold \"high\" is not a number or "
                        + "'baseline [+|- NUMBER]'");
    }

    @Test
    void shouldReportAnUnknownGateMetric() {
        assertThat(badInput(
                        run("evaluate", "--model", abs(model), "--data", abs(receipts), "--gate", "precison >= 0.9")))
                .isEqualTo("mlops: gate \"precison >= 0.9\": unknown metric 'precison'; expected one of "
                        + "[accuracy, macroPrecision, macroRecall, macroF1, weightedF1, logLoss] or "
                        + "[precision[CLASS], recall[CLASS], f1[CLASS]]");
    }

    @Test
    void shouldReportAnUnknownPerClassGateMetric() {
        assertThat(badInput(run(
                        "evaluate",
                        "--model",
                        abs(model),
                        "--data",
                        abs(receipts),
                        "--gate",
                        "accuracy[meals] >= 0.9")))
                .startsWith("mlops: gate \"accuracy[meals] >= 0.9\": unknown per-class metric 'accuracy'");
    }

    @Test
    void shouldReportAnUnknownGateCriticality() {
        assertThat(badInput(run(
                        "evaluate",
                        "--model",
                        abs(model),
                        "--data",
                        abs(receipts),
                        "--gate",
                        "accuracy >= 0.9 (warning)")))
                .isEqualTo("mlops: gate \"accuracy >= 0.9 (warning)\": unknown criticality 'warning'; "
                        + "expected (unstable) or (failure)");
    }

    @Test
    void shouldReportAMissingModel() {
        Path missing = tempDir.resolve("no-model");

        assertThat(badInput(run("evaluate", "--model", abs(missing), "--data", abs(receipts))))
                .isEqualTo(
                        "mlops: " + missing + ": model not found; expected a model bundle folder or its model.tribuo");
    }

    @Test
    void shouldReportAFolderThatIsNotABundle() throws IOException {
        Path folder = Files.createDirectory(tempDir.resolve("folder"));

        assertThat(badInput(run("evaluate", "--model", abs(folder), "--data", abs(receipts))))
                .isEqualTo("mlops: " + folder.resolve("bundle.json") + ": bundle manifest not found; is " + folder
                        + " a model written by mlops train?");
    }

    @Test
    void shouldRefuseACorruptedModelFile() throws IOException {
        Path copy = Files.createDirectory(tempDir.resolve("corrupted"));
        for (String name : List.of("model.tribuo", "bundle.json", "run-metadata.json", "checksums.sha256")) {
            Files.copy(model.resolve(name), copy.resolve(name));
        }
        Path file = copy.resolve("model.tribuo");
        byte[] bytes = Files.readAllBytes(file);
        String expected = Cli.sha256(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        Path metadata = out.resolve("evaluation.json");

        String line =
                badInput(run("evaluate", "--model", abs(copy), "--data", abs(receipts), "--metadata", abs(metadata)));

        assertThat(line)
                .isEqualTo("mlops: " + file + ": checksum mismatch: expected SHA-256 " + expected + ", found "
                        + Cli.sha256(file) + "; the model file is corrupted or was modified, refusing to load it");
    }

    @Test
    void shouldReportTestDataWithoutAColumnOfTheModel() {
        Path data = csv("test.csv", "description,category\nTaxi to the airport,transport\n");

        assertThat(badInput(run("evaluate", "--model", abs(model), "--data", abs(data))))
                .startsWith("mlops: " + data + ": column '")
                .endsWith("' of the model's schema not found; columns are [description, category]");
    }

    @Test
    void shouldReportABadValueInTestData() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(receipts).subList(0, 20));
        String[] fields = lines.get(9).split(",");
        lines.set(9, lines.get(9).replace("," + fields[fields.length - 5] + ",", ",NaN,"));
        Path data = csv("test-nan.csv", String.join("\n", lines) + "\n");

        assertThat(badInput(run("evaluate", "--model", abs(model), "--data", abs(data))))
                .isEqualTo("mlops: " + data + " line 10: column 'amount' is not a finite number: \"NaN\"");
    }

    @Test
    void shouldReportAnOutputFolderBelowARegularFile() throws IOException {
        Path file = Files.writeString(out.resolve("somefile"), "keep me");

        Cli.Result result = run(
                "train",
                "--data",
                abs(receipts),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(file.resolve("model")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine()).isEqualTo("mlops: " + file + ": output folder is a file, expected a folder");
        assertThat(Cli.entries(out)).containsExactly("somefile");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void shouldReportAnOutputThatIsARegularFile() throws IOException {
        Path file = Files.writeString(out.resolve("model"), "keep me");

        Cli.Result result =
                run("train", "--data", abs(receipts), "--label", "category", "-p", "epochs=1", "--output", abs(file));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine()).isEqualTo("mlops: " + file + ": output folder is a file, expected a folder");
        assertThat(Cli.entries(out)).containsExactly("model");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void shouldReportAnOutputFolderThatIsNotWritable() throws IOException {
        Path readOnly = Files.createDirectory(out.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(readOnly), "permissions are not enforced (running as root)");

            Cli.Result result = run(
                    "train",
                    "--data",
                    abs(receipts),
                    "--label",
                    "category",
                    "-p",
                    "epochs=1",
                    "--output",
                    abs(readOnly.resolve("model")));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(result.errorLine()).isEqualTo("mlops: " + readOnly + ": output folder is not writable");
            assertThat(Cli.entries(readOnly)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void shouldLeaveAnExistingFolderThatIsNotABundleUntouched() throws IOException {
        Path folder = Files.createDirectory(out.resolve("model"));
        Path notes = Files.writeString(folder.resolve("notes.txt"), "my notes");

        Cli.Result result =
                run("train", "--data", abs(receipts), "--label", "category", "-p", "epochs=1", "--output", abs(folder));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine())
                .isEqualTo("mlops: " + folder
                        + ": output folder holds files that are not part of a model bundle (notes.txt); writing a"
                        + " bundle replaces the whole folder, so choose a new or empty folder, or move those files"
                        + " away");
        assertThat(Cli.entries(out)).containsExactly("model");
        assertThat(Cli.entries(folder)).containsExactly("notes.txt");
        assertThat(notes).hasContent("my notes");
    }

    @Test
    void shouldReportAMetadataFileBelowARegularFile() throws IOException {
        Path file = Files.writeString(out.resolve("somefile"), "keep me");

        Cli.Result result = run(
                "evaluate",
                "--model",
                abs(model),
                "--data",
                abs(receipts),
                "--metadata",
                abs(file.resolve("evaluation.json")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine()).isEqualTo("mlops: " + file + ": output folder is a file, expected a folder");
        assertThat(Cli.entries(out)).containsExactly("somefile");
    }

    @Test
    void shouldWriteNothingWhenTheMetadataCopyCannotBeWritten() throws IOException {
        Path file = Files.writeString(out.resolve("somefile"), "keep me");

        Cli.Result result = run(
                "train",
                "--data",
                abs(receipts),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(out.resolve("model")),
                "--metadata",
                abs(file.resolve("train.json")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine()).isEqualTo("mlops: " + file + ": output folder is a file, expected a folder");
        assertThat(Cli.entries(out)).containsExactly("somefile");
    }

    @Test
    void shouldRejectANegativeRowCountOfTheDemo() {
        Cli.Result result = run("demo", "--output", abs(out.resolve("demo")), "--rows", "-5");

        assertThat(result.exitCode()).as(result.toString()).isIn(ExitCode.USAGE.code(), ExitCode.BAD_INPUT.code());
        assertThat(result.err()).contains("--rows").doesNotContain("Exception", "\tat ");
        assertThat(Cli.entries(out)).isEmpty();
    }
}
