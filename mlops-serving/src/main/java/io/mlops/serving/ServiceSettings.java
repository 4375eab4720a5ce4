package io.mlops.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.BoundedFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The service's settings as a release folder keeps them in {@code config.json}, next to the model and the
 * server: what {@code mlops serve} would otherwise take as options. Tokens are never stored, only the names
 * of the environment variables that hold them. Every field is optional; options given on the command line
 * win over the file.
 *
 * @param name            the model name the service shows
 * @param version         the version label the service shows
 * @param host            the address to bind
 * @param port            the port
 * @param adminTokenEnv   the environment variable holding the admin token
 * @param predictTokenEnv the environment variable holding the prediction token
 * @param feedbackWindow  feedback events the live accuracy covers
 * @param driftWindow     recent inputs the drift score covers
 * @param maxBodyBytes    the largest request body accepted
 * @param maxBatch        the most instances in one request
 * @param limits          connection, rate, size, time and heap limits ({@link ServiceLimits})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSettings(
        String name,
        String version,
        String host,
        Integer port,
        String adminTokenEnv,
        String predictTokenEnv,
        Integer feedbackWindow,
        Integer driftWindow,
        Integer maxBodyBytes,
        Integer maxBatch,
        ServiceLimits limits) {
    /** The file name inside a release folder. */
    public static final String FILE = "config.json";

    /**
     * Settings without limits (the defaults apply).
     *
     * @param name            the model name the service shows
     * @param version         the version label the service shows
     * @param host            the address to bind
     * @param port            the port
     * @param adminTokenEnv   the environment variable holding the admin token
     * @param predictTokenEnv the environment variable holding the prediction token
     * @param feedbackWindow  feedback events the live accuracy covers
     * @param driftWindow     recent inputs the drift score covers
     * @param maxBodyBytes    the largest request body accepted
     * @param maxBatch        the most instances in one request
     */
    public ServiceSettings(
            final String name,
            final String version,
            final String host,
            final Integer port,
            final String adminTokenEnv,
            final String predictTokenEnv,
            final Integer feedbackWindow,
            final Integer driftWindow,
            final Integer maxBodyBytes,
            final Integer maxBatch) {
        this(
                name,
                version,
                host,
                port,
                adminTokenEnv,
                predictTokenEnv,
                feedbackWindow,
                driftWindow,
                maxBodyBytes,
                maxBatch,
                null);
    }

    private static final ObjectMapper JSON = Json.strictMapper();

    /**
     * Reads settings and checks their values.
     *
     * @param file the file
     * @return the settings
     * @throws MlopsException naming the file and the field if it is unreadable, not JSON, has an unknown field or
     *                        a value out of range
     */
    public static ServiceSettings read(final Path file) {
        ServiceSettings settings;
        try {
            settings = JSON.readValue(BoundedFiles.read(file, BoundedFiles.MAX_SETTINGS_BYTES), ServiceSettings.class);
        } catch (UnrecognizedPropertyException exception) {
            throw MlopsException.inFile(
                    file,
                    "unknown field '" + exception.getPropertyName() + "'; expected " + exception.getKnownPropertyIds());
        } catch (JacksonException exception) {
            throw MlopsException.inFile(file, "not valid settings: " + exception.getOriginalMessage());
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read: " + exception.getMessage());
        }
        if (settings == null) {
            throw MlopsException.inFile(file, "empty; expected a JSON object");
        }
        settings.check(file);
        return settings;
    }

    /**
     * Writes the settings, atomically.
     *
     * @param file the file
     * @throws IOException if writing fails
     */
    public void write(final Path file) throws IOException {
        AtomicFiles.writeString(file, Json.pretty().writeValueAsString(this) + "\n");
    }

    private void check(final Path file) {
        range(file, "port", port, 0, 65_535);
        range(file, "feedbackWindow", feedbackWindow, 1, 10_000_000);
        range(file, "driftWindow", driftWindow, 1, 10_000_000);
        range(file, "maxBodyBytes", maxBodyBytes, 1, Integer.MAX_VALUE - 8);
        range(file, "maxBatch", maxBatch, 1, 1_000_000);
        blank(file, "name", name);
        blank(file, "version", version);
        blank(file, "host", host);
        blank(file, "adminTokenEnv", adminTokenEnv);
        blank(file, "predictTokenEnv", predictTokenEnv);
        if (limits != null) {
            limits.check(file);
        }
    }

    private static void range(final Path file, final String field, final Integer value, final int min, final int max) {
        if (value != null && (value < min || value > max)) {
            throw MlopsException.inFile(file, "field '" + field + "' is " + value + "; expected " + min + " to " + max);
        }
    }

    private static void blank(final Path file, final String field, final String value) {
        if (value != null && value.isBlank()) {
            throw MlopsException.inFile(file, "field '" + field + "' is blank; leave it out for the default");
        }
    }
}
