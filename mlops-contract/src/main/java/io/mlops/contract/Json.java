package io.mlops.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of mlops: every module reads and writes its documents (run metadata, bundle manifests,
 * registry records, service replies) with these settings, so a document written by one is read the same by all.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /**
     * Returns the shared mapper. It is thread-safe; do not reconfigure it.
     *
     * @return the mapper; it ignores unknown properties, so readers accept documents of later minor versions
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns a writer for indented documents, as files and {@code --json} output are written.
     *
     * @return the writer
     */
    public static ObjectWriter pretty() {
        return PRETTY;
    }
}
