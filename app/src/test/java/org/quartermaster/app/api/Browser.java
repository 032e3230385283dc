package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver (no download, no Selenium Manager), for the
 * dashboard's browser tests. Without the two programs the tests are skipped — unless
 * {@code QM_BROWSER_TESTS=required} (as {@code .ci/run} sets it), when they fail instead.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where screenshots go, for people to look at. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "required".equals(System.getenv("QM_BROWSER_TESTS"))) {
      throw new IllegalStateException("QM_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(installed, "browser tests need chromium and chromium-driver (Debian packages)");
    Path profile = Files.createTempDirectory("qm-chrome-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Opens a page and waits until it says it is drawn (body[data-rendered] = yes or error). */
  String open(String url) {
    driver.get(url);
    return waitFor("document.body.dataset.rendered", Duration.ofSeconds(60));
  }

  /** Waits until a JS expression is one of "yes", "done" or "error", and returns it. */
  String waitFor(String expression, Duration timeout) {
    new WebDriverWait(driver, timeout).until(d -> {
      Object value = script("return " + expression + ";");
      return value != null && List.of("yes", "done", "error").contains(value.toString());
    });
    return String.valueOf(script("return " + expression + ";"));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The browser console's warnings and errors since the last call (CSP violations, failed requests, exceptions). */
  List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  /**
   * Per chart on the page (in {@code scope}): how many canvas pixels are drawn (not transparent, not
   * white). A chart with only axes still has a few hundred; a drawn chart thousands.
   */
  Map<String, Long> drawnPixels(String scope) {
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = (Map<String, Long>) script("""
        const out = {};
        for (const fig of document.querySelectorAll(arguments[0] + ' figure.chart-card')) {
          let n = 0;
          for (const canvas of fig.querySelectorAll('canvas')) {
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < data.length; i += 4) {
              if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) n++;
            }
          }
          out[fig.id] = n;
        }
        return out;""", scope);
    return counts;
  }

  /**
   * Lays pages out as a phone of {@code width} CSS pixels does (a headless window cannot be narrower
   * than 500 px); {@link #desktop()} undoes it. Takes effect on the next page opened.
   */
  void phone(int width) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Back to the window's own size and screen media. */
  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
  }

  /** Styles the page as printed ({@code @media print}). */
  void printMedia() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Saves a full-page screenshot as target/screenshots/NAME.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      script("window.scrollTo(0, 0);");
      long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(height + 140, 4000)));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
      assertThat(file).isNotEmptyFile();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a screenshot of one element of the page (the first {@code css} matches) as target/screenshots/NAME.png. */
  Path screenshot(String name, String css) {
    try {
      Files.createDirectories(SCREENSHOTS);
      long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, (int) Math.min(height + 140, 8000)));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, find(css).getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
      assertThat(file).isNotEmptyFile();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
