package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.Pkce;
import dev.gatehouse.platform.demo.DemoSeeding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Demo clients in the default tenant: a public client for the authorization code flow with PKCE (as a native or
 * single-page app would be) and a confidential client for client credentials. Seeded once; the confidential
 * client's secret exists in clear only at that first seeding, so it is printed then and never again. Each start
 * prints a fresh PKCE verifier and challenge with a ready authorization URL.
 */
@ApplicationScoped
public class ClientDemoSeed {

    static final String PUBLIC_ID = "demo-public";
    static final String CONFIDENTIAL_ID = "demo-confidential";
    static final String REDIRECT = "http://127.0.0.1:8085/callback";
    static final String SCOPE = "openid offline_access profile email";
    static final String BASE = "http://localhost:9080";

    @Inject
    ClientService clients;

    void seed(@Observes DemoSeeding seeding) {
        if (clients.find(TenantId.DEFAULT, PUBLIC_ID).isEmpty()) {
            clients.create(TenantId.DEFAULT, ClientMetadataParser.parse(metadata(PUBLIC_ID, "Demo public client (PKCE)", "none",
                    "authorization_code", "refresh_token")), false, "demo");
        }
        String verifier = Ids.token(32);
        String authorize = BASE + "/oauth2/auth?response_type=code&client_id=" + PUBLIC_ID
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode(SCOPE) + "&state=" + Ids.token(12)
                + "&code_challenge=" + Pkce.s256(verifier) + "&code_challenge_method=S256";
        seeding.seeded("OAuth2 public client " + PUBLIC_ID + " (none + PKCE, redirect " + REDIRECT + ") — open " + authorize
                + "  then redeem the code with code_verifier=" + verifier);

        if (clients.find(TenantId.DEFAULT, CONFIDENTIAL_ID).isPresent()) {
            seeding.seeded("OAuth2 confidential client " + CONFIDENTIAL_ID + ": already present; its secret was printed at the "
                    + "first seeding only — e.g. curl -s -u " + CONFIDENTIAL_ID + ":<secret> -d grant_type=client_credentials "
                    + BASE + "/oauth2/token");
            return;
        }
        ClientRegistration confidential = clients.create(TenantId.DEFAULT, ClientMetadataParser.parse(metadata(CONFIDENTIAL_ID,
                "Demo confidential client", "client_secret_basic", "client_credentials", "authorization_code", "refresh_token")),
                false, "demo");
        String secret = confidential.secret().orElseThrow();
        seeding.seeded("OAuth2 confidential client " + CONFIDENTIAL_ID + " with secret " + secret
                + " (printed at this first seeding only, stored hashed) — e.g. curl -s -u " + CONFIDENTIAL_ID + ":" + secret
                + " -d grant_type=client_credentials " + BASE + "/oauth2/token");
    }

    private static JsonObject metadata(String id, String name, String method, String... grants) {
        var grantTypes = JsonP.createArrayBuilder();
        for (String g : grants) {
            grantTypes.add(g);
        }
        return JsonP.createObjectBuilder().add("client_id", id).add("client_name", name)
                .add("token_endpoint_auth_method", method).add("grant_types", grantTypes)
                .add("redirect_uris", JsonP.createArrayBuilder().add(REDIRECT))
                .add("post_logout_redirect_uris", JsonP.createArrayBuilder().add("http://127.0.0.1:8085/"))
                .add("scope", SCOPE).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
