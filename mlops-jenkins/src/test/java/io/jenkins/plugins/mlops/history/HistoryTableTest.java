package io.jenkins.plugins.mlops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.charts.TrendIndex;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTableTest {
    @TempDir
    Path job;

    private static TrendIndex.Line line(int build, Map<String, Double> metrics) {
        return new TrendIndex.Line(
                build,
                "#" + build,
                metrics,
                Map.of(),
                null,
                "LOGISTIC_REGRESSION",
                "receipts",
                build,
                build == 2 ? List.of("champion", "staging") : List.of(),
                400L + build,
                "abcdef012345",
                "PASSED",
                List.of("OK"),
                TrendIndex.Line.NOT_DUE,
                Map.of("epochs", 5));
    }

    @Test
    void shouldListEveryIndexedBuildNewestFirstWithItsCellsFromTheIndexFile() throws Exception {
        TrendIndex index = new TrendIndex(job);
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("macroF1", 0.8);
        first.put("accuracy", 0.85);
        index.append(line(1, first));
        index.append(line(2, Map.of("accuracy", 0.9, "logLoss", 0.31)));
        index.append(TrendIndex.Line.of(new io.mlops.report.TrendPoint("#3", 3, Map.of(), Map.of())));

        HistoryTable table = HistoryTable.of(index.lines(JobHistory.MAX_BUILDS));

        assertThat(table.rows()).extracting(HistoryTable.Row::build).containsExactly(3, 2, 1);
        // the contract's order of overall metrics, not the order the lines name them
        assertThat(table.metrics()).containsExactly("accuracy", "macroF1", "logLoss");
        HistoryTable.Row two = table.rows().get(1);
        assertThat(two.model()).isEqualTo("receipts v2");
        assertThat(two.aliases()).isEqualTo("champion, staging");
        assertThat(two.algorithm()).isEqualTo("LOGISTIC_REGRESSION");
        assertThat(two.dataRows()).isEqualTo("402");
        assertThat(two.dataFingerprint()).isEqualTo("abcdef012345");
        assertThat(two.metric("accuracy")).isEqualTo("0.9000");
        assertThat(two.metric("macroF1")).isEqualTo("-");
        assertThat(two.metricKey("macroF1")).isEqualTo("-1");
        assertThat(two.gateOutcome()).isEqualTo("PASSED");
        assertThat(two.deployments()).isEqualTo("OK");
        assertThat(two.retrainReason()).isEqualTo("not due");
        // an old line (trend values only) shows dashes, not nulls
        HistoryTable.Row three = table.rows().get(0);
        assertThat(List.of(three.model(), three.aliases(), three.algorithm(), three.dataRows(), three.gateOutcome()))
                .containsOnly("-");
        assertThat(table.defaultA()).isEqualTo(2);
        assertThat(table.defaultB()).isEqualTo(3);
    }

    @Test
    void shouldBeEmptyForAJobWithoutIndex() throws Exception {
        HistoryTable table = HistoryTable.of(new TrendIndex(job).lines(JobHistory.MAX_BUILDS));

        assertThat(table.isEmpty()).isTrue();
        assertThat(table.defaultA()).isNull();
    }
}
