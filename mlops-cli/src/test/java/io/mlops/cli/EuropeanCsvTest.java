package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A European Excel export (';' and decimal commas, Windows-1252) trains from the command line and a spec. */
class EuropeanCsvTest {
    @TempDir
    Path dir;

    /** Two classes told apart by the sign of a decimal-comma number, with umlauts in a text column. */
    private Path export(final String name, final Charset charset) throws IOException {
        StringBuilder csv = new StringBuilder("Betrag;Stadt;Klasse\n");
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            double amount = random.nextGaussian() + (i % 2 == 0 ? 3 : -3);
            csv.append(String.format(Locale.ROOT, "%.2f", amount).replace('.', ','))
                    .append(';')
                    .append(i % 3 == 0 ? "M\u00fcnchen" : "K\u00f6ln")
                    .append(';')
                    .append(i % 2 == 0 ? "hoch" : "tief")
                    .append('\n');
        }
        Path file = dir.resolve(name);
        Files.write(file, csv.toString().getBytes(charset));
        return file;
    }

    @Test
    void shouldDetectAnExcelExportSayItAndLearnFromItsNumbers() throws IOException {
        Path data = export("export.csv", Charset.forName("UTF-8"));

        Cli.Result result =
                run("train", "--data", abs(data), "--label", "Klasse", "--output", abs(dir.resolve("model")), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err())
                .contains("[mlops] " + abs(data) + ": fields are separated by ';' (detected from the header line) and"
                        + " numbers use ',' as the decimal mark (detected), as Excel writes CSV in German and other"
                        + " European locales; set delimiter / decimalComma (--delimiter, --decimal-comma) to read it"
                        + " otherwise");
        assertThat(result.out()).contains("\"Betrag\" : {\n          \"type\" : \"NUMERIC\"");
        assertThat(result.out()).contains("\"accuracy\" : 1.0");
    }

    @Test
    void shouldReadAWindows1252ExportWithTheSettingsOfASpec() throws IOException {
        Path data = export("export-1252.csv", Charset.forName("windows-1252"));
        Path spec = dir.resolve("train.yaml");
        Files.writeString(
                spec,
                "data: " + abs(data) + "\nlabel: Klasse\ndelimiter: ';'\ndecimalComma: true\nencoding: windows-1252\n"
                        + "output: " + abs(dir.resolve("model")) + "\n");

        Cli.Result result = run("train", "--spec", abs(spec), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("detected");
        assertThat(result.out()).contains("M\u00fcnchen");
    }

    @Test
    void shouldRefuseAWindows1252ExportReadAsUtf8WithAHint() throws IOException {
        Path data = export("export-1252.csv", Charset.forName("windows-1252"));

        Cli.Result result =
                run("train", "--data", abs(data), "--label", "Klasse", "--output", abs(dir.resolve("model")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine())
                .isEqualTo("mlops: " + abs(data) + ": is not valid UTF-8 text: byte 0xFC at byte offset 26 (line 2)"
                        + " is not part of a UTF-8 character; the file looks Latin-1 / Windows-1252 encoded (as Excel"
                        + " saves \"CSV\" on Windows): save it as \"CSV UTF-8\" or read it with --encoding"
                        + " windows-1252 (spec or Pipeline step: encoding: windows-1252)");
        assertThat(dir.resolve("model")).doesNotExist();
    }

    /** {@code evaluate} takes the same CSV options as {@code train}: a Windows-1252 export is read and scored. */
    @Test
    void shouldEvaluateAWindows1252ExportWithTheSameOptionsAsTrain() throws IOException {
        Path data = export("export-1252.csv", Charset.forName("windows-1252"));
        String[] csv = {"--delimiter", ";", "--decimal-comma", "--encoding", "windows-1252"};
        Path model = dir.resolve("model");
        Cli.Result trained = run(
                concat(new String[] {"train", "--data", abs(data), "--label", "Klasse", "--output", abs(model)}, csv));
        assertThat(trained.exitCode()).as(trained.toString()).isZero();

        Cli.Result refused = run("evaluate", "--model", abs(model), "--data", abs(data));
        Cli.Result evaluated =
                run(concat(new String[] {"evaluate", "--model", abs(model), "--data", abs(data), "--json"}, csv));

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(refused.errorLine()).contains("is not valid UTF-8 text", "--encoding windows-1252");
        assertThat(evaluated.exitCode()).as(evaluated.toString()).isZero();
        assertThat(evaluated.json().get("metrics").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(evaluated.json().get("metrics").get("examples").asInt()).isEqualTo(200);
    }

    private static String[] concat(final String[] first, final String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Tab-separated with decimal commas: not detected (only ';' files are), so the options say it. */
    private Path tabExport(final String name, final long seed) throws IOException {
        StringBuilder csv = new StringBuilder("Betrag\tKlasse\n");
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            double amount = random.nextGaussian() + (i % 2 == 0 ? 3 : -3);
            csv.append(String.format(Locale.ROOT, "%.2f", amount).replace('.', ','))
                    .append('\t')
                    .append(i % 2 == 0 ? "hoch" : "tief")
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void shouldReadTheDriftBatchOfARetrainCheckWithTheDecimalCommaOfTraining() throws IOException {
        Path model = dir.resolve("model");
        Cli.Result trained = run(
                "train",
                "--data",
                abs(tabExport("train.tsv", 7)),
                "--label",
                "Klasse",
                "--delimiter",
                "tab",
                "--decimal-comma",
                "--output",
                abs(model));
        assertThat(trained.exitCode()).as(trained.toString()).isZero();
        String batch = abs(tabExport("batch.tsv", 8));

        JsonNode same = drift(run(
                "retrain-check",
                "--model",
                abs(model),
                "--drift-data",
                batch,
                "--delimiter",
                "tab",
                "--decimal-comma",
                "--json"));
        JsonNode unread = drift(run("retrain-check", "--model", abs(model), "--drift-data", batch, "--json"));

        // read as training read it, the batch from the same distribution does not drift
        assertThat(same.path("status").asText()).as(same.toString()).isEqualTo("NOT_FIRED");
        assertThat(same.path("measured").asDouble()).isLessThan(0.2);
        // read without the decimal comma every amount is missing, and there is nothing to compare
        assertThat(unread.path("status").asText()).as(unread.toString()).isEqualTo("INACTIVE");
        assertThat(unread.path("reason").asText()).isEqualTo(batch + " has no PSI for any feature yet");
    }

    private static JsonNode drift(final Cli.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        for (JsonNode condition : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.out())
                .path("decision")
                .path("conditions")) {
            if (condition.path("kind").asText().equals("drift")) {
                return condition;
            }
        }
        throw new AssertionError("no drift condition in " + result.out());
    }
}
