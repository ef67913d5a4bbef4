package dev.gatehouse.it.courier;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The dev outbox page: only in the demo run (the IT server has it on), only from this machine. */
@ExtendWith(ItServerReady.class)
class DevOutboxIT {

    private static final String PAGE = "/ui/admin/outbox.xhtml";

    @Test
    void outboxWhenDemoAndLoopbackThenShownWithoutAdminKey() {
        Http.Response r = Http.get(PAGE).header("Accept-Language", "en").send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("Dev outbox"), r.body());
        assertTrue(r.header("Cache-Control").startsWith("no-store"), r.header("Cache-Control"));
    }

    @Test
    void outboxWhenForwardedThroughAProxyThenNotFound() {
        assertEquals(404, Http.get(PAGE).header("X-Forwarded-For", "203.0.113.9").send().status());
        assertEquals(404, Http.get(PAGE).header("Forwarded", "for=203.0.113.9").send().status());
    }

    @Test
    void outboxWhenOtherTenantPathThenStillGuarded() {
        assertEquals(404, Http.get("/t/default" + PAGE).header("X-Forwarded-For", "203.0.113.9").send().status());
    }

    @Test
    void outboxWhenRequestedFromANonLoopbackAddressThenNotFound() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeTrue(own.isPresent(), "this machine has a non-loopback address");
        URI uri = URI.create("http://" + own.get().getHostAddress() + ":" + ItServer.get().uri("/").getPort() + PAGE);
        // the configured host, reached from another address: only the client's address keeps the page away
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(uri)
                .header("Host", "localhost:" + ItServer.get().uri("/").getPort()).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("Dev outbox"));
    }
}
