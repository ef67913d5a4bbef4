package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * When a browser test fails, keeps what the browser showed: a screenshot, the page's HTML and its URL in
 * {@code target/e2e/}, named after the test, then rethrows the failure unchanged. A failure to save is
 * attached to the test's failure, never hides it.
 */
final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

    static final Path DIRECTORY = Path.of("target", "e2e");

    private final Supplier<WebDriver> driver;

    ScreenshotOnFailure(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        WebDriver current = driver.get();
        if (current != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Files.createDirectories(DIRECTORY);
                Path png = DIRECTORY.resolve(name + ".png");
                Files.write(png, ((TakesScreenshot) current).getScreenshotAs(OutputType.BYTES));
                Files.writeString(DIRECTORY.resolve(name + ".html"),
                        "<!-- " + current.getCurrentUrl() + " -->\n" + current.getPageSource(), StandardCharsets.UTF_8);
                failure.addSuppressed(new Saved("browser at failure: " + png.toAbsolutePath() + " (and .html), URL "
                        + current.getCurrentUrl()));
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /** Points the report at the saved files. */
    private static final class Saved extends Exception {
        Saved(String message) {
            super(message, null, false, false);
        }
    }
}
