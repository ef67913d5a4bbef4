package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.WebDriver;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh headless Chromium for each test of the class that registers it
 * ({@code @RegisterExtension final Chromium chromium = new Chromium();}), closed after the test, with a screenshot
 * and the page's HTML in {@code target/e2e/} when the test failed; a test whose pages made the browser report a
 * Content-Security-Policy violation fails.
 */
final class Chromium implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

    private HeadlessChromium browser;
    private final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(this::driver);

    @Override
    public void beforeEach(ExtensionContext context) {
        browser = HeadlessChromium.start();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        screenshots.handleTestExecutionException(context, failure);
    }

    /** Closes the browser; a test whose pages broke the Content-Security-Policy fails, even if all else passed. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (browser == null) {
            return;
        }
        try {
            List<String> violations = browser.cspViolations();
            assertTrue(violations.isEmpty(), "Content-Security-Policy violations: " + violations);
        } finally {
            browser.close();
        }
    }

    /** The violations the browser reported since the last look (the check after the test sees only later ones). */
    List<String> cspViolations() {
        return browser.cspViolations();
    }

    WebDriver driver() {
        return browser == null ? null : browser.driver();
    }
}
