package io.mlops.contract.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import java.util.Map;

/**
 * Reads run metadata documents of every format version this code knows, like Tribuo's provenance readers: one reader
 * per major version ({@link RunMetadataV1Reader} for {@code 1.x}), each filling in defaults for fields its older
 * minor versions lack, so documents written by older releases still load. Fields it does not know (written by a newer
 * minor version) are ignored.
 */
public final class RunMetadataReader {
    private static final Map<Integer, FormatReader> READERS = Map.of(1, new RunMetadataV1Reader());

    /** Reads the documents of one major format version. */
    interface FormatReader {
        /**
         * Reads a document.
         *
         * @param document the document, whose version has this reader's major version
         * @param minor    the minor version of the document
         * @return the metadata
         * @throws JsonProcessingException if a field has the wrong type or a required one is missing
         */
        RunMetadata read(ObjectNode document, int minor) throws JsonProcessingException;
    }

    /**
     * Reads a document.
     *
     * @param source where the document came from, for messages (e.g. its file name)
     * @param json   the document
     * @return the metadata
     * @throws MlopsException naming the source if the text is no run metadata of a known version
     */
    public RunMetadata read(final String source, final String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException exception) {
            throw new MlopsException(source + ": not a JSON document: " + exception.getOriginalMessage(), exception);
        }
        return read(source, tree);
    }

    /**
     * Reads a parsed document.
     *
     * @param source   where the document came from, for messages
     * @param document the document
     * @return the metadata
     * @throws MlopsException naming the source if it is no run metadata of a known version
     */
    public RunMetadata read(final String source, final JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw new MlopsException(source + ": run metadata must be a JSON object");
        }
        JsonNode version = object.get("schemaVersion");
        if (version == null || !version.isTextual() || !version.asText().matches("[0-9]+\\.[0-9]+")) {
            throw new MlopsException(source + ": 'schemaVersion' must be a string such as \""
                    + RunMetadataSchema.VERSION + "\", got " + version);
        }
        String[] parts = version.asText().split("\\.");
        FormatReader reader = READERS.get(Integer.valueOf(parts[0]));
        if (reader == null) {
            throw new MlopsException(source + ": run metadata format " + version.asText()
                    + " is not supported; this mlops reads " + RunMetadataSchema.MAJOR_VERSION + ".x");
        }
        try {
            return reader.read(object.deepCopy(), Integer.parseInt(parts[1]));
        } catch (JsonProcessingException exception) {
            throw new MlopsException(
                    source + ": not valid run metadata " + version.asText() + ": " + rootMessage(exception), exception);
        }
    }

    /** The builder's own message (e.g. {@code runId == null}) says more than Jackson's wrapper around it. */
    private static String rootMessage(final JsonProcessingException exception) {
        Throwable cause = exception.getCause();
        return cause == null || cause.getMessage() == null ? exception.getOriginalMessage() : cause.getMessage();
    }
}
