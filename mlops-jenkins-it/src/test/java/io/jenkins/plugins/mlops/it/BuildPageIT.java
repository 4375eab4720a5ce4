package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.HeadlessBrowser;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import io.jenkins.plugins.mlops.it.harness.PluginManifest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The ML page of a build, {@code <build>/ml/}, in headless Chromium: one build on the built-in node trains, evaluates
 * with gates, registers and deploys to a release folder with a load test. With echarts-api among the extra plugins
 * every chart is drawn by ECharts (a sized canvas); without it every chart's numbers are a table. The key numbers (the
 * REST API's metrics, gate values and latency percentiles) are on the page, the browser console has no SEVERE entry
 * (Jenkins' Content-Security-Policy reports blocked inline scripts there), the charts' JSON answers as documented, and
 * an anonymous user without Item.READ gets neither the page nor the JSON. Screenshot:
 * {@code target/jenkins-screenshots/build-ml-page.png}.
 */
@Order(8)
@ExtendWith(MlopsJenkinsExtension.class)
class BuildPageIT {
    static final String JOB = "build-page";
    private static final Path SCREENSHOTS = Path.of("target", "jenkins-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlopsJenkins jenkins;
    private static HeadlessBrowser browser;
    private static boolean echartsApi;
    private static FinishedBuild build;

    @BeforeAll
    static void setUp(MlopsJenkins started) throws IOException {
        String missing = HeadlessBrowser.missing();
        Assumptions.assumeTrue(missing == null, missing);
        jenkins = started;
        // the first page of the day would load usage.jenkins.io's script, unreachable here: a console error not ours
        jenkins.client().script("jenkins.model.Jenkins.get().setNoUsageStatistics(true)\nnull");
        echartsApi = PluginManifest.extraPlugins().stream()
                .anyMatch(p -> p.shortName().equals("echarts-api"));
        Path registry = jenkins.work().resolve("build-page-registry");
        Path releases = jenkins.work().resolve("build-page-releases");
        String script = String.join(
                "\n",
                "node('built-in') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  mlEvaluate(model: 'model', data: 'data/test.csv',",
                "             gates: ['accuracy >= 0.5', 'macroF1 >= 0.3 (unstable)'])",
                "  def registered = mlRegister(model: 'model/model.tribuo', name: 'page', registry: '" + registry
                        + "')",
                "  mlDeploy(model: \"page@${registered.version}\", registry: '" + registry + "',",
                "           target: 'dir:" + releases + "', smoke: 'ml/golden.jsonl',",
                "           load: [rps: 20, seconds: 2, p99Ms: 5000, maxErrorRate: 0.5])",
                "}");
        jenkins.createBuiltInJob(JOB, new PipelineJob(script));
        build = jenkins.run(JOB, Map.of());
        assertThat(build.result()).as("%s", build).isEqualTo("SUCCESS");
        browser = HeadlessBrowser.start(jenkins.client().root(), SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String page() {
        return build.path() + "/ml/";
    }

    /** @return the text of every table row of the page, its cells joined by {@code " | "} */
    @SuppressWarnings("unchecked")
    private static List<String> rows() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.textContent.trim()).join(' | '));");
    }

    @Test
    @Order(1)
    void shouldServeTheChartsOfTheBuildAsJson() throws Exception {
        HttpResponse<String> response = jenkins.client().get(page() + "charts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode charts = JSON.readTree(response.body());
        List<JsonNode> runs = build.actions(Examples.RUN_ACTION);
        assertThat(charts.path("runs"))
                .extracting(r -> r.path("runId").asText())
                .containsExactlyElementsOf(
                        runs.stream().map(r -> r.path("runId").asText()).toList());
        assertThat(charts.path("primary").asText())
                .isEqualTo(runs.get(1).path("runId").asText());
        assertThat(charts.path("runs").get(1).path("charts").has("confusion-matrix"))
                .isTrue();
        assertThat(charts.path("runs").get(2).path("charts").has("latency")).isTrue();

        HttpResponse<String> bad = jenkins.client().get(page() + "charts?chart=..%2Fconfig.xml");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("'../config.xml'");
        assertThat(jenkins.client().get(page() + "charts?run=nope").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void shouldShowTheKeyNumbersAndDrawEveryChartWithoutConsoleErrors() {
        browser.open(build.path() + "/");
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='/ml'], a[href$='/ml/']")))
                .as("the side panel's link to the ML page")
                .isNotEmpty();

        browser.open(page());

        List<JsonNode> runs = build.actions(Examples.RUN_ACTION);
        assertThat(runs)
                .extracting(a -> a.path("functionName").asText())
                .containsExactly("mlTrain", "mlEvaluate", "mlDeploy");
        List<String> rows = rows();
        JsonNode evaluation = runs.get(1);
        evaluation.path("metrics").properties().forEach(metric -> assertThat(rows)
                .contains(metric.getKey() + " | " + metric.getValue().asText()));
        JsonNode gate = evaluation.path("gates").get(0);
        assertThat(rows)
                .contains(String.join(
                        " | ",
                        "accuracy >= 0.5",
                        gate.path("actual").asText(),
                        ">= " + gate.path("threshold").asText(),
                        "FAILURE",
                        "PASSED"));
        JsonNode deployment = runs.get(2).path("deployment");
        assertThat(rows)
                .contains("p50 (ms) | " + deployment.path("p50Ms").asText())
                .contains("p99 (ms) | " + deployment.path("p99Ms").asText())
                // a localized label with '(' needs a plain key, or Stapler drops the words from '(' on
                .anySatisfy(row -> assertThat(row).startsWith("Throughput (req/s) | "))
                .anySatisfy(row -> assertThat(row).startsWith("Registry | page@1"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains(runs.get(0).path("runId").asText())
                .contains("Lineage");

        if (echartsApi) {
            List<?> charts = new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(driver -> {
                List<?> drawn = (List<?>) browser.script("const els = document.querySelectorAll('[data-mlops-chart]');"
                        + " if (els.length === 0) { return null; }"
                        + " const out = [];"
                        + " for (const el of els) {"
                        + "   if (!el.dataset.mlopsChartDrawn) { return null; }"
                        + "   const chart = window.echarts && echarts.getInstanceByDom(el);"
                        + "   const surface = el.querySelector('canvas, svg');"
                        + "   const box = surface ? surface.getBoundingClientRect() : {width: 0, height: 0};"
                        + "   out.push([el.dataset.mlopsChart, el.dataset.mlopsChartDrawn, !!chart, box.width,"
                        + "             box.height]); }"
                        + " return out;");
                return drawn;
            });
            assertThat(charts)
                    .extracting(chart -> (String) ((List<?>) chart).get(0))
                    .contains("confusion-matrix", "class-metrics", "latency")
                    .anySatisfy(key -> assertThat(key).startsWith("data/train/"));
            assertThat(charts).allSatisfy(chart -> {
                List<?> values = (List<?>) chart;
                assertThat(values.get(1)).as("drawn: %s", values).isEqualTo("true");
                assertThat(values.get(2)).as("an ECharts instance: %s", values).isEqualTo(true);
                assertThat(((Number) values.get(3)).doubleValue())
                        .as("width: %s", values)
                        .isGreaterThan(100);
                assertThat(((Number) values.get(4)).doubleValue())
                        .as("height: %s", values)
                        .isGreaterThan(100);
            });
        } else {
            assertThat(browser.driver().findElements(By.cssSelector("[data-mlops-chart]")))
                    .as("without echarts-api no chart is drawn")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-mlops-chart-table='confusion-matrix']")))
                    .as("the confusion matrices of mlTrain and mlEvaluate as tables")
                    .hasSize(2);
        }
        assertThat(browser.severeConsoleEntries()).as("SEVERE console entries").isEmpty();
        browser.screenshot(echartsApi ? "build-ml-page" : "build-ml-page-tables");
    }

    @Test
    @Order(3)
    void shouldDenyThePageAndTheChartsToAnAnonymousUserWithoutRead() {
        // the IT's Jenkins has no security; for two requests a user database and no anonymous read (restored at once)
        String root = jenkins.client().root().toString();
        String statuses = jenkins.client()
                .script(String.join(
                        "\n",
                        "def j = jenkins.model.Jenkins.get()",
                        "def realm = j.securityRealm",
                        "def before = j.authorizationStrategy",
                        "def strict = new hudson.security.FullControlOnceLoggedInAuthorizationStrategy()",
                        "strict.allowAnonymousRead = false",
                        "def codes = []",
                        "try {",
                        // without a security realm Jenkins answers a denial with 500, not 403
                        "  j.securityRealm = new hudson.security.HudsonPrivateSecurityRealm(false)",
                        "  j.authorizationStrategy = strict",
                        "  for (path in ['" + page() + "charts', '" + page() + "']) {",
                        "    def c = new URL('" + root + "' + path).openConnection()",
                        "    c.instanceFollowRedirects = false",
                        "    codes << c.responseCode",
                        "  }",
                        "} finally {",
                        "  j.authorizationStrategy = before",
                        "  j.securityRealm = realm",
                        "}",
                        "print(codes.join(','))"));

        assertThat(statuses.split(",")).hasSize(2).allSatisfy(code -> assertThat(code)
                .isIn("403", "404"));
        assertThat(jenkins.client().get(page() + "charts").statusCode())
                .as("READ is back for the other tests")
                .isEqualTo(200);
    }
}
