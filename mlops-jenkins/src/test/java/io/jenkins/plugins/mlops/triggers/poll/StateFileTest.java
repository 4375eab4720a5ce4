package io.jenkins.plugins.mlops.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path folder;

    @Test
    void shouldReadNothingBeforeTheFirstSave() throws Exception {
        assertThat(new StateFile(folder.resolve("none.properties")).load()).isEqualTo(PollState.NONE);
    }

    @Test
    void shouldReadBackWhatItSavedWithoutLeavingTemporaryFiles() throws Exception {
        StateFile file = new StateFile(folder.resolve("mlops-triggers/mlDataChanged.properties"));
        PollState state = new PollState(
                "ml-agent:/mnt/data/*.csv",
                Map.of("a b=c:d.csv", "4 1000 abc", "https://example.com/x", "etag=\"1\" size=3"));

        file.save(state);
        file.save(state);

        assertThat(new StateFile(file.file()).load()).isEqualTo(state);
        try (var files = Files.list(file.file().getParent())) {
            assertThat(files).containsExactly(file.file());
        }
    }

    @Test
    void shouldNameTheFileItCannotWrite() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        StateFile file = new StateFile(blocker.resolve("state.properties"));

        assertThatThrownBy(() -> file.save(PollState.NONE))
                .isInstanceOf(PollException.class)
                .hasMessageStartingWith("cannot write " + blocker.resolve("state.properties"));
    }

    @Test
    void shouldKeepOnlyTheLastPollsInTheLog() throws Exception {
        PollLog log = new PollLog(folder.resolve("mlDataChanged.log"));
        for (int i = 0; i < PollLog.KEPT + 5; i++) {
            log.append(
                    new PollLog.Entry(Instant.ofEpochSecond(i), PollOutcome.NO_CHANGE, "poll " + i + "\nsecond line"));
        }

        assertThat(log.read()).hasSize(PollLog.KEPT);
        assertThat(log.read().get(0).message()).isEqualTo("poll 5 second line");
        assertThat(log.read().get(PollLog.KEPT - 1).time()).isEqualTo(Instant.ofEpochSecond(PollLog.KEPT + 4));
    }
}
