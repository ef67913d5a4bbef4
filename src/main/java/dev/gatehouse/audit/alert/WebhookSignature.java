package dev.gatehouse.audit.alert;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Signs a webhook as <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> does: {@code webhook-signature:
 * v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}. The key is the secret's bytes after
 * {@code whsec_} base64-decoded, as Standard Webhooks writes secrets, or else the secret's UTF-8 bytes.
 */
public final class WebhookSignature {

    /** How a Standard Webhooks secret starts. */
    public static final String PREFIX = "whsec_";
    /** Shortest secret taken as text: 256 bits if it is random, as the server's own secrets are. */
    public static final int MIN_TEXT_LENGTH = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{" + MIN_TEXT_LENGTH + ",256}");

    private WebhookSignature() {
    }

    /** What is wrong with a secret a rule is given, or null when it can sign. */
    public static String problem(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "is required";
        }
        if (secret.startsWith(PREFIX)) {
            try {
                int n = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
                return n >= MIN_KEY_BYTES && n <= MAX_KEY_BYTES ? null
                        : "after whsec_ must be base64 of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes";
            } catch (IllegalArgumentException e) {
                return "after whsec_ must be base64";
            }
        }
        return PRINTABLE.matcher(secret).matches() ? null
                : "must be whsec_<base64> or " + MIN_TEXT_LENGTH + " to 256 printable characters without spaces";
    }

    /** The {@code webhook-signature} header's value. */
    public static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = secret.startsWith(PREFIX) ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
