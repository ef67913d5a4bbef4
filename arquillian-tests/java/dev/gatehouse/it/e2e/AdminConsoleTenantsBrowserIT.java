package dev.gatehouse.it.e2e;

import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.e2e.ConsoleUsers.SCREENSHOTS;
import static dev.gatehouse.it.e2e.ConsoleUsers.awaitEvent;
import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's tenants pages in headless Chromium: the default tenant's admin creates a tenant, maps a host to it
 * and changes one of its settings, each checked through the admin API; another tenant's admin is refused the pages.
 */
class AdminConsoleTenantsBrowserIT extends BrowserTest {

    private static final String TENANTS = "/ui/console/tenants.xhtml";
    private static final String TENANT = "/ui/console/tenant.xhtml";

    @Test
    void superAdminWhenCreatesATenantAddsAHostAndChangesASettingThenTheAdminApiSeesEach() {
        Person admin = person("", "admin");
        signIn(pages, admin);
        pages.click(By.id("nav-tenants"));
        pages.awaitPath(TENANTS);
        // the first page lists tenants in id order; in a database with many tenants the default one is further on
        pages.await(By.cssSelector("tr.tenant-row"));

        field("id", "Not An Id");
        pages.click(By.cssSelector("form[data-form='create-tenant'] input[type='submit']"));
        assertTrue(pages.await(By.cssSelector("[data-error-for='id']")).getText().contains("lower-case"),
                "the admin API's rule shows at the field");
        assertEquals("true", driver.findElement(By.cssSelector("input[data-field='id']")).getAttribute("aria-invalid"));

        String id = "console-" + UUID.randomUUID().toString().substring(0, 8);
        field("id", id);
        field("display_name", "Console tenant");
        pages.click(By.cssSelector("form[data-form='create-tenant'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Created"));
        JsonObject created = tenant(id);
        assertEquals("Console tenant", created.getString("display_name"));
        assertEquals(List.of(), hosts(created));
        assertEquals("identity", awaitEvent("event_type=tenant_created&actor_id=" + admin.id())
                .getJsonObject("actor").getString("type"), "the console user is the actor");

        pages.open(TENANTS + "?q=" + id);
        pages.await(By.cssSelector("tr.tenant-row[data-id='" + id + "']"));
        assertEquals(1, driver.findElements(By.cssSelector("tr.tenant-row")).size(), "the search finds exactly the tenant");
        screenshot("tenants");
        pages.click(By.cssSelector("tr.tenant-row[data-id='" + id + "'] a"));
        pages.awaitPath(TENANT);
        assertEquals(id, pages.await(By.id("tenant-id")).getText());

        field("host", "not a host");
        pages.click(By.cssSelector("form[data-form='add-host'] input[type='submit']"));
        assertEquals("must be a host name", pages.await(By.cssSelector("[data-error-for='host']")).getText());
        String host = id + ".console.example";
        field("host", host.toUpperCase());
        pages.click(By.cssSelector("form[data-form='add-host'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Host added"));
        pages.await(By.cssSelector("tr.host-row[data-host='" + host + "']"));
        assertEquals(List.of(host), hosts(tenant(id)));
        assertEquals(host, awaitEvent("event_type=tenant_hosts_changed&actor_id=" + admin.id())
                .getJsonObject("details").getString("added"));

        setting("password.min-length", "5000");
        pages.click(By.cssSelector("form[data-form='settings'] input[type='submit']"));
        pages.await(By.cssSelector("[data-error-for='password.min-length']"));
        assertEquals("true", driver.findElement(By.cssSelector("input[data-setting='password.min-length']")).getAttribute("aria-invalid"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, settings(id), "a refused change stores nothing");
        setting("password.min-length", "12");
        pages.click(By.cssSelector("form[data-form='settings'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        assertEquals("12", settings(id).getString("password.min-length"));
        assertEquals("password.min-length", awaitEvent("event_type=tenant_settings_changed&actor_id=" + admin.id())
                .getJsonObject("details").getString("keys"));
        screenshot("tenant");

        String remove = "form[data-action='remove-host'][data-value='" + host + "']";
        pages.click(By.cssSelector(remove + " summary"));
        pages.click(By.cssSelector(remove + " input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Host removed"));
        assertEquals(List.of(), hosts(tenant(id)));
    }

    @Test
    void tenantAdminWhenOpensTheTenantsPagesThenRefused() {
        String tenant = TestTenants.create("consoletenants");
        String prefix = "/t/" + tenant;
        Person admin = person(prefix, "admin");
        signIn(pages.within(prefix), admin);
        assertFalse(driver.findElements(By.id("nav-clients")).isEmpty(), "its own tenant's pages are in the navigation");
        assertEquals(List.of(), driver.findElements(By.id("nav-tenants")), "the tenants page is not");
        assertEquals(403, pages.status("GET", prefix + TENANTS));
        assertEquals(403, pages.status("GET", prefix + TENANT + "?id=" + tenant));
        assertEquals(403, pages.status("GET", prefix + TENANT + "?id=default"));
        assertEquals(403, pages.status("POST", prefix + TENANT + "?id=" + tenant));
        pages.open(prefix + TENANTS);
        pages.await(By.id("console-denied"));
        screenshot("tenants-denied");
    }

    @Test
    void helpdeskOfTheDefaultTenantWhenOpensTheTenantsPageThenRefused() {
        signIn(pages, person("", "helpdesk"));
        assertEquals(List.of(), driver.findElements(By.id("nav-tenants")));
        assertEquals(403, pages.status("GET", TENANTS));
        assertEquals(403, pages.status("GET", TENANT + "?id=default"));
    }

    @Test
    void auditorOfTheDefaultTenantWhenOpensATenantThenReadOnlyAndAPostIsRefused() {
        String tenant = TestTenants.create("consoleaudited", "{\"password.min-length\": 10}");
        signIn(pages, person("", "auditor"));
        pages.click(By.id("nav-tenants"));
        pages.await(By.cssSelector("tr.tenant-row"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='create-tenant']")));
        pages.open(TENANT + "?id=" + tenant);
        WebElement minLength = pages.await(By.cssSelector("input[data-setting='password.min-length']"));
        assertEquals("10", minLength.getAttribute("value"));
        assertFalse(minLength.isEnabled(), "an auditor's form is read-only");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='add-host']")));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='settings'] input[type='submit']")));
        assertEquals(403, pages.status("POST", TENANT + "?id=" + tenant));
        assertEquals(403, pages.status("POST", TENANTS));
    }

    @Test
    void formWhenCsrfTokenMissingOrForgedThenRefusedAndNothingChanges() {
        String tenant = TestTenants.create("consolecsrf");
        signIn(pages, person("", "admin"));
        pages.open(TENANT + "?id=" + tenant);
        pages.await(By.cssSelector("input[data-field='host']"));
        String host = tenant + ".csrf.example";

        assertEquals(403, postHostForm(host, "forged-" + UUID.randomUUID()));
        assertEquals(403, postHostForm(host, ""));
        assertEquals(List.of(), hosts(tenant(tenant)), "nothing changed");

        assertEquals(200, postHostForm(host, null), "the same form with its own token passes");
        assertEquals(List.of(host), hosts(tenant(tenant)));
    }

    // ---- helpers ----

    private void field(String name, String value) {
        WebElement input = pages.await(By.cssSelector("input[data-field='" + name + "']"));
        input.clear();
        input.sendKeys(value);
    }

    private void setting(String key, String value) {
        WebElement input = pages.await(By.cssSelector("input[data-setting='" + key + "']"));
        input.clear();
        input.sendKeys(value);
    }

    /** Posts the page's add-host form with {@code host}; {@code csrf} replaces its CSRF token (empty: left out) unless null. */
    private int postHostForm(String host, String csrf) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const f = document.querySelector(\"form[data-form='add-host']\");"
                        + "const d = new FormData(f);"
                        + "d.set(f.querySelector(\"input[data-field='host']\").name, arguments[0]);"
                        + "if (arguments[1] !== null) { if (arguments[1] === '') d.delete('console_csrf'); else d.set('console_csrf', arguments[1]); }"
                        // the button's name; not f.id, which is the form's input named "id"
                        + "d.set(f.getAttribute('id') + ':save', 'Add');"
                        + "fetch(f.action, {method: 'POST', body: new URLSearchParams(d), redirect: 'manual', credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(-1));", host, csrf);
        return ((Number) status).intValue();
    }

    /** The tenant as {@code GET /admin/tenants/{id}} shows it. */
    private static JsonObject tenant(String id) {
        Http.Response r = Http.get("/admin/tenants/" + id).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static List<String> hosts(JsonObject tenant) {
        return tenant.getJsonArray("hosts").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** What the tenant has set, as {@code GET /admin/tenants/{id}/settings} shows it. */
    private static JsonObject settings(String id) {
        Http.Response r = Http.get("/admin/tenants/" + id + "/settings").admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private void screenshot(String page) {
        pages.screenshot(SCREENSHOTS, page);
    }
}
