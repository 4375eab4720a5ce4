package io.jenkins.plugins.mlops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.it.harness.FinishedBuild;
import io.jenkins.plugins.mlops.it.harness.JenkinsDistribution;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkins;
import io.jenkins.plugins.mlops.it.harness.MlopsJenkinsExtension;
import io.jenkins.plugins.mlops.it.harness.PipelineJob;
import io.jenkins.plugins.mlops.it.harness.PluginManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plugin's pages in the real Jenkins, opened in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) by Selenium: the build page with the ML summaries (metric and gate values as the REST API
 * gives them, a promotion reason with markup shown as text), the polling log of {@code mlDataChanged} and, with
 * echarts-api among the extra plugins, the job page with the ML metric trend drawn by ECharts. Every page loads
 * without a SEVERE browser console entry (Jenkins' Content-Security-Policy reports a blocked inline script there) and
 * leaves a screenshot in {@code target/jenkins-screenshots}. One browser, one small job on the built-in node.
 */
@Order(7)
@ExtendWith(MlopsJenkinsExtension.class)
class BrowserPagesIT {
    static final String JOB = "browser-pages";
    static final String REASON = "<b>bold</b> & <img src=x onerror=alert(1)> is text";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "jenkins-screenshots");
    private static final String TRIGGER_CLASS = "io.jenkins.plugins.mlops.triggers.DataChangedTrigger";

    private static MlopsJenkins jenkins;
    private static ChromeDriver browser;
    private static boolean echartsApi;
    private static FinishedBuild first;
    private static FinishedBuild last;

    @BeforeAll
    static void setUp(MlopsJenkins started) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: headless Chromium is not installed: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)");
        jenkins = started;
        // the first page of the day would load usage.jenkins.io's script, unreachable here: a console error not ours
        jenkins.client().script("jenkins.model.Jenkins.get().setNoUsageStatistics(true)\nnull");
        echartsApi = PluginManifest.extraPlugins().stream()
                .anyMatch(p -> p.shortName().equals("echarts-api"));
        Path data = Files.createDirectories(jenkins.work().resolve("browser-trigger-data"));
        Files.writeString(data.resolve("receipts-1.csv"), "amount,category\n1,food\n", StandardCharsets.UTF_8);
        Path registry = jenkins.work().resolve("browser-registry");
        String script = String.join(
                "\n",
                "properties([pipelineTriggers([mlDataChanged(spec: 'H H(0-1) 1 1 *', path: '" + data + "/*.csv')])])",
                "node('built-in') {",
                "  mlTrain(data: 'data/receipts.csv', label: 'category', algorithm: 'logistic', params: [epochs: 3],",
                "          seed: 7, output: 'model')",
                "  mlEvaluate(model: 'model', data: 'data/test.csv', gates: ['accuracy >= 0.5'])",
                "  def registered = mlRegister(model: 'model/model.tribuo', name: 'browser', registry: '" + registry
                        + "')",
                "  mlPromote(name: 'browser', version: registered.version as int, alias: 'champion', registry: '"
                        + registry + "',",
                "            reason: '" + REASON + "')",
                "}");
        jenkins.createBuiltInJob(JOB, new PipelineJob(script));
        first = jenkins.run(JOB, Map.of());
        assertThat(first.result()).as("%s", first).isEqualTo("SUCCESS");
        // the trend chart needs two builds; without echarts-api one is enough
        last = echartsApi ? jenkins.run(JOB, Map.of()) : first;
        assertThat(last.result()).as("%s", last).isEqualTo("SUCCESS");
        startBrowser();
    }

    private static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        options.addArguments("--window-size=1280,1200", "--disable-extensions", "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // the requests the browser sends: where a click navigated to, even when Jenkins redirects from there
        logs.enable(LogType.PERFORMANCE, Level.INFO);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1200));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens a page of Jenkins and waits until it has loaded. */
    private static void open(String path) {
        browser.get(jenkins.client().root().resolve(path).toString());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> "complete".equals(browser.executeScript("return document.readyState")));
    }

    /** Asserts that the browser logged nothing SEVERE on the page and saves a screenshot of the whole page. */
    private static void assertNoErrorsAndSaveScreenshot(String name) {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe)
                .as("SEVERE browser console entries on the %s page", name)
                .isEmpty();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 4000)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1200));
        }
    }

    /** @return the text of every table row of the page, its cells joined by {@code " | "} */
    @SuppressWarnings("unchecked")
    private static List<String> rows() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('tr'))"
                + ".map(r => Array.from(r.cells).map(c => c.innerText.trim()).join(' | '));");
    }

    @Test
    @Order(1)
    void shouldShowTheMlSummariesOfTheBuildWithTheirValues() {
        open(last.path() + "/");

        List<JsonNode> runs = last.actions(Examples.RUN_ACTION);
        assertThat(runs).extracting(a -> a.path("functionName").asText()).containsExactly("mlTrain", "mlEvaluate");
        List<String> rows = rows();
        for (JsonNode run : runs) {
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains(run.path("runId").asText());
            run.path("metrics").properties().forEach(metric -> assertThat(rows)
                    .as("metric rows of %s", run.path("functionName").asText())
                    .contains(metric.getKey() + " | " + metric.getValue().asText()));
        }
        JsonNode gate = runs.get(1).path("gates").get(0);
        assertThat(rows)
                .contains(String.join(
                        " | ",
                        "accuracy >= 0.5",
                        gate.path("actual").asText(),
                        gate.path("threshold").asText(),
                        "PASSED"));
        assertThat(gate.path("actual").asDouble())
                .isEqualTo(runs.get(1).path("metrics").path("accuracy").asDouble());
        assertNoErrorsAndSaveScreenshot("build-page");
    }

    @Test
    @Order(2)
    void shouldShowAValueWithMarkupAsText() {
        open(last.path() + "/");

        assertThat(browser.findElement(By.tagName("body")).getText()).contains(REASON);
        assertThat(browser.findElements(By.cssSelector("img[src='x']")))
                .as("the reason's <img> is not an element")
                .isEmpty();
        assertThat(browser.findElements(By.xpath("//b[text()='bold']"))).isEmpty();
        assertNoErrorsAndSaveScreenshot("build-page-escaped");
    }

    @Test
    @Order(3)
    void shouldListThePollsOfTheTrigger() {
        String outcome = jenkins.client()
                .script("def job = jenkins.model.Jenkins.get().getItemByFullName('" + JOB + "')\n"
                        + "def trigger = job.triggers.values().find { it.class.name == '" + TRIGGER_CLASS + "' }\n"
                        + "print(trigger.pollNow())");
        assertThat(outcome).isEqualTo("BASELINE");

        open("job/" + JOB + "/mlDataChanged-polls/");

        assertThat(rows()).anySatisfy(row -> assertThat(row).contains("BASELINE"));
        assertNoErrorsAndSaveScreenshot("polling-log");
    }

    @Test
    @Order(4)
    void shouldDrawTheMlTrendChartOnTheJobPage() throws Exception {
        Assumptions.assumeTrue(
                echartsApi,
                "skipped: the trend chart needs echarts-api among the plugins of "
                        + JenkinsDistribution.EXTRA_PLUGINS_VARIABLE
                        + " (build them with .ci/build-extra-plugins OUT, see docs/jenkins-it.md)");
        HttpResponse<String> model = jenkins.client().get("job/" + JOB + "/ml-trend/model");
        assertThat(model.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(model.body());
        assertThat(json.path("domainAxisLabels"))
                .extracting(JsonNode::asText)
                .containsExactly("#" + first.number(), "#" + last.number());

        open("job/" + JOB + "/");

        // echarts-api's trend-chart.js fetches the model through the bound action, then ECharts draws it
        List<?> charts = new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            List<?> drawn = (List<?>) browser.executeScript("if (!window.echarts) { return null; }"
                    + " const out = [];"
                    + " for (const div of document.querySelectorAll('div')) {"
                    + "   const chart = echarts.getInstanceByDom(div);"
                    + "   const surface = div.querySelector('canvas, svg');"
                    + "   if (chart && surface && chart.getOption().series.length > 0) {"
                    + "     const box = surface.getBoundingClientRect();"
                    + "     out.push([box.width, box.height, chart.getOption().series.length]); } }"
                    + " return out.length ? out : null;");
            return drawn;
        });
        assertThat(charts).singleElement().satisfies(chart -> {
            List<?> values = (List<?>) chart;
            assertThat(((Number) values.get(0)).doubleValue()).as("width").isGreaterThan(100);
            assertThat(((Number) values.get(1)).doubleValue()).as("height").isGreaterThan(100);
            assertThat(((Number) values.get(2)).intValue())
                    .as("series drawn")
                    .isEqualTo(json.path("series").size());
        });
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("ML metrics");
        assertNoErrorsAndSaveScreenshot("job-page-trend");
    }

    private static void assumeEchartsApi() {
        Assumptions.assumeTrue(
                echartsApi,
                "skipped: the trend chart needs echarts-api among the plugins of "
                        + JenkinsDistribution.EXTRA_PLUGINS_VARIABLE
                        + " (build them with .ci/build-extra-plugins OUT, see docs/jenkins-it.md)");
    }

    /** Waits until ECharts has drawn the job page's trend and returns the names of its series. */
    @SuppressWarnings("unchecked")
    private static List<String> trendSeries() {
        return new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> (List<String>) browser.executeScript("if (!window.echarts) { return null; }"
                        + " const div = document.querySelector('div.echarts-trend');"
                        + " const chart = div && echarts.getInstanceByDom(div);"
                        + " const series = chart && chart.getOption() && chart.getOption().series;"
                        + " return series && series.length ? series.map(s => s.name) : null;"));
    }

    @Test
    @Order(5)
    void shouldOfferTheContractsMetricsInTheTrendDialogAndDrawTheChosenOnes() throws Exception {
        assumeEchartsApi();
        open("job/" + JOB + "/");
        assertThat(trendSeries()).containsExactly("accuracy", "macroF1", "accuracy gate");

        // what the chart's toolbox button does
        browser.executeScript("new bootstrap5.Modal(document.getElementById('trend-configuration-mlops')).show();");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver ->
                browser.findElement(By.id("ml-trend-series-macroRecall")).isDisplayed());
        List<String> offered =
                browser.findElements(By.cssSelector("#trend-configuration-mlops input.ml-trend-series-choice")).stream()
                        .map(box -> box.getDomAttribute("value"))
                        .toList();
        assertThat(offered.subList(0, 7))
                .containsExactly(
                        "accuracy",
                        "macroPrecision",
                        "macroRecall",
                        "macroF1",
                        "weightedF1",
                        "logLoss",
                        "liveAccuracy");
        // then precision, recall and F1 of each class of the newest build
        List<String> perClass = offered.subList(7, offered.size());
        assertThat(perClass).isNotEmpty().allMatch(name -> name.matches("(precision|recall|f1)\\[.+\\]"));
        assertThat(perClass.size() % 3).isZero();
        String classRecall = perClass.stream()
                .filter(name -> name.startsWith("recall["))
                .findFirst()
                .orElseThrow();
        List<String> checked = browser
                .findElements(By.cssSelector("#trend-configuration-mlops input.ml-trend-series-choice:checked"))
                .stream()
                .map(box -> box.getDomAttribute("value"))
                .toList();
        assertThat(checked).containsExactly("accuracy", "macroF1", "liveAccuracy");
        assertNoErrorsAndSaveScreenshot("job-page-trend-dialog");

        for (String series : List.of("accuracy", "macroF1", "macroRecall", classRecall)) {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//input[@value='" + series + "']")))
                    .click();
        }
        browser.findElement(By.id("save-trend-configuration-mlops")).click();

        // echarts-api redraws when the dialog is hidden, with the model for the stored configuration
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> List.of("macroRecall", classRecall).equals(trendSeries()));
        HttpResponse<String> model = jenkins.client().get("job/" + JOB + "/ml-trend/model?metrics=macroRecall");
        JsonNode json = new ObjectMapper().readTree(model.body());
        List<?> drawn = (List<?>) browser.executeScript("return echarts.getInstanceByDom(document.querySelector("
                + "'div.echarts-trend')).getOption().series[0].data.map(Number);");
        List<Double> served = new ArrayList<>();
        json.at("/series/0/data").forEach(value -> served.add(value.asDouble()));
        assertThat(served).hasSize(2);
        assertThat(drawn).map(v -> ((Number) v).doubleValue()).containsExactlyElementsOf(served);
        open("job/" + JOB + "/");
        assertThat(trendSeries()).as("the choice is kept in the browser").containsExactly("macroRecall", classRecall);
        assertNoErrorsAndSaveScreenshot("job-page-trend-macro-recall");
    }

    @Test
    @Order(6)
    void shouldOpenTheBuildsMlPageWhenAPointOfTheTrendIsClicked() {
        assumeEchartsApi();
        open("job/" + JOB + "/");
        trendSeries();
        String jobUrl = browser.getCurrentUrl();
        browser.manage().logs().get(LogType.PERFORMANCE); // only the requests from here on

        @SuppressWarnings("unchecked")
        List<Number> point =
                (List<Number>) browser.executeScript("const div = document.querySelector('div.echarts-trend');"
                        + " const chart = echarts.getInstanceByDom(div);"
                        // the chart takes the build from the x position only; mid-height is clear of the legend
                        + " const pixel = chart.convertToPixel('grid', [0, 0.5]);"
                        + " return [pixel[0], pixel[1], div.clientWidth, div.clientHeight];");
        WebElement chart = browser.findElement(By.cssSelector("div.echarts-trend"));
        new Actions(browser)
                .moveToElement(
                        chart,
                        (int) Math.round(
                                point.get(0).doubleValue() + 2 - point.get(2).doubleValue() / 2),
                        (int) Math.round(
                                point.get(1).doubleValue() - point.get(3).doubleValue() / 2))
                .click()
                .perform();

        // Jenkins redirects a build's URL without such an action up to the build (Run.getDynamic): until the build
        // page is there, the request the click sent is what shows where it leads
        String expected = jobUrl + first.number() + "/ml/";
        List<String> requested = new ArrayList<>();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            requested.addAll(documentRequests());
            return requested.contains(expected) || expected.equals(browser.getCurrentUrl());
        });
        assertThat(requested).contains(expected);
        // the build page may be another helper's work: only the link target is this test's; drop its console entries
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** @return the URLs of the page loads the browser sent since the last call, from Chromium's performance log */
    private static List<String> documentRequests() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            try {
                JsonNode message = mapper.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())
                        && "Document".equals(message.at("/params/type").asText())) {
                    urls.add(message.at("/params/request/url").asText());
                }
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }
        return urls;
    }
}
