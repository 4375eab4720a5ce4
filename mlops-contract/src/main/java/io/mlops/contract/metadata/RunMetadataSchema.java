package io.mlops.contract.metadata;

import java.io.InputStream;

/**
 * The JSON Schema of run metadata: the one published copy of the format, on the class path of every module. The
 * engine validates each document against it before writing; {@code docs/metadata.md} describes it.
 */
public final class RunMetadataSchema {
    /** The format version of the documents this code writes. */
    public static final String VERSION = "1.1";
    /** The major version: a reader of major version 1 reads every 1.x document. */
    public static final int MAJOR_VERSION = 1;
    /** The class-path location of the schema. */
    public static final String RESOURCE = "/io/mlops/contract/metadata/run-metadata-1.schema.json";

    private RunMetadataSchema() {}

    /**
     * Opens the schema.
     *
     * @return the schema's bytes; the caller closes the stream
     * @throws IllegalStateException if the schema is missing from the class path (a broken build)
     */
    public static InputStream open() {
        InputStream in = RunMetadataSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("schema missing from the class path: " + RESOURCE);
        }
        return in;
    }
}
