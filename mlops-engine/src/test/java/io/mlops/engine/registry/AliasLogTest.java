package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
                "{\"sequence\":1,\"logOffset\":0,\"aliases\":{\"champion\":null}}|expected a version number of 1 or more for alias \"champion\", found null",
                "{\"sequence\":1,\"logOffset\":0,\"aliases\":{\"champion\":0}}|expected a version number of 1 or more for alias \"champion\", found 0",
                "{\"sequence\":1,\"logOffset\":0,\"aliases\":{\"champion\":\"x\"}}|damaged alias snapshot at line 1, column 51: Cannot deserialize value of type `java.lang.Integer` from String \"x\": not a valid `java.lang.Integer` value",
                "{\"sequence\":|damaged alias snapshot at line 1, column 13: Unexpected end-of-input"
            })
    void shouldNameTheSnapshotFileAndItsDamage(final String snapshot, final String damage) throws IOException {
        Files.writeString(model.resolve(AliasLog.SNAPSHOT), snapshot);

        assertThatThrownBy(() -> new AliasLog(model).read())
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining(AliasLog.SNAPSHOT)
                .hasMessageContaining(damage.startsWith("damaged") ? damage : "damaged alias snapshot: " + damage);
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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "null",
                "{\"seq\":1,\"to\":2}",
                "{\"seq\":1,\"alias\":\"champion\"}",
                "{\"seq\":0,\"alias\":\"champion\",\"to\":2}",
                "{\"seq\":1,\"alias\":\"champion\",\"to\":-2}"
            })
    void shouldSkipALogLineThatAppendCannotHaveWritten(final String line) throws IOException {
        Files.writeString(model.resolve(AliasLog.LOG), line + "\n");
        AliasLog log = new AliasLog(model);

        log.append("champion", 3, "test", "2026-12-02T00:00:00Z", "after the damage");

        assertThat(log.read().aliases()).containsExactly(java.util.Map.entry("champion", 3));
        assertThat(log.entries()).extracting(AliasMove::reason).containsExactly("after the damage");
    }

    @Test
    void shouldReplayTheLogWhenTheSnapshotOffsetIsNotTheEndOfALine() throws IOException {
        // found by fuzzing: a torn first line, and a snapshot that claims it as a whole entry
        Files.write(model.resolve(AliasLog.LOG), new byte[] {(byte) 0xc4});
        Files.writeString(model.resolve(AliasLog.SNAPSHOT), "{\"sequence\":9,\"logOffset\":1}");
        AliasLog log = new AliasLog(model);

        log.append("champion", 3, "test", "2026-12-02T00:00:00Z", "after the torn line");

        assertThat(log.entries()).extracting(AliasMove::reason).containsExactly("after the torn line");
        assertThat(log.read().aliases()).containsExactly(java.util.Map.entry("champion", 3));
        assertThat(Files.readString(model.resolve(AliasLog.LOG)))
                .startsWith("{")
                .endsWith("}\n");
    }
}
