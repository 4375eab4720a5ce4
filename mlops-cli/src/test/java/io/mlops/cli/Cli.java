package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.metadata.MetadataWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Runs mlops in-process and helps the CLI tests check what it wrote. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {}

    /** The outcome of one in-process run. */
    record Result(int exitCode, String out, String err) {
        /** @return the lines of standard error that are not progress messages */
        List<String> errorLines() {
            return err.lines().filter(line -> !line.startsWith("[mlops] ")).toList();
        }

        /** @return the single error line, asserting that there is exactly one and that it has the prefix */
        String errorLine() {
            assertThat(errorLines()).as("stderr other than progress:%n%s", err).hasSize(1);
            String line = errorLines().get(0);
            assertThat(line).startsWith("mlops: ");
            return line;
        }

        JsonNode json() {
            return parse(out);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    static Result run(final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out);
                PrintWriter e = new PrintWriter(err)) {
            code = Mlops.run(o, e, args);
        }
        return new Result(code, out.toString(), err.toString());
    }

    static String abs(final Path path) {
        return path.toAbsolutePath().toString();
    }

    static Path receipts(final Path file, final long seed, final int rows) {
        return receipts(file, seed, rows, ReceiptsGenerator.Batch.INITIAL);
    }

    static Path receipts(final Path file, final long seed, final int rows, final ReceiptsGenerator.Batch batch) {
        try {
            new ReceiptsGenerator(seed).writeCsv(batch, rows, file);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return file;
    }

    static Path write(final Path file, final String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    static JsonNode parse(final String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException exception) {
            throw new AssertionError("not JSON: " + json, exception);
        }
    }

    static JsonNode readJson(final Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Reads a metadata file and asserts that it matches the published schema. */
    static JsonNode validMetadata(final Path file) {
        assertThat(file).isRegularFile();
        return validMetadata(readJson(file));
    }

    static JsonNode validMetadata(final JsonNode document) {
        assertThat(MetadataWriter.violations(document)).as("schema violations").isEmpty();
        return document;
    }

    static String sha256(final Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException(exception);
        }
    }

    /** @return the names of all entries of a folder, hidden ones included */
    static List<String> entries(final Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Asserts that a folder holds a complete model bundle with valid run metadata, and returns that metadata. */
    static JsonNode assertBundle(final Path bundle) {
        assertThat(bundle.resolve("model.tribuo")).isRegularFile();
        assertThat(bundle.resolve("bundle.json")).isRegularFile();
        JsonNode manifest = readJson(bundle.resolve("bundle.json"));
        assertThat(manifest.path("modelSha256").asText()).isEqualTo(sha256(bundle.resolve("model.tribuo")));
        JsonNode metadata = validMetadata(bundle.resolve("run-metadata.json"));
        assertThat(metadata.path("kind").asText()).isEqualTo("train");
        assertThat(metadata.path("model").path("sha256").asText()).isEqualTo(sha256(bundle.resolve("model.tribuo")));
        return metadata;
    }
}
