package io.mlops.engine.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlops.contract.Json;

/**
 * The JSON settings of the registry's files: the shared configuration (readers ignore fields they do not know), with
 * whole numbers read as {@code long} so that versions written and read back compare equal.
 */
final class RegistryJson {
    /** One line, for the audit log and indexes. */
    static final ObjectMapper LINE = Json.mapper().copy().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    /** Indented, for files people read. */
    static final ObjectMapper PRETTY = LINE.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private RegistryJson() {}
}
