package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.HeadlessBrowser;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The job's ML run history {@code <job>/ml/} and the comparison of two builds {@code <job>/ml/compare?a=N&b=M} in the
 * real Jenkins: two builds of one job on the built-in node (different epochs), the table lists both with the metrics
 * their runs measured, the comparison shows the deltas and hyperparameter differences, a bad parameter gets a 4xx page
 * naming it, and a user without {@code Item/Read} on the job gets no data. In headless Chromium (when installed) the
 * table sorts by a clicked column and neither page logs a console error (a Content-Security-Policy violation would).
 */
@Order(9)
@ExtendWith(MlopsJenkinsExtension.class)
class JobHistoryIT {
    static final String JOB = "history-pages";
    private static final Path SCREENSHOTS = Path.of("target", "jenkins-screenshots");

    private static MlopsJenkins jenkins;
    private static FinishedBuild first;
    private static FinishedBuild second;
    private static HeadlessBrowser browser;

    @BeforeAll
    static void setUp(MlopsJenkins started) {
        jenkins = started;
        jenkins.client().script("jenkins.model.Jenkins.get().setNoUsageStatistics(true)\nnull");
        String script = String.join(
                "\n",
                "node('built-in') {",
                "  def epochs = currentBuild.number == 1 ? 2 : 6",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic',"
                        + " params: [epochs: epochs], seed: 7, output: 'model')",
                "  mlEvaluate(model: 'model', data: 'data/test.csv', gates: ['accuracy >= 0.1'])",
                "}");
        jenkins.createBuiltInJob(JOB, new PipelineJob(script));
        first = jenkins.run(JOB, Map.of());
        assertThat(first.result()).as("%s", first).isEqualTo("SUCCESS");
        second = jenkins.run(JOB, Map.of());
        assertThat(second.result()).as("%s", second).isEqualTo("SUCCESS");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** @return the overall metrics of a build's evaluation, as the REST API gives them */
    private static JsonNode evaluationMetrics(FinishedBuild build) {
        List<JsonNode> runs = build.actions(Examples.RUN_ACTION);
        assertThat(runs).extracting(a -> a.path("functionName").asText()).containsExactly("mlTrain", "mlEvaluate");
        return runs.get(1).path("metrics");
    }

    /** The index line is appended when the build completes: wait until the table has both builds. */
    private static String historyPage() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            HttpResponse<String> page = jenkins.client().get("job/" + JOB + "/ml/");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            if (page.body().contains("data-build=\"" + second.number() + "\"")
                    || Instant.now().isAfter(deadline)) {
                return page.body();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private static String cell(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    @Order(1)
    void shouldListBothBuildsWithTheirMetrics() {
        String page = historyPage();

        assertThat(page).contains("id=\"ml-history\"", "class=\"jenkins-table sortable mlops-history\"");
        for (FinishedBuild build : List.of(first, second)) {
            assertThat(page).contains("data-build=\"" + build.number() + "\"");
            JsonNode metrics = evaluationMetrics(build);
            assertThat(page)
                    .as("the accuracy of build %s", build.number())
                    .contains("data-metric=\"accuracy\">"
                            + cell(metrics.path("accuracy").asDouble()) + "</td>")
                    .contains("data-metric=\"macroF1\">"
                            + cell(metrics.path("macroF1").asDouble()) + "</td>");
        }
        assertThat(page).contains(">PASSED<");
    }

    @Test
    @Order(2)
    void shouldCompareTwoBuildsWithDeltasAndHyperparameterDifferences() {
        HttpResponse<String> response =
                jenkins.client().get("job/" + JOB + "/ml/compare?a=" + first.number() + "&b=" + second.number());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        double a = evaluationMetrics(first).path("accuracy").asDouble();
        double b = evaluationMetrics(second).path("accuracy").asDouble();
        String body = response.body().replaceAll("\\s+", " ");
        assertThat(body)
                .contains("id=\"ml-metric-deltas\"")
                .containsPattern("<tr data-metric=\"accuracy\"> ?<td>accuracy</td> ?<td>" + cell(a) + "</td> ?<td>"
                        + cell(b) + "</td> ?<td class=\"mlops-delta-[a-z]+\">"
                        + String.format(Locale.ROOT, "%+.4f", b - a).replace("+", "\\+") + "</td>");
        assertThat(body).containsPattern("<tr> ?<td>epochs</td> ?<td>2</td> ?<td>6</td> ?</tr>");
        assertThat(body).contains("the same content", "mlops-data-drift", "class=\"jenkins-table mlops-matrix\"");
    }

    @Test
    @Order(3)
    void shouldAnswerABadParameterWithAPageNamingIt() {
        HttpResponse<String> notNumber = jenkins.client().get("job/" + JOB + "/ml/compare?a=1&b=x%3Cb%3E");
        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body())
                .contains("parameter 'b' is not a build number: 'x&lt;b")
                .doesNotContain("x<b>");

        HttpResponse<String> missing = jenkins.client().get("job/" + JOB + "/ml/compare?a=1&b=999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("build #999 does not exist");
    }

    @Test
    @Order(4)
    void shouldShowNothingToAUserWithoutReadPermissionOnTheJob() {
        // an authorization strategy that grants everything except any permission on this job (anonymous included)
        jenkins.client()
                .script(String.join(
                        "\n",
                        "import hudson.security.*",
                        "import java.util.function.BiFunction",
                        "def all = ACL.lambda2({ a, p -> true } as BiFunction)",
                        "def none = ACL.lambda2({ a, p -> false } as BiFunction)",
                        "jenkins.model.Jenkins.get().authorizationStrategy = new AuthorizationStrategy() {",
                        "  ACL getRootACL() { all }",
                        "  ACL getACL(hudson.model.Job job) { job.fullName == '" + JOB + "' ? none : all }",
                        "  Collection<String> getGroups() { [] }",
                        "}",
                        "null"));
        try {
            for (String path : List.of("ml/", "ml/compare?a=1&b=2")) {
                HttpResponse<String> page = jenkins.client().get("job/" + JOB + "/" + path);
                assertThat(page.statusCode()).as(path).isBetween(400, 499);
                assertThat(page.body()).as(path).doesNotContain("ml-history", "ml-metric-deltas", "data-metric");
            }
        } finally {
            jenkins.client()
                    .script("jenkins.model.Jenkins.get().authorizationStrategy ="
                            + " hudson.security.AuthorizationStrategy.UNSECURED\nnull");
        }
        assertThat(jenkins.client().get("job/" + JOB + "/ml/").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void shouldSortTheTableInTheBrowserWithoutConsoleErrors() throws IOException {
        Assumptions.assumeTrue(HeadlessBrowser.missing() == null, HeadlessBrowser.missing());
        historyPage();
        browser = HeadlessBrowser.start(jenkins.client().root(), SCREENSHOTS);
        browser.open("job/" + JOB + "/ml/");
        assertThat(builds()).containsExactly(second.number(), first.number());

        // core's sortable.js turns each header into a link; twice on "Build" sorts descending, then ascending
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        By buildHeader = By.cssSelector("#ml-history thead th:first-child a");
        browser.driver().findElement(buildHeader).click();
        List<Integer> once = builds();
        browser.driver().findElement(buildHeader).click();
        wait.until(driver -> !builds().equals(once));
        assertThat(List.of(once, builds()))
                .containsExactlyInAnyOrder(
                        List.of(first.number(), second.number()), List.of(second.number(), first.number()));
        assertThat(browser.severeConsoleEntries())
                .as("console errors of the history page")
                .isEmpty();
        browser.screenshot("job-history");

        browser.open("job/" + JOB + "/ml/compare?a=" + first.number() + "&b=" + second.number());
        assertThat(browser.driver().findElements(By.cssSelector("#ml-metric-deltas tbody tr")))
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".mlops-matrix-box")))
                .hasSize(2);
        assertThat(browser.severeConsoleEntries())
                .as("console errors of the comparison")
                .isEmpty();
        browser.screenshot("job-history-comparison");
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> builds() {
        return ((List<Object>) browser.script("return Array.from(document.querySelectorAll('#ml-history tbody tr'))"
                        + ".map(r => Number(r.dataset.build));"))
                .stream().map(n -> ((Number) n).intValue()).toList();
    }
}
