package jp.juchu.shop;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Playwright for browser tests: the machine's Chromium, headless, one browser per test class.
 *
 * <pre>
 * static BrowserSupport browser;
 * &#64;BeforeAll static void start() { browser = BrowserSupport.start(); }
 * &#64;AfterAll static void stop() { browser.close(); }
 * Page page = browser.newPage("http://localhost:" + port);
 * </pre>
 */
public final class BrowserSupport implements AutoCloseable {

    /** Chromium from the OS packages; Playwright's own browser download is switched off by the build. */
    public static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSupport(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static BrowserSupport start() {
        Playwright playwright = Playwright.create();
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-background-networking")));
        return new BrowserSupport(playwright, browser);
    }

    /** A fresh page in its own context (own cookies), Japanese, resolving relative URLs against {@code baseUrl}. */
    public Page newPage(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("ja-JP")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        return context.newPage();
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
