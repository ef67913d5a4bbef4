package dev.gatehouse.it.e2e;

import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static dev.gatehouse.it.e2e.ConsoleUsers.PASSWORD;
import static dev.gatehouse.it.e2e.ConsoleUsers.awaitEvent;
import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity pages' sign-in lockouts, credential last use and search by trait in headless Chromium, checked through
 * the admin API.
 */
class AdminConsoleIdentityExtrasBrowserIT extends BrowserTest {

    private static final String IDENTITY = "/ui/console/identity.xhtml";

    @Test
    void helpdeskWhenIdentityLockedOutThenSeesTheLockAndTheLastUseAndClearsTheLock() {
        Person target = person("", null);
        assertEquals(200, ApiFlows.login("", target.email(), PASSWORD).status());
        lockOut(target);
        Person helpdesk = person("", "helpdesk");

        signIn(pages, helpdesk);
        pages.open(IDENTITY + "?id=" + target.id());
        WebElement lock = pages.await(By.cssSelector("tr.lockout-row[data-kind='identifier']"));
        assertTrue(lock.getText().contains(target.email()), lock.getText());
        String lastUsed = Http.get("/admin/identities/" + target.id()).admin().send().jsonObject().getJsonObject("credentials")
                .getJsonObject("password").getString("last_used_at");
        assertEquals(lastUsed, driver.findElement(By.cssSelector("tr.credential-row[data-type='password'] td.last-used")).getText());
        pages.script("arguments[0].scrollIntoView();", lock);
        screenshot("identity-lockouts");

        pages.click(By.cssSelector("form[data-action='clear-lockouts'] summary"));
        pages.click(By.cssSelector("form[data-action='clear-lockouts'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Lockouts cleared"));
        pages.await(By.id("lockouts-empty"));
        assertEquals(0, Http.get("/admin/identities/" + target.id() + "/lockouts").admin().send().json().asJsonArray().size());
        assertEquals("identity", awaitEvent("event_type=admin_change&actor_id=" + helpdesk.id()).getJsonObject("actor").getString("type"));
        assertEquals(200, ApiFlows.login("", target.email(), PASSWORD).status(), "the person signs in again");
    }

    @Test
    void auditorWhenIdentityLockedOutThenSeesTheLockButNoWayToClearIt() {
        Person target = person("", null);
        lockOut(target);

        signIn(pages, person("", "auditor"));
        pages.open(IDENTITY + "?id=" + target.id());
        pages.await(By.cssSelector("tr.lockout-row[data-kind='identifier']"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action='clear-lockouts']")));
        assertEquals("never", driver.findElement(By.cssSelector("tr.credential-row[data-type='password'] td.last-used")).getText(),
                "wrong passwords are no use");
        assertEquals(1, Http.get("/admin/identities/" + target.id() + "/lockouts").admin().send().json().asJsonArray().size());
    }

    @Test
    void adminWhenSearchesByTraitThenFindsThisTenantsMatchesIgnoringCaseOnePageAtATime() {
        String prefix = "Kb" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 21; i++) {
            named("", prefix + i);
        }
        String tenant = TestTenants.create("traits");
        String elsewhere = named("/t/" + tenant, prefix + "x");
        String other = named("", "Other" + prefix);

        signIn(pages, person("", "admin"));
        pages.type("search-trait", "first");
        pages.type("search-q", prefix.toLowerCase(Locale.ROOT));
        pages.click(By.id("search-go"));
        pages.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.identity-row"), 20));
        screenshot("identities-by-trait");
        pages.click(By.id("page-next"));
        pages.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.identity-row"), 1));
        assertTrue(driver.getCurrentUrl().contains("trait=first"), driver.getCurrentUrl());
        assertEquals(List.of(), driver.findElements(By.cssSelector("tr.identity-row[data-id='" + elsewhere + "']")));
        assertEquals(List.of(), driver.findElements(By.cssSelector("tr.identity-row[data-id='" + other + "']")), "a prefix, not a part");

        pages.type("search-trait", "first");
        pages.type("search-q", prefix.substring(0, 2) + "%");
        pages.click(By.id("search-go"));
        pages.await(By.id("list-empty"));
    }

    /** An identity without credentials whose first name is {@code first}. */
    private static String named(String tenantPrefix, String first) {
        var body = Json.createObjectBuilder().add("schema_id", "default").add("traits", Json.createObjectBuilder()
                .add("email", "trait-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test")
                .add("name", Json.createObjectBuilder().add("first", first)));
        Http.Response created = Http.post(tenantPrefix + "/admin/identities").admin().json(body.build().toString()).send();
        assertEquals(201, created.status(), created.toString());
        return created.jsonObject().getString("id");
    }

    private static void lockOut(Person who) {
        for (int i = 0; i < 5; i++) {
            assertEquals(400, ApiFlows.login("", who.email(), "wrong password " + i).status());
        }
        assertFalse(Http.get("/admin/identities/" + who.id() + "/lockouts").admin().send().json().asJsonArray().isEmpty());
    }

    private void screenshot(String page) {
        ConsoleUsers.screenshot(driver, page);
    }
}
