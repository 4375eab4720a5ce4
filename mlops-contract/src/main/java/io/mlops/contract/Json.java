package io.mlops.contract;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of mlops: every module reads and writes its documents (run metadata, bundle manifests,
 * registry records, service replies, data files in JSON Lines) with these settings, so a document written by one is
 * read the same by all. Files that people write by hand (training specs, service settings) are read
 * {@linkplain #strict(MapperBuilder) strictly}, in JSON or YAML.
 */
public final class Json {
    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();
    private static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);
    private static final JsonMapper STRICT = strict(JsonMapper.builder()).build();

    private Json() {}

    /**
     * Applies the shared settings to a mapper builder of any format.
     *
     * @param builder a builder, e.g. {@code JsonMapper.builder()} or {@code YAMLMapper.builder()}
     * @param <M>     the mapper type
     * @param <B>     the builder type
     * @return the builder: unknown properties are ignored (readers accept documents of later minor versions), empty
     *         beans are written as {@code {}}, numbers are parsed by the fast parser (rounding as the JDK does)
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(final B builder) {
        return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
    }

    /**
     * Applies the settings for files that people write: the shared ones, and an unknown field, a key given twice or
     * a {@code null} for a number is an error rather than silently ignored or overwritten.
     *
     * @param builder a builder, e.g. {@code JsonMapper.builder()} or {@code YAMLMapper.builder()}
     * @param <M>     the mapper type
     * @param <B>     the builder type
     * @return the builder
     */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(final B builder) {
        return configure(builder)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Returns the shared mapper. It is thread-safe; do not reconfigure it.
     *
     * @return the mapper; it ignores unknown properties, so readers accept documents of later minor versions
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns the shared strict mapper for JSON files that people write (see {@link #strict(MapperBuilder)}).
     *
     * @return the mapper; thread-safe, do not reconfigure it
     */
    public static ObjectMapper strictMapper() {
        return STRICT;
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
