package dev.gatehouse.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpMaskingTest {

    private static UnaryOperator<String> hmac(String key) {
        return text -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final UnaryOperator<String> KEY = hmac("server-key-server-key-server-key-1");

    @ParameterizedTest
    @CsvSource({"203.0.113.9,203.0.113.0", "10.1.2.255,10.1.2.0", "2001:db8:85a3:8d3:1319:8a2e:370:7348,2001:db8:85a3::",
            "2001:DB8::1,2001:db8::", "::1,::", "[2001:db8:1:2::5],2001:db8:1::", "fe80::1%eth0,fe80::",
            "::ffff:198.51.100.7,198.51.100.0"})
    void maskWhenTruncateThenKeepsTheNetworkOnly(String ip, String network) {
        assertEquals(network, IpMasking.TRUNCATE.mask(ip, KEY));
    }

    @Test
    void maskWhenHashThenEqualAddressesCorrelateAndDifferentOnesDoNot() {
        String a = IpMasking.HASH.mask("203.0.113.9", KEY);

        assertTrue(a.matches("hmac:[0-9a-f]{32}"), a);
        assertEquals(a, IpMasking.HASH.mask("203.0.113.9", KEY));
        assertEquals(IpMasking.HASH.mask("2001:db8::1", KEY), IpMasking.HASH.mask("2001:DB8:0:0::1", KEY));
        assertNotEquals(a, IpMasking.HASH.mask("203.0.113.10", KEY));
        assertNotEquals(a, IpMasking.HASH.mask("203.0.113.9", hmac("another-server-key-another-server")));
        assertTrue(!a.contains("203"), a);
    }

    @Test
    void maskWhenNoneThenAddressKept() {
        assertEquals("203.0.113.9", IpMasking.NONE.mask("203.0.113.9", KEY));
        assertNull(IpMasking.NONE.mask(null, KEY));
    }

    @ParameterizedTest
    @CsvSource({"unknown", "example.org", "1.2.3", "300.1.1.1", "::g"})
    void maskWhenNotAnAddressThenNothingKept(String value) {
        assertNull(IpMasking.TRUNCATE.mask(value, KEY));
        assertNull(IpMasking.HASH.mask(value, KEY));
    }

    @Test
    void queryWhenFullOrMaskedValueThenMatchesWhatRowsKeep() {
        String row = IpMasking.HASH.mask("203.0.113.9", KEY);

        assertEquals(row, IpMasking.HASH.query("203.0.113.9", KEY));
        assertEquals(row, IpMasking.HASH.query(row, KEY));
        assertEquals("203.0.113.0", IpMasking.TRUNCATE.query("203.0.113.9", KEY));
        assertEquals("203.0.113.0", IpMasking.TRUNCATE.query("203.0.113.0", KEY));
        assertEquals("203.0.113.9", IpMasking.NONE.query("203.0.113.9", KEY));
    }
}
