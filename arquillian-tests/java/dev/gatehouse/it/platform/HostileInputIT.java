package dev.gatehouse.it.platform;

import dev.gatehouse.it.platform.HostileCorpus.Probe;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Leaks;
import dev.gatehouse.it.support.RawWire;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays a generated corpus of hostile requests (oversized, deep and odd JSON, malformed %-escapes, odd headers
 * and methods, forged JWTs, junk {@code X-Forwarded-*}, Host variants) against the running server: no answer may
 * be a 5xx, and none may carry a stack trace, a class name or a server message id. Sent over raw sockets, a few
 * at a time, within a minute.
 */
@ExtendWith(ItServerReady.class)
class HostileInputIT {

    private static final long SEED = 20_261_206L;
    private static final int THREADS = 4;
    private static final Duration PER_REQUEST = Duration.ofSeconds(20);
    private static final Pattern LIBERTY_URI_PAGE = Pattern.compile(
            "<H1>CWWWC0005I: The request URI has invalid or improperly encoded characters: \\[[^<]*\\]</H1><BR>"
                    + "|\\{\"error_message\" : \"CWWWC0005I: The request URI has invalid or improperly encoded characters: \\[[^\"]*\\]\"}");

    @Test
    void corpusWhenReplayedThenNoServerErrorAndNothingLeaks() throws InterruptedException {
        ItServer server = ItServer.get();
        HostileCorpus.Fixture fixture = fixture(server);
        Set<String> clientsBefore = ids("/admin/clients", "client_id");
        Set<String> identitiesBefore = ids("/admin/identities", "id");
        int addressFailuresBefore = addressFailures();
        List<Probe> corpus = HostileCorpus.generate(fixture, SEED);
        assertTrue(corpus.size() >= 2_000, "corpus too small: " + corpus.size());

        ConcurrentLinkedQueue<String> offences = new ConcurrentLinkedQueue<>();
        Map<String, Long> millisPerFamily = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            corpus.forEach(p -> pool.execute(() -> {
                long t = System.nanoTime();
                replay(p).ifPresent(offences::add);
                millisPerFamily.merge(p.family(), (System.nanoTime() - t) / 1_000_000, Long::sum);
            }));
            pool.shutdown();
            assertTrue(pool.awaitTermination(3, TimeUnit.MINUTES), "the corpus did not finish");
        } finally {
            removeCreated("/admin/clients", "client_id", clientsBefore);
            removeCreated("/admin/identities", "id", identitiesBefore);
            HostileCorpus.keySets().forEach(set -> Http.method("DELETE", "/admin/keys/" + set).admin().send());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("[hostile-input] " + corpus.size() + " requests in " + took.toMillis()
                + " ms; milliseconds spent per family: " + new TreeMap<>(millisPerFamily));

        if (!offences.isEmpty()) {
            List<String> sorted = new ArrayList<>(offences);
            sorted.sort(null);
            fail(offences.size() + " of " + corpus.size() + " hostile requests got a 5xx or a leaking answer:\n  "
                    + String.join("\n  ", sorted));
        }
        assertEquals(addressFailuresBefore, addressFailures(), "the corpus counted failed sign-ins against 127.0.0.1");
        assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, corpus.size() + " requests took " + took);
    }

    /** The offence, if the answer is one: method, target, status and the start of the body. */
    private static Optional<String> replay(Probe p) {
        RawWire.Answer a;
        try {
            a = RawWire.exchange(p.port(), RawWire.request(p.method(), p.target(), p.headers(), p.body()), PER_REQUEST);
        } catch (IOException e) {
            return Optional.of(p.describe() + " -> no answer (" + e.getClass().getSimpleName() + ")");
        }
        String body = a.text();
        if (p.pathEscaped() && a.status() == 400 && LIBERTY_URI_PAGE.matcher(body).matches()) {
            // Liberty decodes the path before any application code runs, and answers a path it cannot decode
            // with its own one-line page; no configuration changes that page (see docs/operations.md)
            return Optional.empty();
        }
        // a problem's "instance" is the client's own path, which may well name a Java package
        Optional<String> leak = Leaks.in(a.status(), body.replace(p.path(), ""));
        if (a.status() >= 500 || leak.isPresent()) {
            String start = body.length() > 200 ? body.substring(0, 200) : body;
            return Optional.of(p.describe() + " -> " + a.status() + leak.map(l -> " leaks /" + l + "/").orElse("")
                    + " " + start.replace("\r", "\\r").replace("\n", "\\n"));
        }
        return Optional.empty();
    }

    private static HostileCorpus.Fixture fixture(ItServer server) {
        Map<String, String> apiFlows = new LinkedHashMap<>();
        for (String kind : List.of("login", "registration", "recovery", "verification")) {
            Http.Response r = Http.get("/self-service/" + kind + "/api").send();
            assertEquals(200, r.status(), r.toString());
            apiFlows.put(kind, r.jsonObject().getString("id"));
        }
        Http.Response browser = Http.get("/self-service/login/browser").send();
        assertEquals(303, browser.status(), browser.toString());
        String location = browser.header("Location");
        String csrf = browser.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_csrf=")).map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        return new HostileCorpus.Fixture(server.uri("").getPort(), server.gatewayProxyPort(), server.adminKey(),
                server.uri("").toString(), apiFlows, location.substring(location.indexOf("flow=") + 5), csrf);
    }

    /** Every id in an admin list, page by page. */
    private static Set<String> ids(String path, String field) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 1_000) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
            Http.Response r = Http.get(path + "?page_size=1000&page_token=" + token).admin().send();
            assertEquals(200, r.status(), r.toString());
            JsonArray page = (JsonArray) r.json();
            page.getValuesAs(JsonObject.class).forEach(o -> ids.add(o.getString(field)));
            if (page.size() < 1_000) {
                return ids;
            }
        }
    }

    private static void removeCreated(String path, String field, Set<String> before) {
        for (String id : ids(path, field)) {
            if (!before.contains(id)) {
                Http.method("DELETE", path + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).admin().send();
            }
        }
    }

    /** Failed sign-ins counted against the tests' own address. */
    private static int addressFailures() {
        Http.Response r = Http.get("/admin/lockouts?subject=127.0.0.1").admin().send();
        assertEquals(200, r.status(), r.toString());
        return ((JsonArray) r.json()).getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("kind").equals("ip")).mapToInt(l -> l.getInt("failures")).sum();
    }
}
