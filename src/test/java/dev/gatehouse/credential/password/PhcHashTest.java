package dev.gatehouse.credential.password;

import dev.gatehouse.credential.password.PhcHash.Argon2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers from other implementations: the reference Argon2 C code's tests ({@code src/test.c} of
 * P-H-C/phc-winner-argon2), Ory Kratos' comparator tests (Go's x/crypto), OpenWall's crypt_blowfish and
 * pyca/bcrypt vectors, the PHP manual's {@code password_verify} example, and PBKDF2 from the JDK's SunJCE.
 */
class PhcHashTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Argon2: reference argon2 src/test.c (salt "somesalt"), and hashes written by Ory Kratos
            "password|$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "password|$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
            "password|$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8",
            "password|$argon2i$v=19$m=256,t=2,p=2$c29tZXNhbHQ$T/XOJ2mh1/TIpJHfCdQan76Q5esCFVoT5MAeIM1Oq2E",
            "test|$argon2id$v=19$m=32,t=5,p=4$cm94YnRVOW5jZzFzcVE4bQ$fBxypOL0nP/zdPE71JtAV71i487LbX3fJI5PoTN6Lp4",
            "test|$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw",
            // bcrypt: OpenWall crypt_blowfish wrapper.c; pyca/bcrypt (from OpenBSD); the PHP manual's
            // password_verify() example, the $2y$ that password_hash() and htpasswd -B write
            "U*U|$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "U*U*|$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK",
            "''|$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy",
            "Kk4DQuMMfZL9o|$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm",
            "rasmuslerdorf|$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
            // PBKDF2: written by Ory Kratos
            "test|$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
            "test|$pbkdf2-sha512$i=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc",
    })
    void matchesWhenKnownAnswerOfAnotherImplementationThenTrueForItsPasswordOnly(String password, String encoded) {
        PhcHash hash = PhcHash.parse(encoded);

        assertTrue(hash.matches(password));
        assertFalse(hash.matches(password + "x"));
    }

    @Test
    void matchesWhenArgon2dComputedThenRoundTrips() {
        Argon2 hash = Argon2.compute(Argon2.Type.ARGON2D, 64, 1, 1, "0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                32, "argon2d password");

        PhcHash parsed = PhcHash.parse(hash.encode());

        assertTrue(hash.encode().startsWith("$argon2d$v=19$m=64,t=1,p=1$"), hash.encode());
        assertTrue(parsed.matches("argon2d password"));
        assertFalse(parsed.matches("argon2i password"));
    }

    @Test
    void matchesWhenBcryptPasswordLongerThan72BytesThenOnlyTheFirst72Count() {
        PhcHash hash = PhcHash.parse("$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui");
        String first72 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        assertTrue(hash.matches(first72 + "chars after 72 are ignored"));
        assertTrue(hash.matches(first72));
        assertFalse(hash.matches(first72.substring(1)));
    }

    @ParameterizedTest
    @CsvSource({"sha256, PBKDF2WithHmacSHA256, 32", "sha512, PBKDF2WithHmacSHA512, 64"})
    void matchesWhenPbkdf2ComputedByTheJdkThenTrue(String prf, String jdkAlgorithm, int length)
            throws GeneralSecurityException {
        String password = "Grüße, 世界";
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] digest = SecretKeyFactory.getInstance(jdkAlgorithm)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, length * 8)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String encoded = "$pbkdf2-" + prf + "$i=1000,l=" + length + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(digest);

        PhcHash hash = PhcHash.parse(encoded);

        assertTrue(hash.matches(password));
        assertFalse(hash.matches("Grüsse, 世界"));
        assertEquals(encoded, hash.encode());
    }

    @Test
    void parseWhenPbkdf2Base64HasPaddingThenAccepted() throws GeneralSecurityException {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] digest = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("test".toCharArray(), salt, 1000, 256)).getEncoded();
        Base64.Encoder padded = Base64.getEncoder();

        PhcHash hash = PhcHash.parse("$pbkdf2-sha256$i=1000,l=32$" + padded.encodeToString(salt) + "$"
                + padded.encodeToString(digest));

        assertTrue(hash.matches("test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
            "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$pbkdf2-sha512$i=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc",
    })
    void encodeWhenParsedThenTheSameString(String encoded) {
        assertEquals(encoded, PhcHash.parse(encoded).encode());
        assertEquals(PhcHash.parse(encoded), PhcHash.parse(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "password",
            "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ",
            "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1,keyid=x$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$extra",
            "$argon2id$v=19$m=256,t=2,p=1$c29t!XNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQ",
            "$argon2id$v=19$m=8,t=2,p=4$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e",
            "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe",
            "$2a$5$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$pbkdf2-sha1$i=1000,l=20$c29tZXNhbHQ$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
            "$pbkdf2-sha256$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
            "$pbkdf2-sha256$i=100000,l=16$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
            "$pbkdf2-sha256$I=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
    })
    void parseWhenMalformedThenInvalidPasswordHash(String encoded) {
        assertThrows(InvalidPasswordHashException.class, () -> PhcHash.parse(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // 4 GiB of memory, a billion passes, 1000 lanes
            "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=262145,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=1000000000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=21,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=8192,t=2,p=1000$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            // bcrypt costs outside 4..31
            "$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$2a$32$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            // ten times the PBKDF2 bound
            "$pbkdf2-sha256$i=100000000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
    })
    void parseWhenWorkParametersHostileThenRefusedBeforeAnyWork(String encoded) {
        assertThrows(InvalidPasswordHashException.class, () -> PhcHash.parse(encoded));
    }

    @Test
    void parseWhenLongerThanAnyRealHashThenRefused() {
        String huge = "$pbkdf2-sha256$i=1000,l=32$" + "A".repeat(10_000) + "$" + "B".repeat(43);

        assertThrows(InvalidPasswordHashException.class, () -> PhcHash.parse(huge));
    }

    @Test
    void parseWhenRefusedThenMessageShowsNoPartOfTheHash() {
        String salt = "c29tZXNhbHQ";
        String digest = "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

        InvalidPasswordHashException e = assertThrows(InvalidPasswordHashException.class,
                () -> PhcHash.parse("$argon2id$v=19$m=4194304,t=2,p=1$" + salt + "$" + digest));

        assertTrue(e.getMessage().contains("argon2 memory"), e.getMessage());
        assertFalse(e.getMessage().contains(salt) || e.getMessage().contains(digest), e.getMessage());
    }

    @Test
    void toStringWhenParsedThenParametersWithoutTheDigest() {
        PhcHash hash = PhcHash.parse("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4");

        assertEquals("Argon2[argon2id, m=256, t=2, p=1]", hash.toString());
    }
}
