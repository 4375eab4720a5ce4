package io.jenkins.plugins.mlops.triggers.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-change decision over real files and a real state file, across a simulated controller restart. */
class DataPollTest {
    @TempDir
    Path data;

    @TempDir
    Path jobFolder;

    private String source() {
        return data + "/*.csv";
    }

    /** One poll as the trigger runs it: load the state, scan, decide, save. */
    private PollResult poll(StateFile state) throws Exception {
        PollState saved = state.load();
        PollResult result =
                DataPoll.compare(saved, source(), FolderScan.scan(PathPattern.of(source()), saved.entriesOf(source())));
        state.save(result.next());
        return result;
    }

    private StateFile state() {
        return new StateFile(jobFolder.resolve("mlops-triggers/mlDataChanged.properties"));
    }

    @Test
    void shouldOnlyRememberTheDataOnTheFirstPoll() throws Exception {
        Files.writeString(data.resolve("a.csv"), "1");

        PollResult first = poll(state());

        assertThat(first.outcome()).isEqualTo(PollOutcome.BASELINE);
        assertThat(first.fires()).isFalse();
        assertThat(first.message()).isEqualTo("first poll of " + source() + ": 1 entries remembered");
    }

    @Test
    void shouldFireWhenAFileIsAddedChangedOrRemoved() throws Exception {
        Files.writeString(data.resolve("a.csv"), "1");
        Files.writeString(data.resolve("b.csv"), "2");
        poll(state());

        Files.writeString(data.resolve("c.csv"), "3");
        Files.writeString(data.resolve("a.csv"), "1 and more");
        Files.delete(data.resolve("b.csv"));
        PollResult result = poll(state());

        assertThat(result.fires()).isTrue();
        assertThat(result.message()).isEqualTo("1 new (c.csv), 1 changed (a.csv), 1 removed (b.csv) in " + source());
    }

    @Test
    void shouldNotFireForAFileThatWasOnlyTouched() throws Exception {
        Path a = data.resolve("a.csv");
        Files.writeString(a, "1");
        poll(state());

        Files.setLastModifiedTime(
                a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 60_000));
        PollResult result = poll(state());

        assertThat(result.outcome()).isEqualTo(PollOutcome.NO_CHANGE);
    }

    @Test
    void shouldCompareWithTheSavedStateAfterARestartWithoutASpuriousBuild() throws Exception {
        Files.writeString(data.resolve("a.csv"), "1");
        poll(state());

        // a restart: nothing survives but the job folder; a new trigger instance reads the same file
        StateFile afterRestart = state();
        PollResult unchanged = poll(afterRestart);
        assertThat(unchanged.outcome()).isEqualTo(PollOutcome.NO_CHANGE);

        Files.writeString(data.resolve("b.csv"), "new while Jenkins was down", StandardCharsets.UTF_8);
        PollResult changed = poll(state());
        assertThat(changed.outcome()).isEqualTo(PollOutcome.CHANGED);
        assertThat(changed.message()).startsWith("1 new (b.csv)");
    }

    @Test
    void shouldStartANewBaselineWhenTheWatchedPathChanges() throws Exception {
        Files.writeString(data.resolve("a.csv"), "1");
        StateFile state = state();
        state.save(new PollState("/elsewhere/*.csv", Map.of("x.csv", "1 1 abc")));

        assertThat(poll(state).outcome()).isEqualTo(PollOutcome.BASELINE);
    }
}
