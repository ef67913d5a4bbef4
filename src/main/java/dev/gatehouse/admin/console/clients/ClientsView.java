package dev.gatehouse.admin.console.clients;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientRegistration;
import dev.gatehouse.oauth2.client.ClientService;
import dev.gatehouse.oauth2.client.DuplicateClientException;
import dev.gatehouse.oauth2.client.InvalidClientMetadataException;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.oauth2.client.api.ClientJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

    /** The form's fields, by the client metadata field each one fills. */
    private static final List<String> FIELDS = List.of("client_id", "client_name", "grant_types", "redirect_uris", "scope",
            "token_endpoint_auth_method");

    @Inject
    ClientService clients;
    @Inject
    CurrentTenant tenant;

    private final Map<String, String> form = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
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

    /** The create form's values by metadata field (bound by the page; all start empty). */
    public Map<String, String> getForm() {
        return form;
    }

    /** What the service said about a field of the create form, by metadata field. */
    public Map<String, String> getErrors() {
        return errors;
    }

    public List<String> getAuthMethods() {
        return List.of("client_secret_basic", "client_secret_post", "none");
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
        JsonObjectBuilder json = Json.createObjectBuilder();
        text("client_id").ifPresent(v -> json.add("client_id", v));
        text("client_name").ifPresent(v -> json.add("client_name", v));
        text("grant_types").ifPresent(v -> json.add("grant_types", array(v)));
        text("redirect_uris").ifPresent(v -> json.add("redirect_uris", array(v)));
        text("scope").ifPresent(v -> json.add("scope", String.join(" ", words(v))));
        text("token_endpoint_auth_method").ifPresent(v -> json.add("token_endpoint_auth_method", v));
        Optional<ClientRegistration> created = attempt(() -> clients.create(tenant.id(), ClientMetadataParser.parse(json.build()),
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
        JsonObject json = Json.createObjectBuilder(ClientJson.of(client.get(), Optional.empty()))
                .add("client_secret", Ids.token()).build();
        attempt(() -> clients.replace(tenant.id(), client.get().clientId(), ClientMetadataParser.parse(json), ConsoleMessages.actor()))
                .ifPresent(r -> {
                    show(r);
                    ConsoleMessages.info("console.clients.secret.rotated");
                });
        return null;
    }

    /** Deletes the client named by the form's {@code client}, as {@code DELETE /admin/clients/{id}} does. */
    public String delete() {
        chosen().ifPresent(c -> attempt(() -> {
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

    /** Runs a change; a refusal is shown at its fields (metadata) or as a message (anything else the API would answer). */
    private <T> Optional<T> attempt(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (InvalidClientMetadataException e) {
            for (InvalidClientMetadataException.Violation v : e.violations()) {
                String field = FIELDS.contains(v.field()) ? v.field() : FIELDS.stream().filter(v.field()::startsWith).findFirst().orElse(null);
                if (field == null) {
                    ConsoleMessages.errorText(v.field() + ": " + v.message());
                } else {
                    errors.merge(field, v.message(), (a, b) -> a + "; " + b);
                }
            }
        } catch (DuplicateClientException e) {
            errors.put("client_id", ConsoleMessages.text("console.clients.taken"));
        } catch (ApiException e) {
            ConsoleMessages.errorText(e.detail());
        }
        return Optional.empty();
    }

    private Optional<String> text(String field) {
        return Optional.ofNullable(form.get(field)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static JsonArrayBuilder array(String text) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        words(text).forEach(array::add);
        return array;
    }

    /** The values of a field that takes several, separated by spaces, commas or line breaks. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
