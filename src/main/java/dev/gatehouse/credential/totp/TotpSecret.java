package dev.gatehouse.credential.totp;

import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * The secret an identity shares with its authenticator app: 160 random bits, the size
 * <a href="https://www.rfc-editor.org/rfc/rfc4226#section-4">RFC 4226 section 4</a> recommends and Ory Kratos
 * generates. Shown to the person as Base32 text (for typing it in), as an {@code otpauth://totp/} URI in the
 * Key Uri Format that authenticator apps read, and as that URI's QR code. Holds a copy of the bytes; never
 * printed by {@link #toString}.
 */
public final class TotpSecret {

    /** 160 bits. */
    public static final int SIZE_BYTES = 20;
    /** RFC 4226 requires at least 128 bits; shorter imported secrets are refused. */
    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 64;

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A new random secret of {@value #SIZE_BYTES} bytes. */
    public static TotpSecret generate(SecureRandom random) {
        byte[] b = new byte[SIZE_BYTES];
        random.nextBytes(b);
        return new TotpSecret(b);
    }

    /**
     * The secret written as Base32 ({@link #base32()}, case and spaces ignored, padding optional).
     *
     * @throws IllegalArgumentException if the text is not Base32, or holds fewer than 128 or more than 512 bits
     */
    public static TotpSecret parse(String base32) {
        if (base32 == null) {
            throw new IllegalArgumentException("TOTP secret missing");
        }
        String text = base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        Base32 codec = new Base32();
        byte[] decoded = codec.decode(text);
        if (text.isEmpty() || !codec.encodeToString(decoded).replace("=", "").equals(text)) {
            throw new IllegalArgumentException("TOTP secret is not Base32");
        }
        if (decoded.length < MIN_BYTES || decoded.length > MAX_BYTES) {
            throw new IllegalArgumentException("TOTP secret must hold 128 to 512 bits");
        }
        return new TotpSecret(decoded);
    }

    /** Upper-case RFC 4648 Base32 without padding, as authenticator apps expect it. */
    public String base32() {
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The HMAC key for {@link Totp}. */
    Key key() {
        return new SecretKeySpec(bytes, "RAW");
    }

    /**
     * {@code otpauth://totp/{issuer}:{account}?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30}, with issuer
     * and account percent-encoded (a space as {@code %20}, a colon in either escaped so the label stays
     * unambiguous).
     */
    public String uri(String issuer, String account) {
        if (issuer == null || issuer.isBlank() || account == null || account.isBlank()) {
            throw new IllegalArgumentException("issuer and account are required");
        }
        String i = encode(issuer);
        return "otpauth://totp/" + i + ":" + encode(account)
                + "?secret=" + base32()
                + "&issuer=" + i
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD.toSeconds();
    }

    /** The QR code of {@link #uri} as a {@code data:image/svg+xml;base64,} URI, for an {@code <img src>}. */
    public String qrCodeDataUri(String issuer, String account) {
        return QrCodeSvg.dataUri(uri(issuer, account));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TotpSecret other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
