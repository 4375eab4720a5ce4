package io.mlops.contract.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDriftTest {
    private static final List<Long> UNIFORM = Collections.nCopies(10, 10L);

    private static ColumnStats numeric(final double min, final double max, final List<Long> histogram) {
        return new ColumnStats("NUMERIC", 0, min, max, null, null, null, null, histogram);
    }

    private static ColumnStats categorical(final Map<String, Long> counts, final int distinct) {
        return new ColumnStats("CATEGORICAL", 0, null, null, null, null, distinct, counts, null);
    }

    private static DataFingerprint fingerprint(final Map<String, ColumnStats> columns) {
        return new DataFingerprint("data.csv", "0".repeat(64), 100, columns);
    }

    @Test
    void shouldBeZeroForTheSameColumn() {
        ColumnStats column = numeric(0, 10, List.of(5L, 10L, 20L, 30L, 10L, 5L, 5L, 5L, 5L, 5L));

        assertThat(DataDrift.numeric(column, column)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void shouldEqualThePsiOfTheSharesWhenTheEdgesAreTheSame() {
        List<Long> shifted = List.of(1L, 1L, 1L, 1L, 1L, 10L, 20L, 30L, 20L, 15L);

        assertThat(DataDrift.numeric(numeric(0, 10, UNIFORM), numeric(0, 10, shifted)))
                .isCloseTo(
                        Psi.index(
                                Psi.shares(UNIFORM.stream()
                                        .mapToLong(Long::longValue)
                                        .toArray()),
                                Psi.shares(shifted.stream()
                                        .mapToLong(Long::longValue)
                                        .toArray())),
                        within(1e-12));
    }

    @Test
    void shouldPutTheMassOfAWiderRangeIntoTheLastBinOfTheReference() {
        // B spreads over 0..20: half of it lands evenly in A's ten bins over 0..10, the other half above A's max
        double expected = 9 * (0.05 - 0.1) * Math.log(0.05 / 0.1) + (0.55 - 0.1) * Math.log(0.55 / 0.1);

        assertThat(DataDrift.numeric(numeric(0, 10, UNIFORM), numeric(0, 20, UNIFORM)))
                .isCloseTo(expected, within(1e-12))
                .isCloseTo(1.079053, within(1e-6));
    }

    @Test
    void shouldSplitABinThatStraddlesTwoReferenceBinsUniformly() {
        // B over 0.5..10.5: A's first bin gets half a B bin, A's last bin a half, another half and the half above 10
        double expected = (0.05 - 0.1) * Math.log(0.05 / 0.1) + (0.15 - 0.1) * Math.log(0.15 / 0.1);

        assertThat(DataDrift.numeric(numeric(0, 10, UNIFORM), numeric(0.5, 10.5, UNIFORM)))
                .isCloseTo(expected, within(1e-12))
                .isCloseTo(0.054930, within(1e-6));
    }

    @Test
    void shouldUseTheOtherBinsWhenTheReferenceIsOneValue() {
        List<Long> point = List.of(100L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        // A is all 5.0, which falls in B's sixth bin of 0..10
        double[] a = new double[10];
        a[5] = 1;

        assertThat(DataDrift.numeric(numeric(5, 5, point), numeric(0, 10, UNIFORM)))
                .isCloseTo(
                        Psi.index(
                                Psi.shares(UNIFORM.stream()
                                        .mapToLong(Long::longValue)
                                        .toArray()),
                                a),
                        within(1e-12));
        assertThat(DataDrift.numeric(numeric(5, 5, point), numeric(5, 5, point)))
                .isZero();
        assertThat(DataDrift.numeric(numeric(5, 5, point), numeric(6, 6, point)))
                .isCloseTo(2 * (1 - Psi.EPSILON) * Math.log(1 / Psi.EPSILON), within(1e-9));
    }

    @Test
    void shouldCompareTheSharesOfCategories() {
        double expected = (0.8 - 0.5) * Math.log(0.8 / 0.5) + (0.2 - 0.5) * Math.log(0.2 / 0.5);

        assertThat(DataDrift.categorical(
                        categorical(Map.of("card", 50L, "cash", 50L), 2),
                        100,
                        categorical(Map.of("card", 80L, "cash", 20L), 2),
                        100))
                .isCloseTo(expected, within(1e-12))
                .isCloseTo(0.415888, within(1e-6));
    }

    @Test
    void shouldEstimateACategoryARunDidNotRecordFromItsRemainder() {
        // A recorded x and y of its 3 distinct values: z gets A's remaining 10 rows; B recorded all its values: y is 0
        Map<String, Long> a = new LinkedHashMap<>();
        a.put("x", 60L);
        a.put("y", 30L);
        Map<String, Long> b = new LinkedHashMap<>();
        b.put("x", 60L);
        b.put("z", 40L);
        double expected = (Psi.EPSILON - 0.3) * Math.log(Psi.EPSILON / 0.3) + (0.4 - 0.1) * Math.log(0.4 / 0.1);

        assertThat(DataDrift.categorical(categorical(a, 3), 100, categorical(b, 2), 100))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void shouldNameAddedRemovedAndRetypedColumnsAndMeasureNoDriftForThem() {
        Map<String, ColumnStats> a = new LinkedHashMap<>();
        a.put("amount", numeric(0, 10, UNIFORM));
        a.put("shop", categorical(Map.of("a", 100L), 1));
        a.put("note", new ColumnStats("TEXT", 0, null, null, null, null, 3, null, null));
        a.put("code", numeric(0, 10, UNIFORM));
        Map<String, ColumnStats> b = new LinkedHashMap<>();
        b.put("amount", numeric(0, 20, UNIFORM));
        b.put("shop", categorical(Map.of("a", 100L), 1));
        b.put("note", new ColumnStats("TEXT", 0, null, null, null, null, 3, null, null));
        b.put("code", categorical(Map.of("1", 100L), 1));
        b.put("hour", numeric(0, 23, UNIFORM));
        a.put("legacy", numeric(0, 1, UNIFORM));

        List<ColumnDrift> drift = DataDrift.between(fingerprint(a), fingerprint(b));

        assertThat(drift)
                .extracting(ColumnDrift::column, ColumnDrift::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("amount", ColumnDrift.Change.KEPT),
                        org.assertj.core.groups.Tuple.tuple("shop", ColumnDrift.Change.KEPT),
                        org.assertj.core.groups.Tuple.tuple("note", ColumnDrift.Change.KEPT),
                        org.assertj.core.groups.Tuple.tuple("code", ColumnDrift.Change.RETYPED),
                        org.assertj.core.groups.Tuple.tuple("legacy", ColumnDrift.Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("hour", ColumnDrift.Change.ADDED));
        assertThat(drift.get(0).psi()).isCloseTo(1.079053, within(1e-6));
        assertThat(drift.get(0).drifted()).isTrue();
        assertThat(drift.get(1).psi()).isZero();
        assertThat(drift.get(1).drifted()).isFalse();
        assertThat(drift.get(2).psi()).isNull();
        assertThat(drift.get(3))
                .isEqualTo(new ColumnDrift("code", ColumnDrift.Change.RETYPED, "NUMERIC", "CATEGORICAL", null));
        assertThat(drift.subList(3, 6))
                .allSatisfy(column -> assertThat(column.psi()).isNull());
    }
}
