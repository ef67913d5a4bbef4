package dev.gatehouse.admin.console.clients;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientRegistration;
import dev.gatehouse.oauth2.client.ClientService;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.oauth2.client.api.ClientJson;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth2 clients page: a page of the tenant's clients or those a search finds (by client id, else by name), a
 * form that registers one, and per client a secret rotation and a delete. Every change goes through
 * {@link ClientService} with the metadata read by {@link ClientMetadataParser}, as {@code /admin/clients} does, so the
 * same rules hold (a violation is shown at its field) and the same security events fire with the console user as
 * actor. A secret made here is shown in this one answer and never again.
 */
@Named
@RequestScoped
public class ClientsView extends PagedList<RegisteredClient> {

    /** The client authentication methods the forms offer (private_key_jwt needs keys: the admin API registers those). */
    static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post", "none");

    @Inject
    ClientService clients;
    @Inject
    CurrentTenant tenant;

    private final ClientForm form = new ClientForm();
    private String shownId;
    private String shownSecret;

    @Override
    protected List<RegisteredClient> read(String query, int offset, int limit) {
        if (query.isEmpty()) {
            return clients.list(tenant.id(), Optional.empty(), offset, limit);
        }
        Optional<RegisteredClient> byId = offset == 0 ? clients.find(tenant.id(), query) : Optional.empty();
        return byId.map(List::of).orElseGet(() -> clients.list(tenant.id(), Optional.of(query), offset, limit));
    }

    /**
     * The search, or on a row's form the client it names: the rows a form is decoded against are then the ones it
     * was drawn in, whatever list the page showed.
     */
    @Override
    public String getQuery() {
        String client = request().getParameter("client");
        return client != null && !client.isBlank() ? client.trim() : super.getQuery();
    }

    @Override
    protected ConsolePage page() {
        return ConsolePage.CLIENTS;
    }

    /** The create form (bound by the page; all fields start empty). */
    public ClientForm getForm() {
        return form;
    }

    public List<String> getAuthMethods() {
        return AUTH_METHODS;
    }

    /** A client's own page in the console. */
    public String link(RegisteredClient client) {
        return PublicUrls.of(request(), ConsolePage.CLIENT.path() + "?id=" + URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8));
    }

    /** The client whose secret is shown now (just registered or rotated), else null. */
    public String getShownId() {
        return shownId;
    }

    /** A secret that exists in clear only in this answer, else null. */
    public String getShownSecret() {
        return shownSecret;
    }

    public String grants(RegisteredClient client) {
        return String.join(" ", client.client().grantTypes());
    }

    /** Registers a client from the form, as {@code POST /admin/clients} does. */
    public String create() {
        JsonObject json = form.json(JsonValue.EMPTY_JSON_OBJECT);
        Optional<ClientRegistration> created = form.attempt(() -> clients.create(tenant.id(), ClientMetadataParser.parse(json),
                false, ConsoleMessages.actor()));
        created.ifPresent(r -> {
            reload();
            show(r);
            form.clear();
            ConsoleMessages.info("console.clients.created");
        });
        return null;
    }

    /** Gives the client named by the form's {@code client} a new generated secret; the old one stops working. */
    public String rotateSecret() {
        Optional<RegisteredClient> client = chosen();
        if (client.isEmpty()) {
            return null;
        }
        if (!client.get().client().tokenEndpointAuthMethod().wire().startsWith("client_secret")) {
            ConsoleMessages.error("console.clients.secret.none");
            return null;
        }
        JsonObject json = JsonP.createObjectBuilder(ClientJson.of(client.get(), Optional.empty()))
                .add("client_secret", Ids.token()).build();
        form.attempt(() -> clients.replace(tenant.id(), client.get().clientId(), ClientMetadataParser.parse(json), ConsoleMessages.actor()))
                .ifPresent(r -> {
                    show(r);
                    ConsoleMessages.info("console.clients.secret.rotated");
                });
        return null;
    }

    /** Deletes the client named by the form's {@code client}, as {@code DELETE /admin/clients/{id}} does. */
    public String delete() {
        chosen().ifPresent(c -> form.attempt(() -> {
            clients.delete(tenant.id(), c.clientId(), ConsoleMessages.actor());
            return c;
        }).ifPresent(d -> {
            reload();
            ConsoleMessages.info("console.clients.deleted");
        }));
        return null;
    }

    private Optional<RegisteredClient> chosen() {
        String id = request().getParameter("client");
        Optional<RegisteredClient> client = id == null ? Optional.empty() : clients.find(tenant.id(), id);
        if (client.isEmpty()) {
            ConsoleMessages.error("console.clients.unknown");
        }
        return client;
    }

    private void show(ClientRegistration r) {
        shownId = r.stored().clientId();
        shownSecret = r.secret().orElse(null);
    }
}
