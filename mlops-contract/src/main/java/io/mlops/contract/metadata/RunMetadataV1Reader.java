package io.mlops.contract.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;

/**
 * Reads format {@code 1.x}. A field a later minor version adds gets its default here, for documents whose
 * {@code minor} is older, so the records never see a document without it:
 *
 * <ul>
 *   <li>1.1 added the {@code retrain-check} kind with its {@code decision} (nothing to fill: older documents have no
 *       such run) and the {@code inputs} of each data fingerprint; a 1.0 fingerprint was always read from one file,
 *       so its inputs are that file with its SHA-256 and row count.</li>
 * </ul>
 */
final class RunMetadataV1Reader implements RunMetadataReader.FormatReader {
    @Override
    public RunMetadata read(final ObjectNode document, final int minor) throws JsonProcessingException {
        if (minor < 1) {
            fillSingleFileInputs(document);
        }
        return Json.mapper().treeToValue(document, RunMetadata.class);
    }

    private static void fillSingleFileInputs(final ObjectNode document) {
        if (!(document.get("data") instanceof ObjectNode data)) {
            return;
        }
        for (JsonNode fingerprint : data) {
            if (fingerprint instanceof ObjectNode object && !object.has("inputs")) {
                ArrayNode inputs = object.putArray("inputs");
                ObjectNode input = inputs.addObject();
                input.set("file", object.get("file"));
                input.set("sha256", object.get("sha256"));
                input.set("rows", object.get("rows"));
            }
        }
    }
}
