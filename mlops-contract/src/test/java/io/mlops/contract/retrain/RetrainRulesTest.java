package io.mlops.contract.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.data.InputFile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainRulesTest {
    private static final RetrainPolicy ABSOLUTE =
            RetrainPolicy.builder().accuracyBelow(0.85).minFeedback(100).build();

    @Test
    void shouldFireWhenLiveAccuracyIsBelowTheAbsoluteThreshold() {
        RetrainCondition condition = RetrainRules.accuracyDecay(0.76, 400, 0.93, ABSOLUTE);

        assertThat(condition.status()).isEqualTo(ConditionStatus.FIRED);
        assertThat(condition.measured()).isEqualTo(0.76);
        assertThat(condition.threshold()).isEqualTo(0.85);
        assertThat(condition.detail()).isEqualTo("live accuracy 0.7600 < 0.8500 over 400 labelled events");
    }

    @Test
    void shouldNotFireAtTheThreshold() {
        assertThat(RetrainRules.accuracyDecay(0.85, 400, null, ABSOLUTE).status())
                .isEqualTo(ConditionStatus.NOT_FIRED);
    }

    @Test
    void shouldCompareWithTestAccuracyMinusTheMargin() {
        RetrainPolicy policy = RetrainPolicy.builder().maxAccuracyDrop(0.05).build();

        RetrainCondition condition = RetrainRules.accuracyDecay(0.87, 150, 0.93, policy);

        assertThat(condition.fired()).isTrue();
        assertThat(condition.threshold()).isCloseTo(0.88, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(condition.detail()).contains("(test accuracy 0.9300 - 0.0500)");
    }

    @Test
    void shouldTakeTheHigherOfBothLines() {
        RetrainPolicy policy = RetrainPolicy.builder()
                .accuracyBelow(0.80)
                .maxAccuracyDrop(0.05)
                .build();

        assertThat(RetrainRules.accuracyDecay(0.85, 150, 0.93, policy).threshold())
                .isCloseTo(0.88, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RetrainRules.accuracyDecay(0.79, 150, 0.70, policy).threshold())
                .isEqualTo(0.80);
    }

    @Test
    void shouldBeInactiveWithTooLittleFeedback() {
        RetrainCondition condition = RetrainRules.accuracyDecay(0.10, 99, 0.93, ABSOLUTE);

        assertThat(condition.status()).isEqualTo(ConditionStatus.INACTIVE);
        assertThat(condition.reason()).isEqualTo("99 labelled events in the feedback window; at least 100 needed");
        assertThat(RetrainRules.accuracyDecay(null, 0, 0.93, ABSOLUTE).status()).isEqualTo(ConditionStatus.INACTIVE);
    }

    @Test
    void shouldBeInactiveWithoutTestAccuracyForARelativeThreshold() {
        RetrainPolicy policy = RetrainPolicy.builder().maxAccuracyDrop(0.05).build();

        assertThat(RetrainRules.accuracyDecay(0.5, 500, null, policy).reason())
                .isEqualTo("the model records no test accuracy to subtract 0.0500 from");
    }

    @Test
    void shouldRefuseAnAccuracyCheckWithoutThreshold() {
        assertThatThrownBy(() -> RetrainRules.accuracyDecay(
                        0.5, 500, 0.9, RetrainPolicy.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no accuracy threshold: set accuracyBelow or maxAccuracyDrop");
    }

    @Test
    void shouldFireOnTheLargestPsiAboveTheUsualLine() {
        Map<String, Double> psi = new LinkedHashMap<>();
        psi.put("amount", 0.05);
        psi.put("currency", 0.31);

        RetrainCondition condition =
                RetrainRules.drift(psi, "batch.csv", RetrainPolicy.builder().build());

        assertThat(condition.fired()).isTrue();
        assertThat(condition.measured()).isEqualTo(0.31);
        assertThat(condition.threshold()).isEqualTo(Psi.USUAL_THRESHOLD);
        assertThat(condition.values()).containsExactlyEntriesOf(psi);
        assertThat(condition.detail())
                .isEqualTo("largest PSI 0.3100 (currency) > 0.2000 from batch.csv; 1 of 2 features above");
        assertThat(RetrainRules.drift(
                                Map.of("amount", 0.2),
                                "s",
                                RetrainPolicy.builder().build())
                        .fired())
                .isFalse();
        assertThat(RetrainRules.drift(
                                Map.of(), "service", RetrainPolicy.builder().build())
                        .reason())
                .isEqualTo("service has no PSI for any feature yet");
    }

    @Test
    void shouldFireOnAgeOnlyAfterTheLimit() {
        RetrainPolicy policy = RetrainPolicy.builder().maxAgeDays(30).build();
        Instant trained = Instant.parse("2026-10-01T00:00:00Z");

        RetrainCondition old = RetrainRules.age(trained, trained.plus(Duration.ofDays(31)), policy);
        RetrainCondition young = RetrainRules.age(trained, trained.plus(Duration.ofDays(30)), policy);

        assertThat(old.fired()).isTrue();
        assertThat(old.measured()).isEqualTo(31.0);
        assertThat(old.threshold()).isEqualTo(30.0);
        assertThat(old.detail()).isEqualTo("trained 31.0 days ago (2026-10-01T00:00:00Z) > 30.0 days");
        assertThat(young.fired()).isFalse();
        assertThat(RetrainRules.age(null, trained, policy).status()).isEqualTo(ConditionStatus.INACTIVE);
    }

    @Test
    void shouldIgnoreATrickleButNeverARewrite() {
        RetrainPolicy policy = RetrainPolicy.builder().minNewRows(100).build();
        InputFile added = new InputFile("incoming/b.csv", "a".repeat(64), 40);
        DataChange trickle = DataChange.builder()
                .added(List.of(added))
                .newRows(40)
                .unchangedFiles(1)
                .build();
        DataChange rewrite = trickle.toBuilder().appendOnly(false).build();
        DataChange none = DataChange.builder().unchangedFiles(2).build();

        assertThat(RetrainRules.dataChanged(trickle, policy).fired()).isFalse();
        assertThat(RetrainRules.dataChanged(trickle, policy).detail())
                .isEqualTo("40 new rows (1 new, 0 changed, 0 removed files) < 100: a trickle, ignored");
        assertThat(RetrainRules.dataChanged(trickle.toBuilder().newRows(100).build(), policy)
                        .fired())
                .isTrue();
        assertThat(RetrainRules.dataChanged(rewrite, policy).fired()).isTrue();
        assertThat(RetrainRules.dataChanged(none, policy).fired()).isFalse();
        assertThat(RetrainRules.dataChanged(none, policy).detail()).isEqualTo("training data unchanged (2 files)");
    }

    @Test
    void shouldDecideToRetrainOnlyWhenAConditionFired() {
        RetrainDecision quiet = RetrainDecision.builder()
                .model("receipts@champion")
                .conditions(List.of(
                        RetrainRules.accuracyDecay(0.90, 400, 0.93, ABSOLUTE),
                        RetrainRules.inactive(ConditionKind.DRIFT, "service unreachable")))
                .build();
        RetrainDecision due =
                quiet.toBuilder().conditions(List.of(RetrainRules.forced())).build();

        assertThat(quiet.retrain()).isFalse();
        assertThat(quiet.summary()).isEqualTo("no retraining: 2 conditions checked, none fired (1 inactive)");
        assertThat(due.retrain()).isTrue();
        assertThat(due.summary()).isEqualTo("retrain: forced");
    }

    @Test
    void shouldRejectPoliciesOutOfRange() {
        assertThatThrownBy(() -> RetrainPolicy.builder().accuracyBelow(1.5).build())
                .hasMessage("accuracyBelow must be between 0 and 1: 1.5");
        assertThatThrownBy(() -> RetrainPolicy.builder().minFeedback(0).build())
                .hasMessage("minFeedback must be 1 or more: 0");
        assertThatThrownBy(() -> RetrainPolicy.builder().driftAbove(0).build())
                .hasMessage("driftAbove must be more than 0: 0.0");
        assertThatThrownBy(() -> RetrainRules.inactive(ConditionKind.AGE, "x").toBuilder()
                        .reason(null)
                        .build())
                .hasMessage("an inactive age condition needs a reason");
    }

    @Test
    void shouldComputeThePsiOfIdenticalDistributionsAsZero() {
        double[] shares = Psi.shares(new long[] {10, 30, 60});

        assertThat(Psi.index(shares, shares)).isZero();
        assertThat(Psi.index(shares, Psi.shares(new long[] {60, 30, 10}))).isGreaterThan(1.0);
        assertThatThrownBy(() -> Psi.index(shares, new double[2])).hasMessage("bins differ: 3 expected, 2 actual");
    }

    @Test
    void shouldSayWhichFilesWereAddedChangedMovedOrRemoved() {
        InputFile base = new InputFile("data/base.csv", "a".repeat(64), 1000);
        InputFile grown = new InputFile("data/base.csv", "b".repeat(64), 1200);
        InputFile incoming = new InputFile("data/incoming/1.csv", "c".repeat(64), 300);
        InputFile moved = new InputFile("data/archive/1.csv", "c".repeat(64), 300);

        DataChange appended = DataChange.between(List.of(base), List.of(grown, incoming));
        DataChange relocated = DataChange.between(List.of(base, incoming), List.of(base, moved));
        DataChange shrunk = DataChange.between(List.of(grown, incoming), List.of(base));

        assertThat(appended.newRows()).isEqualTo(500);
        assertThat(appended.added()).containsExactly(incoming);
        assertThat(appended.changed()).containsExactly(grown);
        assertThat(appended.appendOnly()).isTrue();
        assertThat(relocated.differs()).isFalse();
        assertThat(relocated.unchangedFiles()).isEqualTo(2);
        assertThat(shrunk.removed()).containsExactly(incoming);
        assertThat(shrunk.appendOnly()).isFalse();
        assertThat(shrunk.newRows()).isZero();
    }
}
