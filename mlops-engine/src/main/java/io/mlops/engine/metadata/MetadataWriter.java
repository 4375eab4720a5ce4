package io.mlops.engine.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns run metadata into JSON that is valid against the published JSON Schema, and writes it
 * atomically. A document that does not match the schema is a bug and is never written.
 */
public final class MetadataWriter {
    /** The schema version of the documents this code writes. */
    public static final String SCHEMA_VERSION = "1.0";
    /** The class-path location of the schema. */
    public static final String SCHEMA_RESOURCE = "/io/mlops/engine/metadata/run-metadata-1.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = MetadataWriter.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the class path: " + SCHEMA_RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /**
     * Validates a JSON document against the run-metadata schema.
     *
     * @param document the document
     * @return the violations, empty if valid
     */
    public static Set<String> violations(final JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Converts metadata to validated JSON.
     *
     * @param metadata the metadata
     * @return the JSON text
     * @throws IllegalStateException if the document does not match the schema
     */
    public String toJson(final RunMetadata metadata) {
        JsonNode tree = JSON.valueToTree(metadata);
        Set<String> violations = violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("run metadata does not match its schema: " + violations);
        }
        try {
            return JSON.writeValueAsString(tree) + System.lineSeparator();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a JSON tree is always writable", exception);
        }
    }

    /**
     * Writes validated metadata atomically.
     *
     * @param metadata the metadata
     * @param file     the target file
     * @return the JSON text written
     */
    public String write(final RunMetadata metadata, final Path file) {
        String json = toJson(metadata);
        AtomicFiles.writeString(file, json);
        return json;
    }
}
