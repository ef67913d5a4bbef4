package dev.gatehouse.credential.lookup;

import dev.gatehouse.platform.secrets.TokenHasher;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    private static final Instant ISSUED = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant LATER = ISSUED.plusSeconds(3600);

    private final RecoveryCodes codes = new RecoveryCodes(keyedHasher("recovery-code-test-key-000000001"), new SecureRandom());

    @Test
    void generateWhenCalledThenTwelveDistinctReadableCodes() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);

        assertEquals(12, issued.codes().size());
        assertEquals(12, new HashSet<>(issued.codes()).size());
        issued.codes().forEach(c -> assertTrue(c.matches("[a-z0-9]{8}"), c));
        assertEquals(12, issued.set().remaining());
        assertEquals(ISSUED, issued.set().createdAt());
    }

    @Test
    void generateWhenCalledThenNoPlainCodeIsStored() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);
        String stored = issued.set().toString();

        issued.codes().forEach(c -> assertFalse(stored.contains(c), c));
        assertFalse(issued.toString().contains(issued.codes().get(0)));
    }

    @Test
    void redeemWhenUnusedCodeThenRedeemedAndMarkedUsedAtThatTime() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);

        Redemption r = codes.redeem(issued.set(), issued.codes().get(3), LATER);

        RecoveryCodeSet updated = assertInstanceOf(Redemption.Redeemed.class, r).updated();
        assertEquals(11, updated.remaining());
        assertEquals(LATER, updated.codes().get(3).usedAt());
        assertEquals(12, issued.set().remaining(), "the set given in is not changed");
    }

    @Test
    void redeemWhenSameCodeTwiceThenAlreadyUsed() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);
        RecoveryCodeSet once = ((Redemption.Redeemed) codes.redeem(issued.set(), issued.codes().get(0), LATER)).updated();

        assertInstanceOf(Redemption.AlreadyUsed.class, codes.redeem(once, issued.codes().get(0), LATER.plusSeconds(1)));
    }

    @Test
    void redeemWhenUpperCaseWithSpacesOrHyphenThenSameCode() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);
        String code = issued.codes().get(5);

        String shown = " " + code.substring(0, 4).toUpperCase() + "-" + code.substring(4) + " ";
        assertInstanceOf(Redemption.Redeemed.class, codes.redeem(issued.set(), shown, LATER));
    }

    @Test
    void redeemWhenUnknownMalformedOrMissingThenInvalid() {
        RecoveryCodeSet set = codes.generate(ISSUED).set();

        for (String presented : new String[]{"zzzzzzzz", "short", "", null, "aaaaaaaaaaaaaaaa"}) {
            assertInstanceOf(Redemption.Invalid.class, codes.redeem(set, presented, LATER), String.valueOf(presented));
        }
    }

    @Test
    void redeemWhenCodeOfAReplacedSetThenInvalid() {
        RecoveryCodes.Issued old = codes.generate(ISSUED);
        RecoveryCodes.Issued renewed = codes.generate(LATER);

        for (String code : old.codes()) {
            assertInstanceOf(Redemption.Invalid.class, codes.redeem(renewed.set(), code, LATER));
        }
        assertInstanceOf(Redemption.Redeemed.class, codes.redeem(renewed.set(), renewed.codes().get(0), LATER));
    }

    @Test
    void redeemWhenOtherServerKeyThenInvalid() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);
        RecoveryCodes otherServer = new RecoveryCodes(keyedHasher("another-server-key-0000000000002"), new SecureRandom());

        assertInstanceOf(Redemption.Invalid.class, otherServer.redeem(issued.set(), issued.codes().get(0), LATER));
    }

    @Test
    void remainingWhenEveryCodeUsedThenZeroAndUsedUp() {
        RecoveryCodes.Issued issued = codes.generate(ISSUED);
        RecoveryCodeSet set = issued.set();
        for (String code : issued.codes()) {
            set = ((Redemption.Redeemed) codes.redeem(set, code, LATER)).updated();
        }

        assertEquals(0, set.remaining());
        assertTrue(set.usedUp());
    }

    @Test
    void setWhenNoCodesThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecoveryCodeSet("salt", List.of(), ISSUED));
    }

    /** HMAC-SHA-256 under a fixed key, as the server's {@link TokenHasher} computes it, without a database. */
    private static TokenHasher keyedHasher(String key) {
        return new TokenHasher() {
            @Override
            public String hash(String token) {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
