package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasLogTest {
    @TempDir
    Path model;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "null|expected a JSON object, found null",
                "{\"sequence\":-1,\"logOffset\":0,\"aliases\":{}}|expected sequence and logOffset of 0 or more, found -1 and 0",
                "{\"sequence\":1,\"logOffset\":-7,\"aliases\":{}}|expected sequence and logOffset of 0 or more, found 1 and -7",
                "{\"sequence\":1,\"logOffset\":0,\"aliases\":{\"champion\":null}}|expected a version number for every alias, found null"
            })
    void shouldNameTheSnapshotFileAndItsDamage(final String snapshot, final String damage) throws IOException {
        Files.writeString(model.resolve(AliasLog.SNAPSHOT), snapshot);

        assertThatThrownBy(() -> new AliasLog(model).read())
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining(AliasLog.SNAPSHOT)
                .hasMessageContaining("damaged alias snapshot: " + damage);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"sequence\":0,\"logOffset\":0,\"aliases\":{}}", "{\"sequence\":0,\"logOffset\":0}"})
    void shouldAppendAfterAWholeSnapshot(final String snapshot) throws IOException {
        Files.writeString(model.resolve(AliasLog.SNAPSHOT), snapshot);
        AliasLog log = new AliasLog(model);

        log.append("champion", 3, "test", "2026-12-02T00:00:00Z", "first");

        assertThat(log.read().aliases()).containsExactly(java.util.Map.entry("champion", 3));
        assertThat(log.entries()).extracting(AliasMove::reason).containsExactly("first");
    }
}
