package dev.gatehouse.it.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.OutboxRows;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gatehouse.it.e2e.ConsoleUsers.awaitEvent;
import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.screenshot;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's access-rule and courier pages in headless Chromium: an admin writes and edits a database rule (checked
 * through {@code GET /admin/rules/{id}}), reads its history as a diff, tries requests against the rules without
 * anything reaching the upstream, and retries an abandoned message (checked through the courier admin API); a helpdesk
 * user may open neither page, an auditor reads them and changes nothing.
 */
class AdminConsoleRulesBrowserIT extends BrowserTest {

    private static final String RULES = "/ui/console/rules.xhtml";
    private static final String RULE = "/ui/console/rule.xhtml";
    private static final String TRIAL = "/ui/console/rule-trial.xhtml";
    private static final String COURIER = "/ui/console/courier.xhtml";

    @Test
    void adminWhenWritesAndEditsADatabaseRuleThenTheAdminApiSeesItAndTheHistoryShowsTheChange() {
        String host = host();
        String id = "console-" + UUID.randomUUID();
        signIn(pages, person("admin"));
        pages.click(By.id("nav-rules"));
        pages.awaitPath(RULES);
        screenshot(driver, "rules");

        pages.click(By.id("rule-new"));
        pages.awaitPath(RULE);
        enterRule(rule(id, host, "allow", null));
        submit(By.cssSelector("form[data-form='rule'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBe(By.id("rule-id"), id));
        JsonObject created = Http.get("/admin/rules/" + id).admin().send().jsonObject();
        assertEquals(1, created.getInt("revision"));
        assertEquals("allow", created.getJsonObject("rule").getJsonObject("authorizer").getString("handler"));

        enterRule(rule(id, host, "allow", "written in the console"));
        submit(By.cssSelector("form[data-form='rule'] input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved"));
        JsonObject edited = Http.get("/admin/rules/" + id).admin().send().jsonObject();
        assertEquals(2, edited.getInt("revision"));
        assertEquals("written in the console", edited.getJsonObject("rule").getString("description"));

        enterRule(rule(id, host, "telepathy", "refused"));
        submit(By.cssSelector("form[data-form='rule'] input[type='submit']"));
        WebElement error = pages.await(By.cssSelector("[data-error-for='json']"));
        assertTrue(error.getText().contains("authorizer"), "the admin API's complaint, at the text area: " + error.getText());
        assertEquals("true", driver.findElement(By.cssSelector("textarea[data-field='json']")).getAttribute("aria-invalid"));
        enterRule("{\"id\": ");
        submit(By.cssSelector("form[data-form='rule'] input[type='submit']"));
        pages.await(By.cssSelector("[data-error-for='json']"));
        JsonObject unchanged = Http.get("/admin/rules/" + id).admin().send().jsonObject();
        assertEquals(2, unchanged.getInt("revision"), "a refused edit changes nothing: " + unchanged);
        assertEquals("written in the console", unchanged.getJsonObject("rule").getString("description"));

        pages.open(RULES + "?q=" + id);
        WebElement row = pages.await(By.cssSelector("tr.rule-row[data-id='" + id + "']"));
        assertEquals("database", row.getAttribute("data-source"));
        assertEquals(1, driver.findElements(By.cssSelector("tr.rule-row")).size(), "the search finds the rule by its id");
        row.findElement(By.tagName("a")).click();
        pages.awaitPath(RULE);
        assertEquals(2, driver.findElements(By.cssSelector("tr.version-row")).size());
        pages.click(By.cssSelector("tr.version-row[data-revision='1'] a.compare"));
        List<String> added = pages.await(By.id("diff")).findElements(By.cssSelector("[data-change='added']")).stream()
                .map(WebElement::getText).toList();
        assertTrue(added.stream().anyMatch(l -> l.contains("written in the console")), "the diff shows the added description: " + added);
        screenshot(driver, "rule");
    }

    @Test
    void tryRequestWhenRuleAllowsOrDeniesThenTheMatchingRuleVerdictsAndUpstreamHeadersAndTheUpstreamGetsNothing() throws IOException {
        AtomicInteger upstreamRequests = new AtomicInteger();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        upstream.createContext("/", exchange -> {
            upstreamRequests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        upstream.start();
        try {
            String host = host();
            String allowId = "trial-allow-" + UUID.randomUUID();
            String denyId = "trial-deny-" + UUID.randomUUID();
            String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
            create(ruleWithUpstream(allowId, host, "/items/<.*>", "allow", upstreamUrl));
            create(ruleWithUpstream(denyId, host, "/secret/<.*>", "deny", upstreamUrl));

            signIn(pages, person("admin"));
            pages.open(RULES);
            pages.click(By.id("rule-trial"));
            pages.awaitPath(TRIAL);
            tryRequest("GET", "http://" + host + "/items/1", "X-Trace: t-1\nX-User: forged");
            awaitMatched(allowId);
            assertEquals("allowed", driver.findElement(By.id("trial-result")).getAttribute("data-outcome"));
            assertEquals(List.of("authenticators anonymous passed", "authorizers allow passed", "mutators header passed"), steps());
            WebElement user = driver.findElement(By.cssSelector("tr.upstream-header[data-name='X-User']"));
            assertEquals("true", user.getAttribute("data-mutated"));
            assertTrue(user.getText().contains("anonymous"), "the mutator's header replaces the request's: " + user.getText());
            assertEquals(1, driver.findElements(By.cssSelector("tr.upstream-header[data-name='X-User']")).size());
            assertTrue(driver.findElement(By.cssSelector("tr.upstream-header[data-name='X-Trace']")).getText().contains("t-1"));
            screenshot(driver, "rule-trial");

            tryRequest("GET", "http://" + host + "/secret/1", "");
            awaitMatched(denyId);
            assertEquals("denied", driver.findElement(By.id("trial-result")).getAttribute("data-outcome"));
            assertEquals(List.of("authenticators anonymous passed", "authorizers deny denied"), steps());
            assertTrue(driver.findElement(By.id("trial-denial")).getText().startsWith("403"));
            assertEquals(List.of(), driver.findElements(By.id("upstream-headers")));

            tryRequest("GET", "http://" + host + "/elsewhere", "");
            pages.until(ExpectedConditions.attributeToBe(By.id("trial-matched"), "data-count", "0"));
            tryRequest("GET", "/items/1", "");
            assertFalse(pages.await(By.cssSelector("[data-error-for='url']")).getText().isEmpty());
            tryRequest("GET", "http://" + host + "/items/1", "no colon");
            pages.await(By.cssSelector("[data-error-for='headers']"));

            assertEquals(0, upstreamRequests.get(), "trying a request sends nothing to the upstream");
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void courierWhenAdminRetriesAnAbandonedMessageThenItIsQueuedAgainAndAudited() throws SQLException {
        String recipient = "abandoned-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String messageId = abandonedMessage(recipient);
        Person admin = person("admin");
        signIn(pages, admin);
        pages.click(By.id("nav-courier"));
        pages.awaitPath(COURIER);
        pages.type("search-q", recipient);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status-filter"))).selectByValue("abandoned");
        submit(By.id("search-go"));
        WebElement row = pages.await(By.cssSelector("tr.message-row[data-id='" + messageId + "']"));
        assertEquals("abandoned", row.getAttribute("data-status"));
        assertEquals(1, driver.findElements(By.cssSelector("tr.message-row")).size(), "filtered by status and recipient");
        screenshot(driver, "courier");

        String form = "form[data-action='retry-message'][data-value='" + messageId + "']";
        pages.click(By.cssSelector(form + " summary"));
        pages.click(By.cssSelector(form + " input[type='submit']"));
        pages.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Queued again"));
        JsonObject message = Http.get("/admin/courier/messages/" + messageId).admin().send().jsonObject();
        // the IT server's courier retries fast against an SMTP port that may be closed: by now the message may have
        // been tried again up to its limit, but it was taken up again (changed since it was abandoned minutes ago)
        assertTrue(Set.of("queued", "processing", "sent").contains(message.getString("status"))
                || Instant.parse(message.getString("updated_at")).isAfter(Instant.now().minusSeconds(60)), message.toString());
        JsonObject event = awaitEvent("event_type=message_retried&actor_id=" + admin.id());
        assertEquals("identity", event.getJsonObject("actor").getString("type"), "the console user is the actor: " + event);
        assertEquals(messageId, event.getString("subject"), event.toString());

        String sent = OutboxRows.insert("sent", recipient, 1, Duration.ofMinutes(1));
        Http.Response again = Http.post("/admin/courier/messages/" + sent + "/retry").admin().send();
        assertEquals(409, again.status(), "only an abandoned message is retried: " + again);
        assertEquals("sent", Http.get("/admin/courier/messages/" + sent).admin().send().jsonObject().getString("status"));
        assertEquals(404, Http.post("/admin/courier/messages/" + UUID.randomUUID() + "/retry").admin().send().status());
        assertEquals(401, Http.post("/admin/courier/messages/" + messageId + "/retry").send().status());
        assertEquals(404, Http.post("/admin/courier/messages/not-a-uuid/retry").admin().send().status());
    }

    @Test
    void helpdeskWhenAsksForRulesOrCourierThenForbidden() {
        signIn(pages, person("helpdesk"));
        assertEquals(List.of(), driver.findElements(By.id("nav-rules")));
        assertEquals(List.of(), driver.findElements(By.id("nav-courier")));
        for (String page : List.of(RULES, RULE + "?id=x", TRIAL, COURIER)) {
            assertEquals(403, ConsoleUsers.status(driver, "GET", page), page);
        }
    }

    @Test
    void auditorWhenOpensRulesAndCourierThenReadOnlyAndAPostIsRefused() throws SQLException {
        String id = "audited-" + UUID.randomUUID();
        create(rule(id, host(), "allow", "as written"));
        String messageId = abandonedMessage("audited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        signIn(pages, person("auditor"));

        pages.open(RULES);
        assertEquals(List.of(), driver.findElements(By.id("rule-new")), "no new rule for an auditor");
        pages.open(RULE + "?id=" + id);
        WebElement json = pages.await(By.cssSelector("textarea[data-field='json']"));
        assertNotNull(json.getAttribute("readonly"), "an auditor's rule is read-only");
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-form='rule'] input[type='submit']")));
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const f = document.querySelector(\"form[data-form='rule']\");"
                        + "const d = new FormData(f);"
                        + "d.set(f.querySelector('textarea').name, arguments[0]);"
                        + "fetch(f.action, {method: 'POST', body: new URLSearchParams(d), redirect: 'manual', credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(-1));", rule(id, host(), "deny", "changed by an auditor"));
        assertEquals(403, ((Number) status).intValue());
        JsonObject kept = Http.get("/admin/rules/" + id).admin().send().jsonObject();
        assertEquals(1, kept.getInt("revision"));
        assertEquals("as written", kept.getJsonObject("rule").getString("description"));

        pages.open(COURIER + "?status=abandoned");
        pages.await(By.cssSelector("tr.message-row[data-id='" + messageId + "']"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("form[data-action='retry-message']")), "no retry for an auditor");
        assertEquals("abandoned", Http.get("/admin/courier/messages/" + messageId).admin().send().jsonObject().getString("status"));
    }

    // ---- helpers ----

    private static String host() {
        return "console-" + UUID.randomUUID().toString().substring(0, 8) + ".it.test";
    }

    private static String rule(String id, String host, String authorizer, String description) {
        return """
                {"id": "%s",%s "match": {"url": "http://%s/items/<.*>", "methods": ["GET"]},
                 "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "%s"},
                 "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}"""
                .formatted(id, description == null ? "" : " \"description\": \"" + description + "\",", host, authorizer);
    }

    private static String ruleWithUpstream(String id, String host, String path, String authorizer, String upstream) {
        return """
                {"id": "%s", "upstream": {"url": "%s"}, "match": {"url": "http://%s%s", "methods": ["GET"]},
                 "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "%s"},
                 "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}"""
                .formatted(id, upstream, host, path, authorizer);
    }

    private static void create(String rule) {
        Http.Response created = Http.post("/admin/rules").admin().json(rule).send();
        assertEquals(201, created.status(), created.toString());
    }

    /** Replaces the rule form's text, as someone pasting a rule would. */
    private void enterRule(String json) {
        pages.script("arguments[0].value = arguments[1];", pages.await(By.cssSelector("textarea[data-field='json']")), json);
    }

    private void tryRequest(String method, String url, String headers) {
        pages.type("trial:method", method);
        pages.type("trial:url", url);
        WebElement h = pages.await(By.id("trial:headers"));
        h.clear();
        if (!headers.isEmpty()) {
            pages.script("arguments[0].value = arguments[1];", h, headers);
        }
        submit(By.id("trial:try"));
    }

    /** Clicks a button that sends a form and waits until the answer replaced the page. */
    private void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        pages.click(button);
        pages.until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Waits until a trial shows this rule matched; the gateway follows admin changes within its reload interval, so
     * the request is tried again until then.
     */
    private void awaitMatched(String ruleId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (driver.findElements(By.cssSelector("#trial-matched a.matched-rule[data-id='" + ruleId + "']")).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "the trial never matched " + ruleId);
            submit(By.id("trial:try"));
        }
    }

    private List<String> steps() {
        return driver.findElements(By.cssSelector("tr.step-row")).stream()
                .map(r -> r.getAttribute("data-kind") + " " + r.getAttribute("data-handler") + " " + r.getAttribute("data-verdict"))
                .toList();
    }

    /** A message as the sender leaves one after its last failed attempt; returns its id. */
    private static String abandonedMessage(String to) throws SQLException {
        return OutboxRows.insert("abandoned", to, 6, Duration.ofMinutes(5));
    }
}
