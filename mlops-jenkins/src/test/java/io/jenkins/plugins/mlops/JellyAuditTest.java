package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every view of the plugin keeps to Jenkins' Content-Security-Policy and escapes by default. */
class JellyAuditTest {
    private static final Path VIEWS = Path.of("src", "main", "resources");
    private static final Path SAMPLES = Path.of("src", "test", "resources", "jelly-audit");

    @Test
    void shouldFindNoProblemInAnyViewOfThePlugin() throws Exception {
        assertThat(JellyAudit.folder(VIEWS)).isEmpty();
    }

    @Test
    void shouldAuditEveryViewOfThePluginTheBuildPageIncluded() throws Exception {
        assertThat(VIEWS.resolve("io/jenkins/plugins/mlops/pages/BuildPage/index.jelly"))
                .exists();
        assertThat(JellyAudit.file(VIEWS.resolve("io/jenkins/plugins/mlops/pages/BuildPage/index.jelly")))
                .isEmpty();
    }

    @Test
    void shouldReportEachProblemOfABadView() throws Exception {
        assertThat(JellyAudit.file(SAMPLES.resolve("bad.jelly")))
                .containsExactlyInAnyOrder(
                        "no <?jelly escape-by-default='true'?>",
                        "inline event handler onclick= on <button>",
                        "inline event handler onerror= on <img>",
                        "${...} inside <script>",
                        "inline <script> body (scripts must be files: <script src=...>)",
                        "<script> without src",
                        "${...} inside <style>",
                        "${%Throughput (...}: Stapler reads what follows '(' as arguments and 'Throughput ' as the"
                                + " key; use a key such as 'throughput' in a .properties file");
    }

    @Test
    void shouldNameTheFileOfEachProblemWhenAuditingAFolder() throws Exception {
        assertThat(JellyAudit.folder(SAMPLES))
                .contains("bad.jelly: inline event handler onclick= on <button>")
                .noneMatch(problem -> problem.startsWith("good.jelly"));
    }

    @Test
    void shouldAcceptAViewWithScriptFilesAndDataAttributes() throws Exception {
        assertThat(JellyAudit.file(SAMPLES.resolve("good.jelly"))).isEmpty();
    }

    @Test
    void shouldReportAViewThatIsNotXml() throws Exception {
        assertThat(JellyAudit.file(SAMPLES.resolve("broken.jelly")))
                .singleElement()
                .asString()
                .startsWith("not well-formed XML");
    }
}
