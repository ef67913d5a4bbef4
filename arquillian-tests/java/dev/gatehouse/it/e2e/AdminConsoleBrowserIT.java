package dev.gatehouse.it.e2e;

import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.e2e.ConsoleUsers.PASSWORD;
import static dev.gatehouse.it.e2e.ConsoleUsers.awaitEvent;
import static dev.gatehouse.it.e2e.ConsoleUsers.logIn;
import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console in headless Chromium, one role at a time: each console user signs in through Gatehouse's own
 * login page (the console is an OpenID Connect client of the token server), and what it does on a page is checked
 * through the admin API. Each page's look is kept as a screenshot in {@code target/console-screenshots/}.
 */
class AdminConsoleBrowserIT extends BrowserTest {

    private static final String IDENTITIES = ConsoleUsers.IDENTITIES;
    private static final String IDENTITY = "/ui/console/identity.xhtml";

    @Test
    void adminWhenSignsInThroughTheLoginPageThenFindsAnIdentityEditsATraitAndRevokesItsSession() {
        Person target = person("", null);
        String sessionId = ApiFlows.login("", target.email(), PASSWORD).jsonObject().getJsonObject("session").getString("id");
        Person admin = person("", "admin");

        signIn(pages, admin);
        assertEquals("admin", pages.await(By.id("console-role")).getText());
        assertEquals("identity", awaitEvent("event_type=console_sign_in&actor_id=" + admin.id()).getJsonObject("actor").getString("type"));
        assertFalse(driver.findElements(By.id("nav-clients")).isEmpty(), "an admin sees the clients page in the navigation");
        pages.type("search-q", target.email());
        pages.click(By.id("search-go"));
        WebElement row = pages.await(By.cssSelector("tr.identity-row[data-id='" + target.id() + "'] a"));
        assertEquals(1, driver.findElements(By.cssSelector("tr.identity-row")).size(), "the search finds exactly the identity");
        screenshot("identities");
        row.click();
        pages.awaitPath(IDENTITY);
        assertEquals(target.id(), pages.await(By.id("identity-id")).getText());
        screenshot("identity");

        WebElement first = pages.await(By.cssSelector("input[data-trait='name.first']"));
        first.clear();
        first.sendKeys("Renamed");
        pages.click(By.cssSelector("form[data-form='traits'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        JsonObject traits = Http.get("/admin/identities/" + target.id()).admin().send().jsonObject().getJsonObject("traits");
        assertEquals("Renamed", traits.getJsonObject("name").getString("first"));
        assertEquals(target.email(), traits.getString("email"));
        JsonObject updated = awaitEvent("event_type=identity_updated&actor_id=" + admin.id());
        assertEquals("identity", updated.getJsonObject("actor").getString("type"), "the console user is the actor: " + updated);

        WebElement last = pages.await(By.cssSelector("input[data-trait='name.last']"));
        last.sendKeys("x".repeat(101));
        pages.click(By.cssSelector("form[data-form='traits'] input[type='submit']"));
        assertTrue(pages.await(By.cssSelector("[data-error-for='name.last']")).getText().contains("100"),
                "the schema's complaint (at most 100 characters) shows at the field");
        assertEquals("true", driver.findElement(By.cssSelector("input[data-trait='name.last']")).getAttribute("aria-invalid"));
        assertFalse(Http.get("/admin/identities/" + target.id()).admin().send().jsonObject()
                .getJsonObject("traits").getJsonObject("name").containsKey("last"), "a refused change changes nothing");

        pages.open(IDENTITY + "?id=" + target.id());
        String form = "form[data-action='revoke-session'][data-value='" + sessionId + "']";
        pages.click(By.cssSelector(form + " summary"));
        pages.click(By.cssSelector(form + " input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Revoked"));
        assertFalse(Http.get("/admin/sessions/" + sessionId).admin().send().jsonObject().getBoolean("active"),
                "the admin API sees the session revoked");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action='delete-credential']")),
                "a password that is the only first factor offers no delete");

        pages.click(By.cssSelector("form[data-form='recovery'] input[type='submit']"));
        assertTrue(pages.await(By.id("recovery-code")).getText().matches("\\d{6,}"), "a code to hand over");
        assertTrue(driver.findElement(By.id("recovery-link")).getText().contains("/self-service/recovery?flow="));
        assertEquals("recovery_sent", awaitEvent("event_type=recovery_sent&actor_id=" + admin.id()).getString("event_type"));

        new Select(pages.await(By.cssSelector("form[data-form='traits'] select"))).selectByValue("inactive");
        pages.click(By.cssSelector("form[data-form='traits'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        assertEquals("inactive", Http.get("/admin/identities/" + target.id()).admin().send().jsonObject().getString("state"));
    }

    @Test
    void helpdeskWhenSignsInThenOpensIdentitiesButNotTheClientsPage() {
        Person helpdesk = person("", "helpdesk");
        signIn(pages, helpdesk);
        assertEquals(List.of(), driver.findElements(By.id("nav-clients")), "the navigation leaves out what the role may not open");
        pages.click(By.cssSelector(".languages a[lang='ru']"));
        pages.until(ExpectedConditions.textToBe(By.tagName("h1"), "Учётные записи"));
        pages.click(By.cssSelector(".languages a[lang='zh']"));
        pages.until(ExpectedConditions.textToBe(By.tagName("h1"), "身份"));
        pages.click(By.cssSelector(".languages a[lang='en']"));
        pages.until(ExpectedConditions.textToBe(By.tagName("h1"), "Identities"));
        assertEquals(403, status("GET", "/ui/console/clients.xhtml"));
        awaitEvent("event_type=console_access_denied&actor_id=" + helpdesk.id());
        pages.open("/ui/console/clients.xhtml");
        pages.await(By.id("console-denied"));
        screenshot("denied");
    }

    @Test
    void adminWhenOpensClientsThenShown() {
        signIn(pages, person("", "admin"));
        pages.click(By.id("nav-clients"));
        pages.awaitPath("/ui/console/clients.xhtml");
        assertEquals("page", pages.await(By.id("nav-clients")).getAttribute("aria-current"));
        screenshot("clients");
    }

    @Test
    void auditorWhenOpensAnIdentityThenTheFormIsReadOnlyAndAPostIsRefused() {
        Person target = person("", null);
        signIn(pages, person("", "auditor"));
        pages.open(IDENTITY + "?id=" + target.id());
        assertFalse(pages.await(By.cssSelector("input[data-trait='email']")).isEnabled(), "an auditor's form is read-only");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='traits'] input[type='submit']")));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action]")), "no action buttons for an auditor");

        Answer refused = postTraitsForm("email", "changed-by-auditor@example.test", null);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(target.email(), Http.get("/admin/identities/" + target.id()).admin().send().jsonObject()
                .getJsonObject("traits").getString("email"));
    }

    @Test
    void formWhenCsrfTokenMissingOrForgedThenRefusedAndNothingChanges() {
        Person target = person("", null);
        signIn(pages, person("", "admin"));
        pages.open(IDENTITY + "?id=" + target.id());
        pages.await(By.cssSelector("input[data-trait='email']"));

        Answer forged = postTraitsForm("name.first", "Forged", "forged-" + UUID.randomUUID());
        assertEquals(403, forged.status(), forged.toString());
        Answer missing = postTraitsForm("name.first", "Forged", "");
        assertEquals(403, missing.status(), missing.toString());
        Answer tampered = postTraitsForm("name.first", "Forged", null, "jakarta.faces.ViewState", "tampered");
        assertEquals(403, tampered.status(), "a forged view state is refused: " + tampered);
        JsonObject traits = Http.get("/admin/identities/" + target.id()).admin().send().jsonObject().getJsonObject("traits");
        assertFalse(traits.containsKey("name"), "nothing changed: " + traits);

        Answer genuine = postTraitsForm("name.first", "Genuine", null);
        assertEquals(200, genuine.status(), "the same form with its own token passes: " + genuine);
        JsonObject after = Http.get("/admin/identities/" + target.id()).admin().send().jsonObject().getJsonObject("traits");
        assertTrue(after.containsKey("name"), genuine.toString());
        assertEquals("Genuine", after.getJsonObject("name").getString("first"));
    }

    @Test
    void tenantAdminWhenAsksForAnotherTenantsIdentityThenNotFoundAndNotSignedInThere() {
        Person elsewhere = person("", null);
        String tenant = TestTenants.create("console");
        String prefix = "/t/" + tenant;
        Person admin = person(prefix, "admin");
        Pages tenantPages = pages.within(prefix);
        signIn(tenantPages, admin);
        assertEquals(404, status("GET", prefix + IDENTITY + "?id=" + elsewhere.id()));
        assertEquals(200, status("GET", prefix + IDENTITY + "?id=" + admin.id()));

        pages.open(IDENTITIES);
        pages.awaitPath("/ui/selfservice/login.xhtml");
    }

    @Test
    void identityWhenNoConsoleRoleThenSignedInNowhere() {
        Person nobody = person("", null);
        pages.open(IDENTITIES);
        logIn(pages, nobody);
        pages.await(By.id("console-denied"));
        assertEquals(401, status("POST", IDENTITIES));
        assertTrue(status("GET", "/ui//console/identities.xhtml") != 200, "no other spelling of the path opens a console page");
    }

    // ---- helpers ----

    /** What a form post got back. */
    private record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) : body);
        }
    }

    private int status(String method, String path) {
        return ConsoleUsers.status(driver, method, path);
    }

    /**
     * Posts the traits form on the page with one trait changed and the save button pressed; {@code csrf} replaces the
     * form's CSRF token (empty: left out) unless null; more name/value pairs replace fields too.
     */
    private Answer postTraitsForm(String trait, String value, String csrf, String... replaced) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const f = document.querySelector(\"form[data-form='traits']\");"
                        + "const d = new FormData(f);"
                        + "const input = f.querySelector(\"input[data-trait='\" + arguments[0] + \"']\");"
                        + "d.set(input.name, arguments[1]);"
                        + "f.querySelectorAll('input[disabled]').forEach(i => d.set(i.name, i.value));"
                        + "if (arguments[2] !== null) { if (arguments[2] === '') d.delete('console_csrf'); else d.set('console_csrf', arguments[2]); }"
                        + "const more = arguments[3]; for (let i = 0; i < more.length; i += 2) d.set(more[i], more[i + 1]);"
                        // the save button's name; not f.id, which is the form's input named "id"
                        + "d.set(f.getAttribute('id') + ':save', 'Save');"
                        + "fetch(f.action, {method: 'POST', body: new URLSearchParams(d), redirect: 'manual', credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done([r.status, t])), e => done([-1, String(e)]));", trait, value, csrf, List.of(replaced));
        List<?> answer = (List<?>) status;
        return new Answer(((Number) answer.get(0)).intValue(), answer.get(1).toString());
    }

    private void screenshot(String page) {
        ConsoleUsers.screenshot(driver, page);
    }

}
