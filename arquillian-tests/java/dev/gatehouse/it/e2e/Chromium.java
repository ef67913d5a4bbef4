package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.WebDriver;

/**
 * A fresh headless Chromium for each test of the class that registers it
 * ({@code @RegisterExtension final Chromium chromium = new Chromium();}), closed after the test, with a screenshot
 * and the page's HTML in {@code target/e2e/} when the test failed.
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

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    WebDriver driver() {
        return browser == null ? null : browser.driver();
    }
}
