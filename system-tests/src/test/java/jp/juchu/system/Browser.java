package jp.juchu.system;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium driven by Playwright, headless; screenshots go under {@code target/walkthrough/}. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "walkthrough");

    private final Playwright playwright = Playwright.create();
    private final com.microsoft.playwright.Browser browser = playwright
            .chromium()
            .launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-background-networking")));

    Page newPage(String baseUrl) {
        var context = browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setLocale("ja-JP").setViewportSize(1280, 860));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static void screenshot(Page page, String name) {
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
