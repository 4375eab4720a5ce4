package io.jenkins.plugins.mlops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.metadata.RunMetadata;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonPageTest {
    private static Map<Integer, List<RunMetadata>> builds;

    @BeforeAll
    static void runs() throws IOException {
        RunMetadata train = RunStore.parse("train", EngineDocuments.train("train-1"));
        builds = Map.of(1, List.of(train), 2, List.of(train), 3, List.of());
    }

    private static ComparisonPage page(String a, String b) {
        return ComparisonPage.resolve(a, b, number -> Optional.ofNullable(builds.get(number)));
    }

    @Test
    void shouldCompareTwoBuildsWithRuns() {
        ComparisonPage page = page("1", " 2 ");

        assertThat(page.failed()).isFalse();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.comparison().a().build()).isEqualTo(1);
        assertThat(page.comparison().b().build()).isEqualTo(2);
    }

    @Test
    void shouldNameAMissingParameter() {
        assertThat(page(null, "2"))
                .isEqualTo(new ComparisonPage(400, "parameter 'a' is missing: give a build number", null));
        assertThat(page("1", "").error()).isEqualTo("parameter 'b' is missing: give a build number");
    }

    @Test
    void shouldNameAParameterThatIsNoBuildNumber() {
        assertThat(page("1", "12abc"))
                .isEqualTo(new ComparisonPage(400, "parameter 'b' is not a build number: '12abc'", null));
        assertThat(page("-4", "1").error()).isEqualTo("parameter 'a' is not a build number: '-4'");
        assertThat(page("99999999999", "1").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswerNotFoundForAMissingBuildOrABuildWithoutRuns() {
        assertThat(page("7", "1")).isEqualTo(new ComparisonPage(404, "parameter 'a': build #7 does not exist", null));
        assertThat(page("1", "3")).isEqualTo(new ComparisonPage(404, "parameter 'b': build #3 has no ML runs", null));
    }
}
