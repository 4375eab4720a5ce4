package io.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.data.InputFile;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.TestData;
import io.mlops.engine.data.DataWindow;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.Lineage;
import io.mlops.engine.registry.Registration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiFileTrainingTest {
    @TempDir
    Path dir;

    private Path base;
    private Path incoming;

    private TrainingSpec.Builder spec(final String... entries) {
        return TrainingSpec.builder()
                .data(List.of(entries))
                .label("category")
                .column("description", io.mlops.contract.data.ColumnType.TEXT)
                .param("epochs", 2)
                .seed(1L)
                .output(dir.resolve("model"));
    }

    private RunMetadata train(final TrainingSpec spec) {
        return new TrainingPipeline(ProgressListener.NONE, dir)
                .train(spec, List.of())
                .metadata();
    }

    private void writeData() {
        base = TestData.writeMixedCsv(dir.resolve("data/base.csv"), 200, 1);
        incoming = dir.resolve("data/incoming");
        // written in reverse name order: the reading order must not depend on it
        TestData.writeMixedCsv(incoming.resolve("2026-11-02.csv"), 60, 3);
        TestData.writeMixedCsv(incoming.resolve("2026-11-01.csv"), 40, 2);
        TestData.write(incoming.resolve(".2026-11-03.csv.tmp"), "half written");
        TestData.write(incoming.resolve("README.md"), "not data");
    }

    @Test
    void shouldReadFilesAndGlobsInADeterministicOrderAndRecordEachInput() {
        writeData();

        RunMetadata metadata = train(spec(base.toString(), incoming + "/*.csv").build());

        DataFingerprint train = metadata.data().get(RunMetadata.TRAIN_DATA);
        assertThat(train.inputs())
                .containsExactly(
                        new InputFile(base.toString(), Hashing.sha256(base), 200),
                        new InputFile(
                                incoming.resolve("2026-11-01.csv").toString(),
                                Hashing.sha256(incoming.resolve("2026-11-01.csv")),
                                40),
                        new InputFile(
                                incoming.resolve("2026-11-02.csv").toString(),
                                Hashing.sha256(incoming.resolve("2026-11-02.csv")),
                                60));
        assertThat(train.rows()).isEqualTo(300);
        assertThat(train.file()).isEqualTo(base + ", " + incoming + "/*.csv");
        assertThat(metadata.split().trainRows() + metadata.split().testRows()).isEqualTo(300);
    }

    @Test
    void shouldReadAFolderLikeItsSortedFiles() {
        writeData();

        RunMetadata folder = train(spec(incoming.toString()).build());

        assertThat(folder.data().get(RunMetadata.TRAIN_DATA).inputs())
                .extracting(InputFile::file)
                .containsExactly(
                        incoming.resolve("2026-11-01.csv").toString(),
                        incoming.resolve("2026-11-02.csv").toString());
    }

    @Test
    void shouldKeepTheFingerprintOfASingleFile() {
        writeData();

        DataFingerprint train = train(spec(base.toString()).build()).data().get(RunMetadata.TRAIN_DATA);

        assertThat(train.sha256()).isEqualTo(Hashing.sha256(base));
        assertThat(train.file()).isEqualTo(base.toString());
        assertThat(train.inputs()).containsExactly(new InputFile(base.toString(), Hashing.sha256(base), 200));
    }

    @Test
    void shouldNameTheFileAndTheColumnThatDoNotFit() {
        writeData();
        TestData.write(
                incoming.resolve("2026-11-04.csv"), "description,amt,country,category\n\"taxi\",3,DE,transport\n");

        assertThatThrownBy(
                        () -> train(spec(base.toString(), incoming + "/*.csv").build()))
                .isInstanceOf(MlopsException.class)
                .hasMessage(incoming.resolve("2026-11-04.csv") + ": has no column 'amount' that " + base
                        + " has; every data file needs the columns [description, amount, country, category]");
        assertThat(dir.resolve("model")).doesNotExist();
    }

    @Test
    void shouldReportABadValueWithItsOwnFileAndLine() {
        writeData();
        TestData.write(
                incoming.resolve("2026-11-04.csv"),
                "category,description,amount,country\nmeals,\"lunch\",12,DE\nmeals,\"dinner\",twelve,DE\n");

        assertThatThrownBy(
                        () -> train(spec(base.toString(), incoming + "/*.csv").build()))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(incoming.resolve("2026-11-04.csv") + " line 3: ")
                .hasMessageContaining("'amount'");
    }

    @Test
    void shouldTakeColumnsInAnyOrderDropDuplicatesAndKeepAWindow() throws IOException {
        writeData();
        Files.copy(base, incoming.resolve("2026-11-00-copy.csv"));

        RunMetadata all = train(spec(base.toString(), incoming.toString()).build());
        RunMetadata deduped =
                train(spec(base.toString(), incoming.toString()).dedupe(true).build());
        RunMetadata lastRows = train(spec(base.toString(), incoming.toString())
                .window(new DataWindow(DataWindow.Unit.ROWS, 150))
                .build());
        RunMetadata lastFile = train(spec(base.toString(), incoming.toString())
                .window(new DataWindow(DataWindow.Unit.FILES, 1))
                .build());

        assertThat(all.data().get(RunMetadata.TRAIN_DATA).rows()).isEqualTo(500);
        assertThat(deduped.data().get(RunMetadata.TRAIN_DATA).rows()).isEqualTo(300);
        assertThat(lastRows.data().get(RunMetadata.TRAIN_DATA).rows()).isEqualTo(150);
        assertThat(lastFile.data().get(RunMetadata.TRAIN_DATA).inputs())
                .extracting(InputFile::file)
                .containsExactly(incoming.resolve("2026-11-02.csv").toString());
        assertThat(deduped.data().get(RunMetadata.TRAIN_DATA).sha256())
                .isNotEqualTo(all.data().get(RunMetadata.TRAIN_DATA).sha256());
    }

    @Test
    void shouldKeepTheFilesOfTheLastDays() throws IOException {
        writeData();
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Files.setLastModifiedTime(base, FileTime.from(now.minus(Duration.ofDays(40))));
        Files.setLastModifiedTime(incoming.resolve("2026-11-01.csv"), FileTime.from(now.minus(Duration.ofDays(20))));
        Files.setLastModifiedTime(incoming.resolve("2026-11-02.csv"), FileTime.from(now.minus(Duration.ofDays(5))));

        RunMetadata recent = new TrainingPipeline(ProgressListener.NONE, dir, Clock.fixed(now, ZoneOffset.UTC))
                .train(
                        spec(base.toString(), incoming.toString())
                                .window(new DataWindow(DataWindow.Unit.DAYS, 30))
                                .build(),
                        List.of())
                .metadata();

        assertThat(recent.data().get(RunMetadata.TRAIN_DATA).inputs())
                .extracting(InputFile::rows)
                .containsExactly(40L, 60L);
    }

    @Test
    void shouldShowInTheLineageWhichDataWasAddedSinceThePreviousVersion() {
        writeData();
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));
        Path incomingGlob = incoming.resolve("*.csv");
        TrainingSpec first = spec(base.toString()).output(dir.resolve("v1")).build();
        TrainingSpec second = spec(base.toString(), incomingGlob.toString())
                .output(dir.resolve("v2"))
                .build();
        train(first);
        train(second);
        registry.register(Registration.of(dir.resolve("v1"), "receipts", "ci"));
        registry.register(Registration.of(dir.resolve("v2"), "receipts", "ci"));

        Lineage lineage = registry.lineage(ModelRef.parse("receipts@2"));

        assertThat(lineage.previous()).isEqualTo("receipts@1");
        assertThat(lineage.dataAdded().added())
                .extracting(InputFile::file)
                .containsExactly(
                        incoming.resolve("2026-11-01.csv").toString(),
                        incoming.resolve("2026-11-02.csv").toString());
        assertThat(lineage.dataAdded().newRows()).isEqualTo(100);
        assertThat(lineage.dataAdded().unchangedFiles()).isEqualTo(1);
        assertThat(registry.lineage(ModelRef.parse("receipts@1")).previous()).isNull();
    }
}
