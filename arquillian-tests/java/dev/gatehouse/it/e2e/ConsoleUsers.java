package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixture for console browser tests: identities with a console role made through the admin API (in the tenant at a
 * prefix, {@code ""} for the default one), signing them in on
 * Gatehouse's login page, what the audit log recorded, the status a page request gets with the browser's cookies,
 * and a screenshot per page in {@code target/console-screenshots/}.
 */
final class ConsoleUsers {

    static final String PASSWORD = "a console browser passphrase 7";
    static final String IDENTITIES = "/ui/console/identities.xhtml";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private ConsoleUsers() {
    }

    record Person(String id, String email) {
    }

    /** An identity of the default tenant with a password and, unless null, a console role. */
    static Person person(String role) {
        return person("", role);
    }

    /** An identity of the tenant at {@code prefix} with a password and, unless null, a console role. */
    static Person person(String prefix, String role) {
        String email = "console-" + (role == null ? "user" : role) + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        var body = Json.createObjectBuilder().add("schema_id", "default")
                .add("traits", Json.createObjectBuilder().add("email", email))
                .add("credentials", Json.createObjectBuilder().add("password", Json.createObjectBuilder()
                        .add("config", Json.createObjectBuilder().add("password", PASSWORD))));
        if (role != null) {
            body.add("metadata_admin", Json.createObjectBuilder().add("console_role", role));
        }
        Http.Response created = Http.post(prefix + "/admin/identities").admin().json(body.build().toString()).send();
        assertEquals(201, created.status(), created.toString());
        return new Person(created.jsonObject().getString("id"), email);
    }

    /** Opens the console anonymously, signs in on Gatehouse's login page and lands on the identities page. */
    static void signIn(Pages on, Person who) {
        on.open(IDENTITIES);
        logIn(on, who);
        on.awaitPath(IDENTITIES);
    }

    /** Signs in on Gatehouse's login page, where the console sent the browser. */
    static void logIn(Pages on, Person who) {
        on.awaitPath("/ui/selfservice/login.xhtml");
        on.type("node-identifier", who.email());
        on.type("node-password", PASSWORD);
        on.click(By.id("node-method-password"));
    }

    /** The first audit event of the query, once the writer has moved it there (it does within a moment). */
    static JsonObject awaitEvent(String query) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            Http.Response r = Http.get("/admin/audit/events?" + query).admin().send();
            assertEquals(200, r.status(), r.toString());
            var events = r.jsonObject().getJsonArray("events");
            if (!events.isEmpty()) {
                return events.getJsonObject(0);
            }
            assertTrue(Instant.now().isBefore(deadline), "no audit event for " + query);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The status of a request the browser makes with its cookies (what a page would get). */
    static int status(WebDriver driver, String method, String path) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: arguments[1], redirect: 'manual', credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(-1));", path, method);
        return ((Number) status).intValue();
    }

    static void screenshot(WebDriver driver, String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
