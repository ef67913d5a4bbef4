package dev.gatehouse.courier.delivery;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.ClaimedMessage;
import dev.gatehouse.courier.SmsGatewayConfig;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.ShippedConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMS gateway request, against a real HTTP server on loopback: body by jsonnet, auth, and what counts as sent. */
class SmsGatewayTest {

    private record Request(String method, String path, String authorization, String apiKey, String contentType, String body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-API-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    private SmsGateway gateway(String... overrides) {
        String[] all = new String[overrides.length + 2];
        all[0] = "gatehouse.courier.sms.url";
        all[1] = url();
        System.arraycopy(overrides, 0, all, 2, overrides.length);
        return new SmsGateway(new SmsGatewayConfig(ShippedConfig.with(all)));
    }

    private static ClaimedMessage message() {
        return new ClaimedMessage(UUID.randomUUID(), "default", Channel.SMS, "login_code_valid", "+49301234567", "",
                "Your login code is: 123456", "", "{\"code\":\"123456\",\"login_code\":\"123456\",\"to\":\"+49301234567\"}", 1);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String base64(String jsonnet) {
        return "base64://" + Base64.getEncoder().encodeToString(jsonnet.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendWhenDefaultBodyThenRecipientAndTextAsJson() throws Exception {
        gateway().send(message());
        Request r = requests.get(0);
        assertEquals("POST", r.method());
        assertEquals("application/json", r.contentType());
        JsonObject body = json(r.body());
        assertEquals("+49301234567", body.getString("to"));
        assertEquals("Your login code is: 123456", body.getString("body"));
    }

    @Test
    void sendWhenJsonnetBodyThenItSeesTheWholeContext() throws Exception {
        gateway("gatehouse.courier.sms.body", base64("""
                function(ctx) {
                  From: "Gatehouse", To: ctx.recipient, Body: ctx.body,
                  Type: ctx.template_type, Code: ctx.template_data.login_code
                }""")).send(message());
        JsonObject body = json(requests.get(0).body());
        assertEquals("Gatehouse", body.getString("From"));
        assertEquals("+49301234567", body.getString("To"));
        assertEquals("login_code_valid", body.getString("Type"));
        assertEquals("123456", body.getString("Code"));
    }

    @Test
    void sendWhenBasicAuthThenAuthorizationHeader() throws Exception {
        gateway("gatehouse.courier.sms.auth.type", "basic-auth", "gatehouse.courier.sms.auth.user", "gatehouse",
                "gatehouse.courier.sms.auth.password", "s3cret-pw").send(message());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("gatehouse:s3cret-pw".getBytes(StandardCharsets.UTF_8)),
                requests.get(0).authorization());
    }

    @Test
    void sendWhenApiKeyThenItsHeaderAndConfiguredMethodAndHeaders() throws Exception {
        gateway("gatehouse.courier.sms.auth.type", "api_key", "gatehouse.courier.sms.auth.api-key.name", "X-API-Key",
                "gatehouse.courier.sms.auth.api-key.value", "key-123", "gatehouse.courier.sms.method", "put",
                "gatehouse.courier.sms.headers", "Content-Type=application/vnd.sms+json").send(message());
        Request r = requests.get(0);
        assertEquals("key-123", r.apiKey());
        assertEquals("PUT", r.method());
        assertEquals("application/vnd.sms+json", r.contentType());
    }

    @Test
    void sendWhenGatewayAnswers500ThenFailureNamingOnlyTheStatus() {
        status = 500;
        SmsGateway.SmsFailure e = assertThrows(SmsGateway.SmsFailure.class, () -> gateway().send(message()));
        assertEquals("the SMS gateway answered 500", e.getMessage());
    }

    @Test
    void sendWhenTemplateThrowsThenFailureWithoutTheMessageOrCodeAndNothingSent() {
        SmsGateway g = gateway("gatehouse.courier.sms.body", base64("function(ctx) error 'boom ' + ctx.body"));
        SmsGateway.SmsFailure e = assertThrows(SmsGateway.SmsFailure.class, () -> g.send(message()));
        assertTrue(e.getMessage().startsWith("the SMS request body template failed"), e.getMessage());
        assertFalse(e.getMessage().contains("123456"), e.getMessage());
        assertTrue(requests.isEmpty());
    }

    @Test
    void sendWhenTemplateLoopsThenStoppedAfterTheTimeout() {
        SmsGateway g = gateway("gatehouse.courier.sms.timeout", "300ms",
                "gatehouse.courier.sms.body", base64("function(ctx) std.length(std.range(1, 100000000))"));
        SmsGateway.SmsFailure e = assertThrows(SmsGateway.SmsFailure.class, () -> g.send(message()));
        assertTrue(e.getMessage().contains("took longer than 300ms"), e.getMessage());
    }

    @Test
    void configWhenBodyIsNeitherFileNorBase64ThenStartUpRefusedNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> gateway("gatehouse.courier.sms.body", "{}"));
        assertEquals("gatehouse.courier.sms.body", e.key());
    }

    @Test
    void configWhenApiKeyWithoutValueThenRefused() {
        assertThrows(InvalidConfigException.class, () -> gateway("gatehouse.courier.sms.auth.type", "api-key",
                "gatehouse.courier.sms.auth.api-key.name", "X-API-Key"));
    }
}
