package io.mlops.engine.train;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.features.FeatureSettings;
import io.mlops.contract.text.Printable;
import io.mlops.engine.data.DataWindow;
import io.mlops.engine.io.BoundedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a training spec written as YAML ({@code .yaml}, {@code .yml}) or JSON. Unknown fields are errors,
 * so that a typo never silently falls back to a default. Paths in the spec are relative to the
 * current working directory (the workspace, in Jenkins). {@code data} is one entry or a list of files, folders and
 * globs; {@code dedupe: true} drops repeated rows; {@code window: {rows|files|days: N}} keeps only recent data.
 */
public final class SpecReader {
    private static final ObjectMapper YAML = Json.strict(YAMLMapper.builder()).build();

    /**
     * Reads a spec file into a builder, so that command-line options can still override its values.
     *
     * @param file the spec file
     * @return a builder holding the spec's values
     * @throws MlopsException if the file is missing or has an unknown field or a bad value
     */
    public TrainingSpec.Builder read(final Path file) {
        if (!Files.exists(file)) {
            throw MlopsException.inFile(file, "spec file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        // strict: an unknown field, or a key given twice (whichever value was meant), is a mistake to report
        ObjectMapper mapper = name.endsWith(".json") ? Json.strictMapper() : YAML;
        byte[] bytes = BoundedFiles.read(file, BoundedFiles.MAX_SETTINGS_BYTES);
        SpecFile spec;
        try {
            spec = mapper.readValue(bytes, SpecFile.class);
        } catch (UnrecognizedPropertyException exception) {
            throw MlopsException.inFile(
                    file,
                    "unknown field '" + exception.getPropertyName() + "' at "
                            + location(exception) + "; expected one of "
                            + new java.util.TreeSet<>(exception.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .toList()));
        } catch (JsonMappingException exception) {
            throw MlopsException.inFile(
                    file, "bad value at " + location(exception) + ": " + exception.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.exc.StreamReadException exception) {
            throw MlopsException.inFile(
                    file,
                    "not a valid spec: " + exception.getOriginalMessage()
                            + (exception.getLocation() == null
                                    ? ""
                                    : " (line " + exception.getLocation().getLineNr() + ")"));
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read spec: " + exception.getMessage());
        }
        if (spec == null) {
            throw MlopsException.inFile(file, "spec file is empty");
        }
        return spec.toBuilder(file);
    }

    private static String location(final JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String line = exception.getLocation() == null
                ? ""
                : " (line " + exception.getLocation().getLineNr() + ")";
        return (path.isEmpty() ? "top level" : "'" + path + "'") + line;
    }

    /** The file format; fields are public for Jackson only. */
    static final class SpecFile {
        // one entry, or a list of files, folders and globs
        public Object data;
        public Boolean dedupe;
        public Map<String, Long> window;
        public String testData;
        public Double testFraction;
        public String label;
        public Map<String, String> columns = new LinkedHashMap<>();
        public List<String> ignore = List.of();
        public String algorithm;
        public Map<String, Object> params = new LinkedHashMap<>();
        public Long seed;
        public Features features;
        public String output;
        public String delimiter;
        public Boolean decimalComma;
        public String encoding;

        TrainingSpec.Builder toBuilder(final Path file) {
            TrainingSpec.Builder builder = TrainingSpec.builder()
                    .data(dataEntries(file, data))
                    .dedupe(dedupe)
                    .window(window(file, window))
                    .testData(path(file, "testData", testData))
                    .testFraction(testFraction)
                    .label(label)
                    .algorithm(algorithm(file, algorithm))
                    .seed(seed)
                    .output(path(file, "output", output))
                    .delimiter(delimiter)
                    .decimalComma(decimalComma)
                    .encoding(encoding);
            // an empty section (YAML "columns:" with nothing under it) is JSON null: the same as not given
            if (columns != null) {
                columns.forEach((column, type) -> builder.column(column, columnType(file, column, type)));
            }
            if (ignore != null) {
                for (String column : ignore) {
                    if (column == null || column.isBlank()) {
                        throw MlopsException.inFile(
                                file,
                                "'ignore' must list column names, got "
                                        + (column == null ? "null" : "\"" + column + "\""));
                    }
                    builder.ignore(column);
                }
            }
            if (params != null) {
                params.forEach((name, value) -> {
                    if (value == null) {
                        throw MlopsException.inFile(file, "'params." + name + "' has no value");
                    }
                    builder.param(name, value);
                });
            }
            if (features != null) {
                builder.features(features.toSettings(file));
            }
            return builder;
        }
    }

    private static List<String> dataEntries(final Path file, final Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof String entry) {
            return List.of(checkedEntry(file, entry));
        }
        if (data instanceof List<?> entries
                && !entries.isEmpty()
                && entries.stream().allMatch(e -> e instanceof String s && !s.isBlank())) {
            return entries.stream().map(e -> checkedEntry(file, (String) e)).toList();
        }
        throw MlopsException.inFile(
                file,
                "'data' must be a file, folder or glob, or a list of them (e.g. [data/base.csv,"
                        + " data/incoming/*.csv]), got " + data);
    }

    private static String checkedEntry(final Path file, final String entry) {
        try {
            Path.of(entry);
        } catch (InvalidPathException notAPath) {
            throw MlopsException.inFile(file, "'data' entry \"" + Printable.shorten(entry) + "\" is not a valid path");
        }
        return entry;
    }

    private static Path path(final Path file, final String field, final String value) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw MlopsException.inFile(
                    file, "'" + field + "' is not a valid path: \"" + Printable.shorten(value) + "\"");
        }
    }

    private static Algorithm algorithm(final Path file, final String name) {
        if (name == null) {
            return null;
        }
        try {
            return Algorithm.of(name);
        } catch (MlopsException unknown) {
            throw MlopsException.inFile(file, unknown.getMessage());
        }
    }

    private static DataWindow window(final Path file, final Map<String, Long> window) {
        if (window == null) {
            return null;
        }
        if (window.size() != 1 || window.values().iterator().next() == null) {
            throw MlopsException.inFile(
                    file,
                    "'window' must have one of rows, files or days with a number (e.g. {files: 30}), got " + window);
        }
        var entry = window.entrySet().iterator().next();
        DataWindow.Unit unit = enumValue(file, "window", DataWindow.Unit.class, entry.getKey());
        try {
            return new DataWindow(unit, entry.getValue());
        } catch (MlopsException exception) {
            throw MlopsException.inFile(file, exception.getMessage());
        }
    }

    /** The {@code features} section. */
    static final class Features {
        public Integer ngrams;
        public Boolean lowercase;
        public Object standardize;
        public Missing missing;

        FeatureSettings toSettings(final Path file) {
            FeatureSettings d = FeatureSettings.DEFAULTS;
            int n = ngrams == null ? d.ngrams() : ngrams;
            if (n < 1 || n > 3) {
                throw MlopsException.inFile(file, "'features.ngrams' must be 1, 2 or 3, got " + n);
            }
            Boolean standard = null;
            if (standardize != null && !"auto".equals(String.valueOf(standardize))) {
                String s = String.valueOf(standardize);
                if (!s.equals("true") && !s.equals("false")) {
                    throw MlopsException.inFile(
                            file, "'features.standardize' must be true, false or auto, got \"" + s + "\"");
                }
                standard = Boolean.valueOf(s);
            }
            FeatureSettings.MissingNumeric numeric = missing == null || missing.numeric == null
                    ? d.missingNumeric()
                    : enumValue(
                            file, "features.missing.numeric", FeatureSettings.MissingNumeric.class, missing.numeric);
            FeatureSettings.MissingCategorical categorical = missing == null || missing.categorical == null
                    ? d.missingCategorical()
                    : enumValue(
                            file,
                            "features.missing.categorical",
                            FeatureSettings.MissingCategorical.class,
                            missing.categorical);
            return new FeatureSettings(
                    n, lowercase == null ? d.lowercase() : lowercase, standard, numeric, categorical);
        }
    }

    /** The {@code features.missing} section. */
    static final class Missing {
        public String numeric;
        public String categorical;
    }

    private static ColumnType columnType(final Path file, final String column, final String type) {
        return enumValue(file, "columns." + column, ColumnType.class, type);
    }

    /**
     * Parses an enum value case-insensitively, with a message listing the valid values.
     *
     * @param file  the file, for the message; may be {@code null}
     * @param field the field, for the message
     * @param type  the enum
     * @param value the text
     * @param <E>   the enum type
     * @return the constant
     */
    public static <E extends Enum<E>> E enumValue(
            final Path file, final String field, final Class<E> type, final String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return constant;
            }
        }
        String message = String.format(
                "'%s' must be one of %s, got \"%s\"",
                field,
                java.util.Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .toList(),
                value);
        throw file == null ? new MlopsException(message) : MlopsException.inFile(file, message);
    }
}
