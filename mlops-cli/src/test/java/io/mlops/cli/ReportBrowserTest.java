package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.metadata.RunMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the reports in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs): every chart is drawn on a sized canvas, the browser logs no error, the key numbers are on the page, and a
 * screenshot of each page is saved in {@code target/report-screenshots}. One browser opens all pages.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private static ChromeDriver browser;
    private static ReportRuns runs;
    private static Path reports;

    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium is not installed: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)");
        runs = ReportRuns.shared();
        reports = Files.createDirectories(Path.of("target", "report-pages").toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        options.addArguments("--window-size=1280,1400", "--disable-extensions", "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Writes a report with the command and opens it; returns the page once report.js has drawn every chart. */
    private static List<WebElement> open(final String name, final String... runsAndOptions) {
        Path html = reports.resolve(name + ".html");
        List<String> args = new java.util.ArrayList<>(List.of("report", "--output", abs(html)));
        args.addAll(List.of(runsAndOptions));
        Cli.Result result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();

        browser.get(html.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.findElement(By.tagName("body")).getAttribute("data-charts-rendered") != null);
        List<WebElement> charts = browser.findElements(By.cssSelector("[" + "data-echarts-option" + "]"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-charts-rendered"))
                .isEqualTo(Integer.toString(charts.size()));
        for (WebElement chart : charts) {
            WebElement canvas = chart.findElement(By.tagName("canvas"));
            assertThat(canvas.getSize().getWidth())
                    .as("width of a chart's canvas")
                    .isGreaterThan(100);
            assertThat(canvas.getSize().getHeight())
                    .as("height of a chart's canvas")
                    .isGreaterThan(100);
            Object series = browser.executeScript(
                    "return echarts.getInstanceByDom(arguments[0]).getOption().series.length;", chart);
            assertThat(((Number) series).intValue()).as("series drawn").isPositive();
        }
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("browser errors on " + name).isEmpty();
        screenshot(name);
        return charts;
    }

    private static void screenshot(final String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException exception) {
            throw new java.io.UncheckedIOException(exception);
        }
    }

    private static String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static String number(final double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    void shouldDrawEveryChartOfOneRun() {
        RunMetadata trained = ReportRuns.read(runs.bundle().resolve("run-metadata.json"));

        // a relative path, as a user types it (the screenshot of this page is the one in the README)
        List<WebElement> charts = open(
                "run", Path.of("").toAbsolutePath().relativize(runs.bundle()).toString());

        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        assertThat(text())
                .contains("accuracy " + number(trained.metrics().accuracy()))
                .contains("macroF1 " + number(trained.metrics().macroF1()))
                .contains(trained.runId());
    }

    @Test
    void shouldDrawTheComparisonTheDemoWrote() throws Exception {
        RunMetadata a = ReportRuns.read(runs.evaluation());
        RunMetadata b = ReportRuns.read(runs.shifted());
        Path copy = reports.resolve("demo.html");
        Files.copy(runs.demoReport(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<WebElement> charts = open("comparison", abs(runs.evaluation()), abs(runs.shifted()));

        assertThat(charts).hasSize(4);
        assertThat(text())
                .contains(String.format(
                        Locale.ROOT,
                        "accuracy %.4f %.4f %+.4f",
                        a.metrics().accuracy(),
                        b.metrics().accuracy(),
                        b.metrics().accuracy() - a.metrics().accuracy()));
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(reports.resolve("comparison.html")));
    }

    @Test
    void shouldDrawTheTrendOfThreeRuns() {
        List<WebElement> charts = open("trend", abs(runs.bundle()), abs(runs.evaluation()), abs(runs.shifted()));

        assertThat(charts).hasSize(1);
        Object points = ((JavascriptExecutor) browser)
                .executeScript(
                        "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data.length;",
                        charts.get(0));
        assertThat(((Number) points).intValue()).isEqualTo(3);
        assertThat(text()).contains("#1", "#2", "#3");
    }

    @Test
    void shouldDrawTheLatencyPercentilesOfADeployment() {
        List<WebElement> charts = open("deploy", abs(runs.deploy()));

        assertThat(text()).contains("600 sent, 0 failed", "receipts@3", "DEPLOYED");
        Object p99 = browser.executeScript("const charts = document.querySelectorAll('[data-echarts-option]');"
                + " for (const c of charts) { const o = echarts.getInstanceByDom(c).getOption();"
                + " if (o.series[0].name === 'latency') { return o.series[0].data[2]; } } return null;");
        assertThat(((Number) p99).doubleValue()).isEqualTo(ReportRuns.LOAD.p99Ms());
        assertThat(charts).hasSizeGreaterThan(1);
    }
}
