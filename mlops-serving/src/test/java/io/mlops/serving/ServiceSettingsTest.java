package io.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A release's {@code config.json} reads back as written, leaves out what is not set, and any fault in it (unknown
 * field, value out of range, blank text, not JSON, empty) is an {@link MlopsException} naming the file and the
 * field.
 */
class ServiceSettingsTest {
    @TempDir
    Path dir;

    private Path file(final String json) throws Exception {
        return Files.writeString(dir.resolve(ServiceSettings.FILE), json);
    }

    @Test
    void shouldReadBackWhatWasWritten() throws Exception {
        ServiceSettings settings =
                new ServiceSettings("receipts", "7", "0.0.0.0", 8081, "ADMIN_VAR", "PREDICT_VAR", 500, 2_000, 4096, 64);
        Path file = dir.resolve(ServiceSettings.FILE);

        settings.write(file);

        assertThat(ServiceSettings.read(file)).isEqualTo(settings);
        assertThat(Files.readString(file)).contains("\"name\" : \"receipts\"", "\"port\" : 8081", "\"maxBatch\" : 64");
    }

    @Test
    void shouldLeaveOutWhatIsNotSet() throws Exception {
        ServiceSettings settings = new ServiceSettings("receipts", null, null, 0, null, null, null, null, null, null);
        Path file = dir.resolve(ServiceSettings.FILE);

        settings.write(file);

        assertThat(Files.readString(file)).doesNotContain("null", "version", "host", "adminTokenEnv");
        assertThat(ServiceSettings.read(file)).isEqualTo(settings);
        assertThat(ServiceSettings.read(file("{}")))
                .isEqualTo(new ServiceSettings(null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void shouldNameTheFileAndAnUnknownField() throws Exception {
        Path file = file("{\"name\": \"receipts\", \"colour\": \"red\"}");

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(file + ": unknown field 'colour'; expected ")
                .hasMessageContainingAll(
                        "name",
                        "version",
                        "host",
                        "port",
                        "adminTokenEnv",
                        "predictTokenEnv",
                        "feedbackWindow",
                        "driftWindow",
                        "maxBodyBytes",
                        "maxBatch");
    }

    @ParameterizedTest
    @CsvSource({
        "port, -1, 0 to 65535",
        "port, 65536, 0 to 65535",
        "feedbackWindow, 0, 1 to 10000000",
        "driftWindow, 10000001, 1 to 10000000",
        "maxBodyBytes, 0, 1 to 2147483639",
        "maxBatch, 1000001, 1 to 1000000"
    })
    void shouldNameAFieldOutOfRangeAndTheRange(final String field, final int value, final String range)
            throws Exception {
        Path file = file("{\"name\": \"receipts\", \"" + field + "\": " + value + "}");

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": field '" + field + "' is " + value + "; expected " + range);
    }

    @Test
    void shouldAcceptTheEndsOfTheRanges() throws Exception {
        ServiceSettings low = ServiceSettings.read(file(
                "{\"port\": 0, \"feedbackWindow\": 1, \"driftWindow\": 1, " + "\"maxBodyBytes\": 1, \"maxBatch\": 1}"));
        assertThat(low.port()).isZero();
        ServiceSettings high = ServiceSettings.read(file("{\"port\": 65535, \"feedbackWindow\": 10000000, "
                + "\"driftWindow\": 10000000, \"maxBodyBytes\": 2147483639, \"maxBatch\": 1000000}"));
        assertThat(high.maxBodyBytes()).isEqualTo(Integer.MAX_VALUE - 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "version", "host", "adminTokenEnv", "predictTokenEnv"})
    void shouldRejectBlankText(final String field) throws Exception {
        Path file = file("{\"" + field + "\": \" \\t \"}");

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": field '" + field + "' is blank; leave it out for the default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": ", "{\"port\": \"eighty\"}", "[1, 2]", "{\"port\": 80,}", "name=receipts"})
    void shouldNameTheFileWhenItIsNotValidSettings(final String json) throws Exception {
        Path file = file(json);

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(file + ": not valid settings: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void shouldNameTheFileWhenItIsEmpty(final String json) throws Exception {
        Path file = file(json);

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void shouldNameTheFileWhenItHoldsOnlyNull() throws Exception {
        Path file = file("null");

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": empty; expected a JSON object");
    }

    @Test
    void shouldNameAFileThatCannotBeRead() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> ServiceSettings.read(file))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": file not found");
    }
}
