package dev.gatehouse.it.courier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.OutboxRows;
import dev.gatehouse.it.support.TestNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The courier against a real SMTP server (GreenMail, in this JVM, on the port the server was configured
 * with). Messages are queued through {@link CourierTestServlet} in a second copy of the application, so
 * two nodes' senders poll the same outbox.
 */
@ExtendWith(ItServerReady.class)
class CourierDeliveryIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URL node = TestNode.url();

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(ItServer.get().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Test
    void messageWhenQueuedThenReachesSmtpInRecipientsLanguage() throws Exception {
        startSmtp();
        String domain = uniqueDomain();
        String code = "c0de" + (100000 + new java.security.SecureRandom().nextInt(900000));

        String id = enqueue("recovery_code_valid", "anna@" + domain, "ru", code, "https://example.test/r?a=1&b=<2>", 1).get(0);

        MimeMessage mail = awaitMail(domain, 1).get(0);
        assertEquals("Восстановление доступа к учётной записи", mail.getSubject());
        assertEquals("Gatehouse <no-reply@gatehouse.localhost>", mail.getFrom()[0].toString());
        assertEquals("anna@" + domain, mail.getAllRecipients()[0].toString());
        assertEquals(1, mail.getAllRecipients().length);
        Multipart parts = (Multipart) mail.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("Чтобы восстановить доступ") && text.contains(code), text);
        assertTrue(text.contains("https://example.test/r?a=1&b=<2>"), text);
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(html.contains("<html lang=\"ru\">") && html.contains(code), html);
        assertTrue(html.contains("https://example.test/r?a=1&amp;b=&lt;2&gt;"), "values are escaped in HTML: " + html);

        JsonObject sent = awaitMessage(id, m -> "sent".equals(m.getString("status")));
        assertEquals(1, sent.getInt("send_count"));
        assertEquals("recovery_code_valid", sent.getString("template_type"));
        assertEquals("email", sent.getString("type"));

        String log = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        assertFalse(log.contains(code), "the code never reaches the server log");
        assertFalse(log.contains("example.test/r"), "the link never reaches the server log");
    }

    @Test
    void messageWhenSmtpDownThenStaysQueuedAndIsDeliveredOnceItIsBack() throws Exception {
        String domain = uniqueDomain();
        String id = enqueue("login_code_valid", "bo@" + domain, "en", "123456", null, 1).get(0);

        JsonObject retried = awaitMessage(id, m -> m.getInt("send_count") >= 2);
        assertTrue(Set.of("queued", "processing").contains(retried.getString("status")), retried.toString());
        startSmtp();

        MimeMessage mail = awaitMail(domain, 1).get(0);
        assertEquals("Your sign-in code", mail.getSubject());
        JsonObject sent = awaitMessage(id, m -> "sent".equals(m.getString("status")));
        assertTrue(sent.getInt("send_count") >= 3, sent.toString());
    }

    @Test
    void messageWhenSmtpKeepsFailingThenAbandonedAfterMaxAttempts() throws Exception {
        String domain = uniqueDomain();
        String id = enqueue("registration_code_valid", "cy@" + domain, "zh", "654321", null, 1).get(0);

        JsonObject abandoned = awaitMessage(id, m -> "abandoned".equals(m.getString("status")));
        assertEquals(6, abandoned.getInt("send_count"), "gatehouse.courier.max-attempts of the IT server");
        startSmtp();
        Thread.sleep(1500);
        assertEquals(0, smtp.getReceivedMessagesForDomain(domain).length, "an abandoned message is not sent later");
    }

    @Test
    void messagesWhenSeveralSendersRunAtOnceThenEachIsSentExactlyOnce() throws Exception {
        startSmtp();
        String domain = uniqueDomain();
        List<String> ids = enqueue("verification_code_valid", "x@" + domain, "en", "777", null, 20);

        // this node's sender on 4 threads, twice at once, racing both nodes' timers
        CompletableFuture<HttpResponse<String>> a = runSenders(4);
        CompletableFuture<HttpResponse<String>> b = runSenders(4);
        assertEquals(200, a.get().statusCode());
        assertEquals(200, b.get().statusCode());

        awaitMail(domain, 20);
        Thread.sleep(1500);
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(domain);
        assertEquals(20, received.length, "each message once");
        Set<String> recipients = Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        assertEquals(20, recipients.size(), "twenty different recipients, none twice");
        for (String id : ids) {
            assertEquals(1, awaitMessage(id, m -> "sent".equals(m.getString("status"))).getInt("send_count"));
        }
    }

    @Test
    void adminApiWhenFilteredByStatusAndRecipientThenListsOnlyThose() throws Exception {
        startSmtp();
        String domain = uniqueDomain();
        String id = enqueue("verification_code_invalid", "dee@" + domain, "en", "", null, 1).get(0);
        awaitMessage(id, m -> "sent".equals(m.getString("status")));

        JsonArray sent = (JsonArray) Http.get("/admin/courier/messages?status=sent&recipient=dee@" + domain).admin().send().json();
        assertEquals(1, sent.size());
        JsonObject m = sent.getJsonObject(0);
        assertEquals(id, m.getString("id"));
        assertEquals("Someone tried to verify this email address", m.getString("subject"));
        assertTrue(m.getString("body").contains("dee@" + domain));
        for (String field : List.of("created_at", "updated_at", "recipient", "template_type")) {
            assertTrue(m.containsKey(field), field);
        }
        JsonArray queued = (JsonArray) Http.get("/admin/courier/messages?status=queued&recipient=dee@" + domain).admin().send().json();
        assertEquals(0, queued.size());
        assertEquals(1, ((JsonArray) Http.get("/admin/courier/messages?page_size=1").admin().send().json()).size());
    }

    @Test
    void heldMessagesWhenSmtpIsConfiguredThenFreshOnesSentAndStaleOnesAbandonedUnsent() throws Exception {
        startSmtp();
        String domain = uniqueDomain();
        // as a run without SMTP left them: one held a minute ago, one held longer than held-max-age (15m)
        String fresh = held("fresh@" + domain, Duration.ofMinutes(1));
        String stale = held("stale@" + domain, Duration.ofHours(2));

        HttpResponse<String> released = post("/it-courier/release-held");

        assertEquals(200, released.statusCode(), released.body());
        MimeMessage mail = awaitMail(domain, 1).get(0);
        assertEquals("fresh@" + domain, mail.getAllRecipients()[0].toString());
        assertEquals(1, awaitMessage(fresh, m -> "sent".equals(m.getString("status"))).getInt("send_count"));
        JsonObject abandoned = awaitMessage(stale, m -> "abandoned".equals(m.getString("status")));
        assertEquals(0, abandoned.getInt("send_count"), "never tried: its code would have expired long ago");
        Thread.sleep(1500);
        assertEquals(1, smtp.getReceivedMessagesForDomain(domain).length, "the stale message is never sent");
    }

    /** A message as the outbox holds it without SMTP, created {@code age} ago; returns its id. */
    private static String held(String to, Duration age) throws Exception {
        return OutboxRows.insert("held", to, 0, age);
    }

    @Test
    void adminApiWhenBadInputThenClearErrors() {
        Http.Response badStatus = Http.get("/admin/courier/messages?status=lost").admin().send();
        assertEquals(422, badStatus.status(), "validation-failed, as every admin API answers it");
        assertEquals("status", badStatus.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field"), badStatus.toString());
        assertEquals(422, Http.get("/admin/courier/messages?page_size=0").admin().send().status());
        assertEquals(422, Http.get("/admin/courier/messages?page_token=nonsense").admin().send().status());
        assertEquals(404, Http.get("/admin/courier/messages/" + UUID.randomUUID()).admin().send().status());
        assertEquals(404, Http.get("/admin/courier/messages/not-a-uuid").admin().send().status());
        assertEquals(401, Http.get("/admin/courier/messages").send().status());
    }

    @Test
    void enqueueWhenRecipientCouldInjectHeadersThenRefusedAndNothingQueued() throws Exception {
        String domain = uniqueDomain();
        HttpResponse<String> r = post("/it-courier/enqueue?template=login_code_valid&locale=en&code=1&to="
                + enc("a@" + domain + "\r\nBcc: x@" + domain));
        assertEquals(400, r.statusCode());
        assertEquals("validation-failed", r.body());
        JsonArray none = (JsonArray) Http.get("/admin/courier/messages?recipient=a@" + domain).admin().send().json();
        assertEquals(0, none.size());
    }

    private List<String> enqueue(String template, String to, String locale, String code, String link, int count) throws Exception {
        HttpResponse<String> r = post("/it-courier/enqueue?template=" + template + "&to=" + enc(to) + "&locale=" + locale
                + "&code=" + enc(code) + "&count=" + count + (link == null ? "" : "&link=" + enc(link)));
        assertEquals(200, r.statusCode(), r.body());
        return List.of(r.body().split("\n"));
    }

    private CompletableFuture<HttpResponse<String>> runSenders(int threads) {
        return CLIENT.sendAsync(request("/it-courier/run-senders?threads=" + threads), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        String base = node.toExternalForm().replaceAll("/$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private List<MimeMessage> awaitMail(String domain, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] got = smtp.getReceivedMessagesForDomain(domain);
            if (got.length >= count) {
                return List.of(got);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mail(s) for " + domain + ", got "
                + smtp.getReceivedMessagesForDomain(domain).length + " " + GreenMailUtil.class.getSimpleName());
    }

    private JsonObject awaitMessage(String id, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Http.Response r = Http.get("/admin/courier/messages/" + id).admin().send();
            assertEquals(200, r.status(), r.toString());
            last = r.jsonObject();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message never reached the expected state: " + last);
    }

    private static String uniqueDomain() {
        return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
