package io.mlops.contract.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.data.InputFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChangeTest {
    private static final String OLD = "a".repeat(64);
    private static final String GROWN = "b".repeat(64);
    private static final Path WORKSPACE =
            Path.of("/var/jenkins/workspace/retrain").toAbsolutePath();

    @Test
    void shouldMatchARelativeTrainingPathWithTheAbsolutePathOfTheCheck() {
        List<InputFile> trained = List.of(new InputFile("data/base.csv", OLD, 100));
        List<InputFile> now =
                List.of(new InputFile(WORKSPACE.resolve("data/base.csv").toString(), GROWN, 130));

        DataChange change = DataChange.between(trained, now);

        assertThat(change.changed())
                .extracting(InputFile::file)
                .containsExactly(now.get(0).file());
        assertThat(change.added()).isEmpty();
        assertThat(change.removed()).isEmpty();
        assertThat(change.newRows()).isEqualTo(30);
        assertThat(change.appendOnly()).isTrue();
    }

    @Test
    void shouldMatchAnAbsoluteTrainingPathWithTheRelativePathOfTheCheck() {
        List<InputFile> trained =
                List.of(new InputFile(WORKSPACE.resolve("data/./base.csv").toString(), OLD, 100));
        List<InputFile> now = List.of(new InputFile("data/base.csv", OLD, 100));

        DataChange change = DataChange.between(trained, now);

        assertThat(change.differs()).isFalse();
        assertThat(change.unchangedFiles()).isEqualTo(1);
    }

    @Test
    void shouldNotGuessBetweenTwoRecordedFilesThatEndTheSameWay() {
        List<InputFile> trained =
                List.of(new InputFile("a/data/base.csv", OLD, 100), new InputFile("b/data/base.csv", OLD, 100));
        List<InputFile> now = List.of(
                new InputFile(WORKSPACE.resolve("a/data/base.csv").toString(), GROWN, 130),
                new InputFile(WORKSPACE.resolve("b/data/base.csv").toString(), OLD, 100));

        DataChange change = DataChange.between(trained, now);

        assertThat(change.changed())
                .extracting(InputFile::file)
                .containsExactly(now.get(0).file());
        assertThat(change.unchangedFiles()).isEqualTo(1);
        assertThat(change.newRows()).isEqualTo(30);
    }

    @Test
    void shouldCountAFileInAnotherFolderAsAdded() {
        List<InputFile> trained = List.of(new InputFile("data/base.csv", OLD, 100));
        List<InputFile> now =
                List.of(new InputFile(WORKSPACE.resolve("other/base.csv").toString(), GROWN, 130));

        DataChange change = DataChange.between(trained, now);

        assertThat(change.added()).hasSize(1);
        assertThat(change.removed()).hasSize(1);
        assertThat(change.newRows()).isEqualTo(130);
    }
}
