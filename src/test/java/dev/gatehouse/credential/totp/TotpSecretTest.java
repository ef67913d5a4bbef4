package dev.gatehouse.credential.totp;

import com.google.zxing.FormatException;
import com.google.zxing.ChecksumException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpSecretTest {

    private final TotpSecret secret = TotpSecret.generate(new SecureRandom());

    @Test
    void generateWhenCalledThen160BitsAs32Base32Characters() {
        String text = secret.base32();

        assertEquals(32, text.length());
        assertTrue(text.matches("[A-Z2-7]{32}"), text);
        assertNotEquals(text, TotpSecret.generate(new SecureRandom()).base32());
    }

    @Test
    void parseWhenOwnBase32ThenSameSecret() {
        assertEquals(secret, TotpSecret.parse(secret.base32()));
        assertEquals(secret, TotpSecret.parse(secret.base32().toLowerCase().replaceAll("(.{4})", "$1 ")));
    }

    @Test
    void parseWhenNotBase32OrTooShortThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.parse("GEZDGNBV1Y3TQOJQ"));
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.parse("GEZDGNBVGY3TQOJQ"));
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.parse(null));
    }

    @Test
    void toStringWhenCalledThenNoSecret() {
        assertFalse(secret.toString().contains(secret.base32()));
    }

    @Test
    void uriWhenIssuerAndAccountThenKeyUriFormat() {
        TotpSecret rfc = TotpSecret.parse("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

        assertEquals("otpauth://totp/Gatehouse:alice%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Gatehouse&algorithm=SHA1&digits=6&period=30",
                rfc.uri("Gatehouse", "alice@example.org"));
    }

    @Test
    void uriWhenSpacesAndColonsThenPercentEncoded() {
        String uri = secret.uri("Acme: Corp", "bob smith");

        assertTrue(uri.startsWith("otpauth://totp/Acme%3A%20Corp:bob%20smith?"), uri);
        assertTrue(uri.contains("&issuer=Acme%3A%20Corp&"), uri);
    }

    @Test
    void uriWhenIssuerMissingThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> secret.uri(" ", "alice"));
    }

    @Test
    void qrCodeWhenDecodedThenHoldsTheUri() throws FormatException, ChecksumException {
        String dataUri = secret.qrCodeDataUri("Gatehouse", "alice@example.org");
        assertTrue(dataUri.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);

        assertEquals(secret.uri("Gatehouse", "alice@example.org"), new Decoder().decode(modules(svg)).getText());
    }

    /** The QR modules the SVG draws, without the quiet zone, read back from its path. */
    private static BitMatrix modules(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int size = Integer.parseInt(box.group(1)) - 2 * QrCodeSvg.QUIET_ZONE;
        BitMatrix m = new BitMatrix(size);
        Matcher run = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - QrCodeSvg.QUIET_ZONE;
            int y = Integer.parseInt(run.group(2)) - QrCodeSvg.QUIET_ZONE;
            m.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
        return m;
    }
}
