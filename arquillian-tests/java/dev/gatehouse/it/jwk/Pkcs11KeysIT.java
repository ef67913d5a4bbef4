package dev.gatehouse.it.jwk;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.it.support.ClusterNodes;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RoundRobinBalancer;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.jwk.SoftHsm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing keys inside a PKCS#11 token (SoftHSM 2, a token this test initialises under {@code target/softhsm}): a
 * Gatehouse node configured with {@code gatehouse.jwk.signing-key-store=pkcs11} issues JWT access tokens that a
 * client verifies with the JWKS, rotates with overlap, keeps no private material in the database, and its keys
 * cannot be read out of the token. Every test works in a tenant of its own, so the IT server (whose keys stay sealed
 * in the database) never meets a key it cannot use.
 */
@ExtendWith(ItServerReady.class)
class Pkcs11KeysIT {

    private static final String ACCESS_SET = "hydra.jwt.access-token";

    private static SoftHsm.Token token;
    private static RoundRobinBalancer balancer;
    private static ClusterNodes node;

    @BeforeAll
    static void startNodeWithToken() throws Exception {
        ItServer.get();
        token = SoftHsm.token();
        balancer = new RoundRobinBalancer();
        Map<String, String> environment = new java.util.HashMap<>(SoftHsm.environment());
        environment.put("GATEHOUSE_JWK_PKCS11_PIN", token.pin());
        long started = System.nanoTime();
        node = ClusterNodes.start(1, balancer.baseUrl(), Map.of(
                "gatehouse.jwk.signing-key-store", "pkcs11",
                "gatehouse.jwk.pkcs11.library", SoftHsm.library().orElseThrow(
                        () -> new AssertionError("SoftHSM 2 is not installed: arquillian-tests/provision.sh installs it")).toString(),
                "gatehouse.jwk.pkcs11.slot", String.valueOf(token.slot())), environment, Duration.ofMinutes(5));
        balancer.balance(node.ports());
        System.out.println("[pkcs11] node with a SoftHSM token ready in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    @AfterAll
    static void stopNode() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (balancer != null) {
                balancer.close();
            }
        }
    }

    @Test
    void accessTokenWhenKeysInTokenThenVerifiesWithJwksAndNeitherRowNorTokenGivesOutThePrivateKey() throws Exception {
        String tenant = KeyTests.newTenant();
        String prefix = "/t/" + tenant;
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();

        SignedJWT accessToken = SignedJWT.parse(accessToken(prefix, client));
        JWKSet jwks = jwks(prefix);

        assertTrue(accessToken.verify(verifier(jwks, accessToken)), "signed in the token, verified with the published key");
        List<Row> rows = rows(tenant);
        assertEquals(Set.of(ACCESS_SET, "hydra.openid.id-token"), rows.stream().map(Row::set).collect(java.util.stream.Collectors.toSet()),
                "the JWKS made both published sets' keys, in the token: " + rows);
        for (Row row : rows) {
            assertNotNull(row.alias(), "the row names the key in the token: " + row);
            assertNull(row.ciphertext(), "the row holds no private material: " + row);
        }
        Row signer = rows.stream().filter(r -> r.kid().equals(accessToken.getHeader().getKeyID())).findFirst().orElseThrow();
        Key inToken = tokenKey(signer.alias());
        assertNull(inToken.getEncoded(), "the token refuses to hand the private key out");
        assertTrue(inToken.toString().contains("sensitive") && inToken.toString().contains("unextractable"), inToken.toString());
    }

    @Test
    void rotationWhenKeysInTokenThenNewKeyInTokenSignsAndOldTokensStillVerify() throws Exception {
        String prefix = "/t/" + KeyTests.newTenant();
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();
        SignedJWT before = SignedJWT.parse(accessToken(prefix, client));

        rotate(prefix);
        SignedJWT after = SignedJWT.parse(accessToken(prefix, client));
        JWKSet jwks = jwks(prefix);

        assertNotEquals(before.getHeader().getKeyID(), after.getHeader().getKeyID(), "the new key signs");
        assertTrue(before.verify(verifier(jwks, before)), "a token of the replaced key verifies during the overlap");
        assertTrue(after.verify(verifier(jwks, after)));
        Row rotated = rows(prefix.substring(3)).stream().filter(r -> r.kid().equals(after.getHeader().getKeyID())).findFirst().orElseThrow();
        assertNotNull(rotated.alias());
        assertNull(tokenKey(rotated.alias()).getEncoded());
    }

    /** The rotation drill ({@link RotationDrill}) on keys held in the token. */
    @Test
    void drillWhenKeysRotateMidTrafficThenNoTokenFailsToVerify() {
        String prefix = "/t/" + KeyTests.newTenant();
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();

        RotationDrill.Result result = RotationDrill.run(Pkcs11KeysIT::lb, prefix, client, 4, 3);

        System.out.println("[pkcs11] drill: " + result);
        assertEquals(List.of(), result.failures());
        assertEquals(4, result.kids().size(), "tokens of every key were seen: " + result.kids());
    }

    private static String lb(String path) {
        return balancer.baseUrl() + path;
    }

    private static String accessToken(String prefix, TestClient client) {
        return RotationDrill.accessToken(Pkcs11KeysIT::lb, prefix, client);
    }

    private static JWKSet jwks(String prefix) {
        return RotationDrill.jwks(Pkcs11KeysIT::lb, prefix);
    }

    private static JWSVerifier verifier(JWKSet jwks, SignedJWT jwt) throws Exception {
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the JWKS publishes " + jwt.getHeader().getKeyID());
        return new RSASSAVerifier(key.toRSAKey());
    }

    private static void rotate(String prefix) {
        RotationDrill.rotate(Pkcs11KeysIT::lb, prefix);
    }

    private record Row(String set, String kid, String alias, String ciphertext) {
    }

    private static List<Row> rows(String tenant) throws Exception {
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement q = c.prepareStatement(
                     "SELECT set_name, kid, token_alias, private_ciphertext FROM jwk_key WHERE tenant_id = ? ORDER BY set_name, kid")) {
            q.setString(1, tenant);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return rows;
        }
    }

    /** The key under {@code alias} as this test process sees it in the token: a handle, logged in with the user PIN. */
    private static Key tokenKey(String alias) throws Exception {
        Provider p11 = Security.getProvider("SunPKCS11").configure("--name = Pkcs11KeysIT\nlibrary = "
                + SoftHsm.library().orElseThrow() + "\nslot = " + token.slot() + "\n");
        KeyStore store = KeyStore.getInstance("PKCS11", p11);
        store.load(null, token.pin().toCharArray());
        Key key = store.getKey(alias, null);
        assertNotNull(key, "the token holds " + alias + "; it holds " + new HashSet<>(java.util.Collections.list(store.aliases())));
        return key;
    }
}
