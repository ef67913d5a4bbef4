package dev.gatehouse.it.jwk;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeyRing;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

/**
 * Only in the tests' second node ({@link dev.gatehouse.it.support.TestNode}: a second copy of the application on the same database).
 * Signs claims with the tenant's real keys through {@link JwtSigning} as the token server will, forges the
 * tokens an attacker would send, verifies, and races first-key creation on several threads. The tenant is the
 * request's, as everywhere ({@code /t/{tenant}/it-jwk/...}).
 */
@WebServlet("/it-jwk/*")
public class JwkTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    JwtSigning signing;
    @Inject
    KeyRing ring;
    @Inject
    CurrentTenant tenant;
    @Resource
    ManagedExecutorService pool;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        KeySetName set = new KeySetName(req.getParameter("set"));
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            String answer = switch (String.valueOf(req.getPathInfo())) {
                case "/sign" -> signing.sign(set, JWTClaimsSet.parse(body), JOSEObjectType.JWT);
                case "/forge" -> forge(set, req.getParameter("attack"), JWTClaimsSet.parse(body));
                case "/verify" -> signing.verify(set, body).map(JWTClaimsSet::toString).orElse(null);
                case "/race" -> race(tenant.id(), set, Integer.parseInt(req.getParameter("threads")));
                default -> throw new IllegalArgumentException("no such action");
            };
            if (answer == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType("text/plain");
            resp.getWriter().write(answer);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String forge(KeySetName set, String attack, JWTClaimsSet claims) throws Exception {
        SigningKey ours = ring.signer(tenant.id(), set);
        return switch (attack) {
            case "none" -> new PlainJWT(claims).serialize();
            case "none-with-kid" -> com.nimbusds.jose.util.Base64URL.encode(
                    ("{\"alg\":\"none\",\"kid\":\"" + ours.kid() + "\"}").getBytes(StandardCharsets.UTF_8))
                    + "." + claims.toPayload().toBase64URL() + ".";
            case "hs256-public-key" -> {
                JWK publicKey = ours.publicJwk();
                byte[] secret = publicKey.getKeyType().getValue().equals("RSA")
                        ? publicKey.toRSAKey().toRSAPublicKey().getEncoded() : publicKey.toECKey().toECPublicKey().getEncoded();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ours.kid()).build(), claims);
                jwt.sign(new MACSigner(secret));
                yield jwt.serialize();
            }
            default -> throw new IllegalArgumentException("unknown attack");
        };
    }

    /** Asks for the set's signing key on {@code threads} threads at once; returns the distinct kids they got. */
    private String race(TenantId t, KeySetName set, int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<String> task = () -> {
                start.await();
                return ring.signer(t, set).kid();
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        TreeSet<String> kids = new TreeSet<>();
        for (Future<String> f : results) {
            kids.add(f.get());
        }
        return String.join(",", kids);
    }
}
