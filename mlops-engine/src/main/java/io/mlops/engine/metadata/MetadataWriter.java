package io.mlops.engine.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mlops.contract.Json;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataSchema;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns run metadata into JSON that is valid against the published JSON Schema ({@link RunMetadataSchema}), and
 * writes it atomically. A document that does not match the schema is a bug and is never written.
 */
public final class MetadataWriter {
    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = RunMetadataSchema.open()) {
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
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Converts metadata to validated JSON.
     *
     * @param metadata the metadata
     * @return the JSON text
     * @throws IllegalStateException if the document does not match the schema
     */
    public String toJson(final RunMetadata metadata) {
        JsonNode tree = Json.mapper().valueToTree(metadata);
        Set<String> violations = violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("run metadata does not match its schema: " + violations);
        }
        try {
            return Json.pretty().writeValueAsString(tree) + System.lineSeparator();
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
