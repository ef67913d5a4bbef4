package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientService;
import dev.gatehouse.oauth2.client.DuplicateClientException;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.RegisteredClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The console's OAuth 2.0 client of each tenant: a public client ({@code none}, so PKCE S256 is required) for the
 * authorization code flow, first-party ({@code skip_consent}), asking only for {@code openid}. Made on the tenant's
 * first console visit. Its redirect URI is the console callback under the tenant's public base URL, which comes
 * from configuration (the public base URL or a host registered for the tenant), never from a {@code Host} header
 * nobody configured; a tenant reached under a second configured base gets that callback added.
 */
@ApplicationScoped
public class ConsoleClients {

    /** The console client's id, the same in every tenant. */
    public static final String CLIENT_ID = "gatehouse-console";
    static final String ACTOR = "console";

    @Inject
    ClientService clients;

    /** The tenant's console client, made (or given this callback) when needed. */
    public OAuth2Client ensure(TenantId tenant, String callback) {
        Optional<RegisteredClient> found = clients.find(tenant, CLIENT_ID);
        if (found.isPresent() && found.get().client().redirectUris().contains(callback)) {
            return found.get().client();
        }
        Set<String> callbacks = new LinkedHashSet<>();
        found.ifPresent(f -> callbacks.addAll(f.client().redirectUris()));
        callbacks.add(callback);
        try {
            return found.isPresent()
                    ? clients.replace(tenant, CLIENT_ID, ClientMetadataParser.parse(metadata(callbacks)), ACTOR).stored().client()
                    : clients.create(tenant, ClientMetadataParser.parse(metadata(callbacks)), false, ACTOR).stored().client();
        } catch (DuplicateClientException e) {
            // another node (or request) made it a moment ago
            return clients.find(tenant, CLIENT_ID).orElseThrow(() -> e).client();
        }
    }

    private static jakarta.json.JsonObject metadata(Set<String> callbacks) {
        JsonArrayBuilder uris = JsonP.createArrayBuilder();
        callbacks.forEach(uris::add);
        return JsonP.createObjectBuilder()
                .add("client_id", CLIENT_ID)
                .add("client_name", "Gatehouse admin console")
                .add("token_endpoint_auth_method", "none")
                .add("grant_types", JsonP.createArrayBuilder().add("authorization_code"))
                .add("response_types", JsonP.createArrayBuilder().add("code"))
                .add("redirect_uris", uris)
                .add("scope", "openid")
                .add("skip_consent", true)
                .build();
    }
}
