package dev.gatehouse.it.e2e;

import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.TestBrowser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.gatehouse.it.e2e.ConsoleUsers.SCREENSHOTS;
import static dev.gatehouse.it.e2e.ConsoleUsers.awaitEvent;
import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's OAuth2 clients and signing keys pages in headless Chromium: what an admin does there is checked
 * through the admin API and the token endpoint, what the other roles may not do is refused.
 */
class AdminConsoleClientsBrowserIT extends BrowserTest {

    private static final String CLIENTS = "/ui/console/clients.xhtml";
    private static final String KEYS = "/ui/console/keys.xhtml";
    private static final String ID_TOKEN_SET = "hydra.openid.id-token";

    @Test
    void adminWhenRegistersRotatesAndDeletesAClientThenTheSecretIsShownOnceAndOnlyTheNewOneWorks() {
        Person admin = person("", "admin");
        signIn(pages, admin);
        pages.click(By.id("nav-clients"));
        pages.awaitPath(CLIENTS);

        String refusedId = "console-refused-" + UUID.randomUUID().toString().substring(0, 8);
        field("client_id", refusedId);
        field("grant_types", "authorization_code");
        pages.click(By.cssSelector("form[data-form='create-client'] input[type='submit']"));
        assertTrue(pages.await(By.cssSelector("[data-error-for='redirect_uris']")).getText().contains("redirect URI"),
                "the parser's complaint shows at the field");
        assertEquals("true", driver.findElement(By.cssSelector("input[data-field='redirect_uris']")).getAttribute("aria-invalid"));
        assertEquals(404, Http.get("/admin/clients/" + refusedId).admin().send().status(), "a refused form registers nothing");

        field("client_id", "");
        field("grant_types", "client_credentials");
        field("client_name", "Console client");
        pages.click(By.cssSelector("form[data-form='create-client'] input[type='submit']"));
        String id = pages.await(By.id("shown-client-id")).getText();
        String secret = driver.findElement(By.id("shown-client-secret")).getText();
        screenshot("clients-secret");
        JsonObject stored = Http.get("/admin/clients/" + id).admin().send().jsonObject();
        assertEquals("Console client", stored.getString("client_name"));
        assertEquals(List.of("client_credentials"), stored.getJsonArray("grant_types").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertEquals("identity", awaitEvent("event_type=oauth2_client_created&actor_id=" + admin.id())
                .getJsonObject("actor").getString("type"), "the console user is the actor");
        assertEquals(200, token(id, secret).status());

        pages.open(CLIENTS + "?q=" + id);
        pages.click(By.cssSelector("tr.client-row[data-id='" + id + "'] a"));
        pages.awaitPath("/ui/console/client.xhtml");
        field("grant_types", "client_credentials nonsense");
        pages.click(By.cssSelector("form[data-form='edit-client'] input[type='submit']"));
        assertTrue(pages.await(By.cssSelector("[data-error-for='grant_types']")).getText().contains("nonsense"));
        field("grant_types", "client_credentials");
        field("client_name", "Renamed client");
        pages.click(By.cssSelector("form[data-form='edit-client'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        screenshot("client");
        assertEquals("Renamed client", Http.get("/admin/clients/" + id).admin().send().jsonObject().getString("client_name"));
        awaitEvent("event_type=oauth2_client_updated&actor_id=" + admin.id());
        assertEquals(200, token(id, secret).status(), "an edit keeps the secret");

        pages.open(CLIENTS + "?q=" + id);
        pages.await(By.cssSelector("tr.client-row[data-id='" + id + "']"));
        assertEquals(List.of(), driver.findElements(By.id("shown-client-secret")), "the secret is not shown again");
        assertFalse(driver.getPageSource().contains(secret));
        screenshot("clients");

        confirm("rotate-secret", id);
        String rotated = pages.await(By.id("shown-client-secret")).getText();
        assertNotEquals(secret, rotated);
        assertEquals(401, token(id, secret).status(), "the old secret is refused");
        assertEquals(200, token(id, rotated).status(), "the new secret works");

        pages.open(CLIENTS + "?q=" + id);
        confirm("delete-client", id);
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted"));
        assertEquals(404, Http.get("/admin/clients/" + id).admin().send().status());
    }

    @Test
    void adminWhenRevokesASubjectsConsentThenTheAdminApiListsItNoMore() {
        String subject = "console-consent-" + UUID.randomUUID();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        TestBrowser browser = new TestBrowser();
        String login = Authorizations.loginChallenge(browser, Authorizations.request(client));
        String consent = Authorizations.consentChallenge(browser,
                Authorizations.acceptLogin(login, "{\"subject\":\"" + subject + "\",\"remember\":true}"));
        browser.get(Authorizations.acceptConsent(consent, "{\"grant_scope\":[\"openid\"],\"remember\":true,\"remember_for\":0}"));
        assertEquals(1, consents(subject).size());

        Person admin = person("", "admin");
        signIn(pages, admin);
        pages.open(CLIENTS);
        pages.type("consent-subject", subject);
        pages.click(By.id("consent-go"));
        pages.await(By.cssSelector("tr.consent-row[data-client='" + client.id() + "']"));
        screenshot("consents");
        confirm("revoke-consent", client.id());
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Revoked"));
        assertEquals(List.of(), consents(subject));
        assertEquals("identity", awaitEvent("event_type=oauth2_consent_revoked&actor_id=" + admin.id())
                .getJsonObject("actor").getString("type"));
    }

    @Test
    void adminWhenRotatesAKeySetAndRetiresTheOldKeyThenTheAdminApiSeesBoth() {
        String tenant = TestTenants.create("consolekeys");
        String prefix = "/t/" + tenant;
        Pages tenantPages = pages.within(prefix);
        signIn(tenantPages, person(prefix, "admin"));
        assertEquals(200, Http.get("/admin/clients/demo-confidential").admin().send().status());
        assertEquals(404, pages.status("GET", prefix + "/ui/console/client.xhtml?id=demo-confidential"),
                "another tenant's client is not found");
        assertEquals(404, pages.status("GET", prefix + "/ui/console/client.xhtml?id=no-such-client"));
        Set<String> before = kids(prefix);
        assertEquals(1, before.size(), "signing in made the set's first key: " + before);
        tenantPages.open(KEYS);
        String set = "section.key-set[data-set='" + ID_TOKEN_SET + "']";
        pages.await(By.cssSelector(set + " tr.key-row[data-state='active']"));
        pages.click(By.cssSelector(set + " form[data-action='rotate-keys'] summary"));
        pages.click(By.cssSelector(set + " form[data-action='rotate-keys'] input[type='submit']"));
        pages.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(set + " tr.key-row"), 2));

        Set<String> after = kids(prefix);
        String old = before.iterator().next();
        String added = after.stream().filter(k -> !before.contains(k)).findFirst().orElseThrow(() -> new AssertionError(after.toString()));
        assertTrue(after.contains(old), "the old key keeps verifying: " + after);
        assertEquals("active", driver.findElement(By.cssSelector("tr.key-row[data-kid='" + added + "']")).getAttribute("data-state"));
        assertEquals("retiring", driver.findElement(By.cssSelector("tr.key-row[data-kid='" + old + "']")).getAttribute("data-state"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action='retire-key'][data-value='" + added + "']")),
                "the signing key offers no retirement");
        screenshot("keys");

        pages.click(By.cssSelector("form[data-action='retire-key'][data-value='" + old + "'] summary"));
        pages.click(By.cssSelector("form[data-action='retire-key'][data-value='" + old + "'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Retired"));
        assertEquals(Set.of(added), kids(prefix));
        assertEquals(404, Http.get(prefix + "/admin/keys/" + ID_TOKEN_SET + "/" + old).admin().send().status());
    }

    @Test
    void helpdeskWhenOpensClientsOrKeysThenRefused() {
        signIn(pages, person("", "helpdesk"));
        assertEquals(List.of(), driver.findElements(By.id("nav-keys")));
        assertEquals(403, pages.status("GET", CLIENTS));
        assertEquals(403, pages.status("GET", KEYS));
    }

    @Test
    void auditorWhenOpensClientsAndKeysThenReadOnlyAndAPostIsRefused() {
        Http.Response client = Http.post("/admin/clients").admin()
                .json("{\"client_name\":\"audited\",\"grant_types\":[\"client_credentials\"]}").send();
        assertEquals(201, client.status(), client.toString());
        String id = client.jsonObject().getString("client_id");
        signIn(pages, person("", "auditor"));
        pages.open(CLIENTS + "?q=" + id);
        pages.await(By.cssSelector("tr.client-row[data-id='" + id + "']"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action]")), "no action buttons for an auditor");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='create-client']")));
        pages.open("/ui/console/client.xhtml?id=" + id);
        assertFalse(pages.await(By.cssSelector("input[data-field='client_name']")).isEnabled(), "an auditor's form is read-only");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='edit-client'] input[type='submit']")));
        pages.open(KEYS);
        pages.await(By.cssSelector("tr.key-row"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action]")));
        Set<String> kids = kids("");

        assertEquals(403, pages.status("POST", KEYS));
        assertEquals(403, pages.status("POST", CLIENTS));
        assertEquals(kids, kids(""), "nothing changed");
        assertEquals(200, Http.get("/admin/clients/" + id).admin().send().status());
    }

    // ---- helpers ----

    private void field(String name, String value) {
        WebElement input = pages.await(By.cssSelector("input[data-field='" + name + "']"));
        input.clear();
        input.sendKeys(value);
    }

    /** Opens a row's confirmation and confirms it. */
    private void confirm(String action, String value) {
        String form = "form[data-action='" + action + "'][data-value='" + value + "']";
        pages.click(By.cssSelector(form + " summary"));
        pages.click(By.cssSelector(form + " input[type='submit']"));
    }

    /** The kids of the tenant's ID-token key set, as the admin API lists them. */
    private static Set<String> kids(String prefix) {
        Http.Response r = Http.get(prefix + "/admin/keys/" + ID_TOKEN_SET).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid"))
                .collect(Collectors.toSet());
    }

    /** The subject's consent sessions, as the admin API lists them. */
    private static List<JsonObject> consents(String subject) {
        Http.Response r = Http.get("/admin/oauth2/auth/sessions/consent?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8))
                .admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.json().asJsonArray().getValuesAs(JsonObject.class);
    }

    /** A client_credentials token request with HTTP Basic client authentication. */
    private static Http.Response token(String id, String secret) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return Http.post("/oauth2/token").header("Authorization", "Basic " + basic)
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)).send();
    }

    private void screenshot(String page) {
        pages.screenshot(SCREENSHOTS, page);
    }
}
