package dev.gatehouse.admin.console.clients;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientService;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.oauth2.client.api.ClientJson;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One OAuth2 client in the console ({@code ?id=}): its metadata as a form, saved as {@code PUT /admin/clients/{id}}
 * saves it (through {@link ClientService}, the secret kept). A client of another tenant is as unknown as a made-up
 * one: 404.
 */
@Named
@RequestScoped
public class ClientView {

    @Inject
    ClientService clients;
    @Inject
    CurrentTenant tenant;

    private RegisteredClient client;
    private ClientForm form;

    /** Reads the client named by {@code ?id=} (or the form's {@code id}); answers 404 when this tenant has none. */
    public void load() throws IOException {
        if (client() == null) {
            ConsoleMessages.notFound("No client with this id");
        }
    }

    public RegisteredClient getClient() {
        return client();
    }

    /** The form, filled with the stored metadata (and, on a post, what was sent over it). */
    public ClientForm getForm() {
        if (form == null) {
            form = client() == null ? new ClientForm() : ClientForm.of(stored());
        }
        return form;
    }

    public List<String> getAuthMethods() {
        return ClientsView.AUTH_METHODS;
    }

    /** Saves the form over the stored metadata, as {@code PUT /admin/clients/{id}} does. */
    public String save() {
        if (client() == null) {
            return null;
        }
        JsonObject json = getForm().json(stored());
        getForm().attempt(() -> clients.replace(tenant.id(), client.clientId(), ClientMetadataParser.parse(json), ConsoleMessages.actor()))
                .ifPresent(r -> {
                    client = r.stored();
                    ConsoleMessages.info("console.identity.saved");
                });
        return null;
    }

    /** The clients page, for the link back. */
    public String getBack() {
        return PublicUrls.of(request(), ConsolePage.CLIENTS.path());
    }

    private JsonObject stored() {
        return ClientJson.of(client, Optional.empty());
    }

    private RegisteredClient client() {
        if (client == null) {
            String id = request().getParameter("id");
            client = id == null ? null : clients.find(tenant.id(), id).orElse(null);
        }
        return client;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
