package dev.gatehouse.audit.alert;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class WebhookSignatureTest {

    @Test
    void signWhenWhsecSecretThenKeyIsItsDecodedBytes() throws Exception {
        byte[] key = "twenty-four bytes of key".getBytes(StandardCharsets.US_ASCII);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal("msg_1.1700000000.{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, WebhookSignature.sign(secret, "msg_1", 1_700_000_000L, "{\"a\":1}"));
        assertNotEquals(expected, WebhookSignature.sign(secret, "msg_1", 1_700_000_001L, "{\"a\":1}"));
    }

    @Test
    void problemWhenSecretTooShortOrMalformedThenNamed() {
        assertNull(WebhookSignature.problem("0123456789abcdef0123456789abcdef"));
        assertNull(WebhookSignature.problem("whsec_" + Base64.getEncoder().encodeToString(new byte[32])));
        assertNotNull(WebhookSignature.problem("short"));
        assertNotNull(WebhookSignature.problem("0123456789abcdef 0123456789abcdef"));
        assertNotNull(WebhookSignature.problem("whsec_" + Base64.getEncoder().encodeToString(new byte[8])));
        assertNotNull(WebhookSignature.problem("whsec_%%%"));
        assertNotNull(WebhookSignature.problem(""));
    }
}
