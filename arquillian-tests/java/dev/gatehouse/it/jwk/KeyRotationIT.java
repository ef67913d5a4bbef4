package dev.gatehouse.it.jwk;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotation with overlap and first-key creation, with two nodes on one database: the main application and a
 * second copy of it ({@link JwkTestServlet}) that signs with the tenant's real keys.
 */
@ExtendWith(ItServerReady.class)
class KeyRotationIT {

    private static final String CLAIMS = "{\"iss\":\"https://issuer.example\",\"sub\":\"ada\",\"exp\":4102444800}";

    private final URL nodeUrl = TestNode.url();

    private static String kid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    @Test
    void rotationWhenNewKeyTakesOverThenOldTokensStillVerifyAndNewTokensCarryNewKid() throws Exception {
        JwkNode node = new JwkNode(nodeUrl);
        String set = KeyTests.newSet();
        String before = node.sign("", set, CLAIMS);
        String oldKid = kid(before);

        // rotate on the node that signs (its cache is dropped at once); Hydra's way: POST a new key to the set
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.base() + "/admin/keys/" + set))
                .header("Authorization", "Bearer " + ItServer.get().adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"alg\":\"ES256\",\"use\":\"sig\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String after = node.sign("", set, CLAIMS);

        assertNotEquals(oldKid, kid(after), "new tokens carry the new kid");
        assertEquals("ES256", SignedJWT.parse(after).getHeader().getAlgorithm().getName());
        assertNotNull(node.verify("", set, before), "tokens signed before the rotation still verify");
        assertNotNull(node.verify("", set, after));
        List<String> published = KeyTests.kids(KeyTests.jwks(""));
        assertTrue(published.contains(oldKid) && published.contains(kid(after)), "both keys published during the overlap");
    }

    /** The rotation drill ({@link RotationDrill}) on keys sealed in the database, on the IT server itself. */
    @Test
    void drillWhenKeysRotateMidTrafficThenNoTokenFailsToVerify() {
        String prefix = "/t/" + KeyTests.newTenant();
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();

        RotationDrill.Result result = RotationDrill.run(path -> path, prefix, client, 4, 3);

        System.out.println("[jwk] drill: " + result);
        assertEquals(List.of(), result.failures());
        assertEquals(4, result.kids().size(), "tokens of every key were seen: " + result.kids());
    }

    @Test
    void verifyWhenKeyDeletedThenItsTokensRefused() throws Exception {
        JwkNode node = new JwkNode(nodeUrl);
        String set = KeyTests.newSet();
        String token = node.sign("", set, CLAIMS);

        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.base() + "/admin/keys/" + set + "/" + kid(token)))
                .header("Authorization", "Bearer " + ItServer.get().adminKey()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(null, node.verify("", set, token));
        assertNotEquals(kid(token), kid(node.sign("", set, CLAIMS)), "the next signature creates a fresh key");
    }

    @Test
    void firstKeyWhenTwoNodesAndManyThreadsRaceThenExactlyOneKeyPerSet() throws Exception {
        JwkNode node = new JwkNode(nodeUrl);
        String tenant = KeyTests.newTenant();
        String prefix = "/t/" + tenant;

        // node 2: eight threads ask for the ID-token key; node 1: eight JWKS requests create both published sets' keys
        CompletableFuture<String> raced = CompletableFuture.supplyAsync(
                () -> node.call(prefix, "race", "set=hydra.openid.id-token&threads=8", ""));
        List<CompletableFuture<List<String>>> fetched = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fetched.add(CompletableFuture.supplyAsync(() -> KeyTests.kids(KeyTests.jwks(prefix))));
        }
        String racedKids = raced.get();
        for (CompletableFuture<List<String>> f : fetched) {
            assertEquals(2, f.get().size(), "every answer shows one key per set: " + f.get());
        }

        assertFalse(racedKids.contains(","), "all threads got the same key: " + racedKids);
        List<String> idTokenKeys = KeyTests.kids(KeyTests.jwks(prefix));
        assertEquals(2, idTokenKeys.size(), idTokenKeys.toString());
        Http.Response set = Http.get(prefix + "/admin/keys/hydra.openid.id-token").admin().send();
        assertEquals(List.of(racedKids), KeyTests.kids(com.nimbusds.jose.jwk.JWKSet.parse(set.body())));
    }
}
