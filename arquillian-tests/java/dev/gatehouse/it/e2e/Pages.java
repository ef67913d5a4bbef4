package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.ItServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the browser tests do on Gatehouse's pages: open, wait, type, click, read, and the sign-out and signed-in checks. */
final class Pages {

    static final String SESSION_COOKIE = "gatehouse_session";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    /** The tenant's path prefix ({@code /t/{id}}) every path here is under; empty for the default tenant. */
    private final String prefix;

    Pages(WebDriver driver) {
        this(driver, "");
    }

    private Pages(WebDriver driver, String prefix) {
        this.driver = driver;
        this.prefix = prefix;
    }

    /** The status of a request the browser makes with its cookies (what a page would get), not following redirects. */
    int status(String method, String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: arguments[1], redirect: 'manual', credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(-1));", path, method);
        return ((Number) status).intValue();
    }

    /** Keeps what the browser shows as {@code name}.png in {@code folder}. */
    void screenshot(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same pages of the tenant at {@code prefix} ({@code /t/{id}}). */
    Pages within(String prefix) {
        return new Pages(driver, prefix);
    }

    void open(String path) {
        driver.get(ItServer.get().uri(prefix + path).toString());
    }

    void click(By by) {
        await(by).click();
    }

    WebElement await(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits for a condition, reading the page again when a navigation replaced the element looked at (Chromium says
     * so as a stale element, or, caught mid-navigation, as a node that "does not belong to the document").
     */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Waits until the browser shows a page of this server at this path (after any redirects). */
    void awaitPath(String path) {
        String expected = prefix + path;
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + expected + ", browser is at " + driver.getCurrentUrl())
                .until(d -> expected.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    String flowId() {
        String query = URI.create(driver.getCurrentUrl()).getQuery();
        assertNotNull(query, driver.getCurrentUrl());
        for (String pair : query.split("&")) {
            if (pair.startsWith("flow=")) {
                return pair.substring("flow=".length());
            }
        }
        throw new AssertionError("no flow in " + driver.getCurrentUrl());
    }

    void type(String inputId, String text) {
        WebElement input = await(By.id(inputId));
        input.clear();
        input.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Chromium's virtual authenticator as a device's built-in one (CTAP2, resident keys, the person verified), which
     * holds passkeys; removed again with {@link HasVirtualAuthenticator#removeVirtualAuthenticator}.
     */
    VirtualAuthenticator addPlatformAuthenticator() {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    /** Signs up on the registration page with {@code email} and the passkey the browser makes for it, no password. */
    void signUpWithPasskey(String email) {
        open("/self-service/registration/browser");
        awaitPath("/ui/selfservice/registration.xhtml");
        type("node-traits-email", email);
        driver.findElement(By.cssSelector("[data-group='passkey'] #node-method-passkey")).click();
        click(By.id("node-passkey_register_trigger"));
    }

    void signOut() {
        click(By.id("logout"));
        awaitPath("/ui/selfservice/welcome.xhtml");
        await(By.id("signed-out"));
        assertNull(driver.manage().getCookieNamed(SESSION_COOKIE), "session cookie removed");
    }

    void assertSignedInAs(String email) {
        awaitPath("/ui/selfservice/welcome.xhtml");
        WebElement who = await(By.id("signed-in-as"));
        assertTrue(who.getText().contains(email), who.getText());
    }
}
