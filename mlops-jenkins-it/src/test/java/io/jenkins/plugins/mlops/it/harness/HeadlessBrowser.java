package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, for the page tests:
 * opens pages of Jenkins, collects the SEVERE console entries (Jenkins' Content-Security-Policy reports each blocked
 * inline script there) and saves screenshots of whole pages.
 */
public final class HeadlessBrowser implements AutoCloseable {
    /** The browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Its driver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final int WIDTH = 1280;

    private final ChromeDriver driver;
    private final URI root;
    private final Path screenshots;

    private HeadlessBrowser(ChromeDriver driver, URI root, Path screenshots) {
        this.driver = driver;
        this.root = root;
        this.screenshots = screenshots;
    }

    /** @return whether Chromium and its driver are installed, with the reason to skip if not */
    public static String missing() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                ? null
                : "skipped: headless Chromium is not installed: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian packages chromium and chromium-driver; .ci/run installs them)";
    }

    /**
     * Starts a browser.
     *
     * @param root        the root URL of Jenkins
     * @param screenshots the folder for screenshots
     * @return the browser
     * @throws IOException if the folder cannot be made
     */
    public static HeadlessBrowser start(URI root, Path screenshots) throws IOException {
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        options.addArguments("--window-size=" + WIDTH + ",1200", "--disable-extensions", "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(WIDTH, 1200));
        return new HeadlessBrowser(driver, root, screenshots);
    }

    /** @return the Selenium driver */
    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens a page of Jenkins and waits until it has loaded.
     *
     * @param path the path below the root
     */
    public void open(String path) {
        driver.get(root.resolve(path).toString());
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Runs a script in the page.
     *
     * @param script the script
     * @return its value
     */
    public Object script(String script) {
        return driver.executeScript(script);
    }

    /** @return the SEVERE console entries since the last call */
    public List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /**
     * Saves a screenshot of the whole page.
     *
     * @param name the file name without {@code .png}
     * @return the file
     */
    public Path screenshot(String name) {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, 600), 6000)));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 1200));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
