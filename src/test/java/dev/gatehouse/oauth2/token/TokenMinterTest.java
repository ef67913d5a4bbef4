package dev.gatehouse.oauth2.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TokenMinterTest {

    @Test
    void atHashWhenComputedThenSameAsNimbusForRs256AndEs256() {
        String token = "ory_at_" + "k".repeat(43);

        assertEquals(AccessTokenHash.compute(new BearerAccessToken(token), JWSAlgorithm.RS256, null).getValue(),
                TokenMinter.atHash(token));
        assertEquals(AccessTokenHash.compute(new BearerAccessToken(token), JWSAlgorithm.ES256, null).getValue(),
                TokenMinter.atHash(token));
        assertNotEquals(TokenMinter.atHash(token), TokenMinter.atHash(token + "x"));
    }

    @Test
    void jsonWhenNotAnObjectThenEmpty() {
        assertEquals(Map.of(), TokenMinter.json("[1,2]"));
        assertEquals(Map.of(), TokenMinter.json(""));
        assertEquals(Map.of("tier", "gold"), TokenMinter.json("{\"tier\":\"gold\"}"));
    }
}
