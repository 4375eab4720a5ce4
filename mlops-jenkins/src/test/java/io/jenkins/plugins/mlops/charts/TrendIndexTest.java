package io.jenkins.plugins.mlops.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.report.TrendPoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendIndexTest {
    @TempDir
    Path job;

    private static TrendPoint point(int build, double accuracy) {
        return new TrendPoint("#" + build, build, Map.of("accuracy", accuracy), Map.of("accuracy", 0.5));
    }

    @Test
    void shouldReadBackAppendedPointsOldestFirst() throws Exception {
        TrendIndex index = new TrendIndex(job);
        index.append(point(2, 0.8));
        index.append(point(1, 0.7));

        List<TrendPoint> points = index.read(50);

        assertThat(points).extracting(TrendPoint::buildNumber).containsExactly(1, 2);
        assertThat(points.get(1).metrics()).containsEntry("accuracy", 0.8);
        assertThat(points.get(1).thresholds()).containsEntry("accuracy", 0.5);
        assertThat(job.resolve(TrendIndex.FILE_NAME)).content().hasLineCount(2);
    }

    @Test
    void shouldKeepOnlyTheNewestBuildsAndTheLastLineOfABuild() throws Exception {
        TrendIndex index = new TrendIndex(job);
        for (int build = 1; build <= 5; build++) {
            index.append(point(build, build / 10.0));
        }
        index.append(point(5, 0.99));

        assertThat(index.read(2)).extracting(TrendPoint::buildNumber).containsExactly(4, 5);
        assertThat(index.read(2).get(1).metrics()).containsEntry("accuracy", 0.99);
    }

    @Test
    void shouldBeEmptyBeforeTheFirstBuild() throws Exception {
        assertThat(new TrendIndex(job).read(50)).isEmpty();
    }

    @Test
    void shouldIgnoreATornLastLine() throws Exception {
        TrendIndex index = new TrendIndex(job);
        index.append(point(1, 0.7));
        Files.writeString(index.file(), "{\"build\":2,\"lab", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(index.read(50)).extracting(TrendPoint::buildNumber).containsExactly(1);
    }

    @Test
    void shouldNameTheFileAndLineOfABrokenLine() throws Exception {
        TrendIndex index = new TrendIndex(job);
        index.append(point(1, 0.7));
        Files.writeString(index.file(), "not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> index.read(50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(index.file() + " line 2");
    }

    @Test
    void shouldKeepEveryLineWholeWhenManyThreadsAppend() throws Exception {
        TrendIndex index = new TrendIndex(job);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int build = 1; build <= 200; build++) {
                int number = build;
                writes.add(pool.submit(() -> {
                    index.append(point(number, 0.5));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(index.read(1000)).hasSize(200);
    }

    @Test
    void shouldReadLinesOfOlderVersionsWithoutTheNewFields() throws Exception {
        TrendIndex index = new TrendIndex(job);
        Files.writeString(
                index.file(),
                "{\"build\":4,\"label\":\"#4\",\"metrics\":{\"accuracy\":0.8},\"thresholds\":{}}\n",
                StandardCharsets.UTF_8);

        TrendIndex.Line line = index.lines(50).get(0);

        assertThat(line.metrics()).containsEntry("accuracy", 0.8);
        assertThat(line.liveAccuracy()).isNull();
        assertThat(line.modelVersion()).isNull();
        assertThat(line.aliases()).isEmpty();
        assertThat(line.deployments()).isEmpty();
        assertThat(line.hyperparameters()).isEmpty();
    }

    @Test
    void shouldWriteAndReadBackEveryField() throws Exception {
        TrendIndex index = new TrendIndex(job);
        Map<String, Object> hyperparameters = new java.util.LinkedHashMap<>();
        hyperparameters.put("epochs", 5);
        hyperparameters.put("learningRate", 0.1);
        hyperparameters.put("loss", null);
        TrendIndex.Line written = new TrendIndex.Line(
                9,
                "#9",
                Map.of("accuracy", 0.9),
                Map.of("accuracy", 0.8),
                0.85,
                "logistic",
                "receipts",
                3,
                List.of("champion"),
                1200L,
                "0123456789ab",
                "PASSED",
                List.of("DEPLOYED", "ROLLED_BACK"),
                "accuracy-decay, age",
                hyperparameters);

        index.append(written);

        assertThat(index.lines(50)).containsExactly(written);
        assertThat(index.read(50).get(0).metrics()).containsEntry("liveAccuracy", 0.85);
    }

    @Test
    void shouldLeaveAbsentFieldsOutOfTheLine() throws Exception {
        TrendIndex index = new TrendIndex(job);
        index.append(point(1, 0.7));

        assertThat(Files.readString(index.file()))
                .isEqualTo("{\"build\":1,\"label\":\"#1\",\"metrics\":{\"accuracy\":0.7},"
                        + "\"thresholds\":{\"accuracy\":0.5}}\n");
    }
}
