package dev.gatehouse.kernel.log;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    @Test
    void mapWhenHeadersCarryCredentialsThenMaskedAndOthersKept() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer abc.def.ghi");
        headers.put("Cookie", "gh_session=s3cr3t");
        headers.put("Set-Cookie", "csrf=xyz");
        headers.put("X-Session-Token", "tok");
        headers.put("User-Agent", "curl/8");
        headers.put("Accept", "application/json");

        Map<String, String> out = Redactor.map(headers);

        assertEquals(Redactor.MASK, out.get("Authorization"));
        assertEquals(Redactor.MASK, out.get("Cookie"));
        assertEquals(Redactor.MASK, out.get("Set-Cookie"));
        assertEquals(Redactor.MASK, out.get("X-Session-Token"));
        assertEquals("curl/8", out.get("User-Agent"));
        assertEquals("application/json", out.get("Accept"));
    }

    @Test
    void textWhenQueryStringHasSecretsThenOnlySecretsMasked() {
        String out = Redactor.text("/oauth2/token?grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&client_secret=abc123&state=xyz");

        assertFalse(out.contains("SplxlOBeZQQYbYS6WxSbIA"));
        assertFalse(out.contains("abc123"));
        assertTrue(out.contains("grant_type=authorization_code"), out);
        assertTrue(out.contains("state=xyz"), out);
    }

    @Test
    void textWhenBearerOrBasicCredentialThenMasked() {
        assertEquals("header was Bearer " + Redactor.MASK, Redactor.text("header was Bearer eyJhbGciOi.payload.sig"));
        assertEquals("Basic " + Redactor.MASK + " end", Redactor.text("Basic dXNlcjpwYXNz end"));
    }

    @Test
    void textWhenJsonLikeKeyValueThenMaskedKeepingQuotes() {
        String out = Redactor.text("{\"password\": \"hunter2\", \"email\": \"a@example.com\"}");

        assertEquals("{\"password\": \"" + Redactor.MASK + "\", \"email\": \"a@example.com\"}", out);
    }

    @Test
    void jsonWhenNestedSecretsThenMaskedAtAnyDepth() {
        JsonObject in = Json.createObjectBuilder()
                .add("traits", Json.createObjectBuilder().add("email", "a@example.com"))
                .add("credentials", Json.createObjectBuilder()
                        .add("password", Json.createObjectBuilder().add("config", Json.createObjectBuilder()
                                .add("hashed_password", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"))))
                .add("refresh_token", "rt-1")
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("access_token", "at")))
                .build();

        String out = Redactor.json(in).toString();

        assertFalse(out.contains("argon2id"), out);
        assertFalse(out.contains("rt-1"), out);
        assertFalse(out.contains("\"at\""), out);
        assertTrue(out.contains("a@example.com"), out);
    }

    @Test
    void isSecretKeyWhenHarmlessLookalikesThenNotSecret() {
        assertFalse(Redactor.isSecretKey("response_type"));
        assertFalse(Redactor.isSecretKey("grant_type"));
        assertFalse(Redactor.isSecretKey("token_type"));
        assertFalse(Redactor.isSecretKey("shipping_address"));
        assertFalse(Redactor.isSecretKey("footprint"));
        assertFalse(Redactor.isSecretKey("session_id"));
        assertFalse(Redactor.isSecretKey("session_count"));
        assertTrue(Redactor.isSecretKey("session_token"));
        assertTrue(Redactor.isSecretKey("otp"));
        assertTrue(Redactor.isSecretKey("X-CSRF-Token"));
        assertTrue(Redactor.isSecretKey("apiKey"));
        assertTrue(Redactor.isSecretKey("private_key"));
    }

    @Test
    void textWhenNothingSecretThenUnchanged() {
        String in = "tenant=acme path=/version status=200";

        assertEquals(in, Redactor.text(in));
    }
}
