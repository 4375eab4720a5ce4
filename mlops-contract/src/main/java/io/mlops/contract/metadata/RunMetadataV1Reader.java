package io.mlops.contract.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.Json;

/**
 * Reads format {@code 1.x}. Format 1.0 is the first published version: no field has been added since, so no default
 * is filled in yet. A field a later minor version adds gets its default here, for documents whose {@code minor} is
 * older, so the records never see a document without it.
 */
final class RunMetadataV1Reader implements RunMetadataReader.FormatReader {
    @Override
    public RunMetadata read(final ObjectNode document, final int minor) throws JsonProcessingException {
        return Json.mapper().treeToValue(document, RunMetadata.class);
    }
}
