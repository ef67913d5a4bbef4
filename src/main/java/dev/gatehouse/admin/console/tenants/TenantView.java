package dev.gatehouse.admin.console.tenants;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantService;
import dev.gatehouse.tenant.settings.TenantSettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * One tenant in the default tenant's console ({@code ?id=}): its hosts, with a form that adds one and a removal per
 * host behind a confirmation (as {@code PUT} and {@code DELETE /admin/tenants/{id}/hosts/{host}} do, through
 * {@link TenantService}), and its settings as a form with one field per key a tenant may set, saved as a merge
 * patch of {@code /admin/tenants/{id}/settings} is (through {@link TenantSettingsService}): a filled-in field sets its
 * key, an empty one unsets it, so the global value applies. The same events fire, with the console user as actor.
 */
@Named
@RequestScoped
public class TenantView {

    @Inject
    TenantService tenants;
    @Inject
    TenantSettingsService settings;

    private Tenant tenant;
    private final TenantForm hostForm = new TenantForm(field -> field.equals("host") ? field : null);
    private TenantForm settingsForm;
    private SortedMap<String, String> globals;

    /** Reads the tenant named by {@code ?id=} (or the form's {@code id}); answers 404 when there is none. */
    public void load() throws IOException {
        if (tenant() == null) {
            ConsoleMessages.notFound("No tenant with this id");
        }
    }

    public Tenant getTenant() {
        return tenant();
    }

    public TenantForm getHostForm() {
        return hostForm;
    }

    /** Maps the form's host to the tenant. */
    public String addHost() {
        if (tenant() != null) {
            hostForm.attempt(() -> tenants.addHost(tenant.id().value(), hostForm.value("host"), ConsoleMessages.actor()))
                    .ifPresent(t -> {
                        tenant = t;
                        hostForm.clear();
                        ConsoleMessages.info("console.tenant.host.added");
                    });
        }
        return null;
    }

    /** Takes the form's {@code host} from the tenant. */
    public String removeHost() {
        String host = request().getParameter("host");
        if (tenant() != null && host != null) {
            hostForm.attempt(() -> tenants.removeHost(tenant.id().value(), host, ConsoleMessages.actor()))
                    .ifPresent(t -> {
                        tenant = t;
                        ConsoleMessages.info("console.tenant.host.removed");
                    });
        }
        return null;
    }

    /** Every key a tenant may set, in order. */
    public List<String> getSettingKeys() {
        return List.copyOf(globals().keySet());
    }

    /** The value that applies to a tenant that has not set {@code key}; empty when it has none. */
    public String global(String key) {
        return globals().get(key);
    }

    /** The settings form, filled with what the tenant has set (and, on a post, what was sent over it). */
    public TenantForm getSettingsForm() {
        if (settingsForm == null) {
            Set<String> keys = globals().keySet();
            settingsForm = new TenantForm(field -> keys.contains(field) ? field : null);
            if (tenant() != null) {
                settingsForm.getValues().putAll(settings.values(tenant.id()));
            }
        }
        return settingsForm;
    }

    /** Sets the filled-in keys and unsets the empty ones, as a merge patch does; all or nothing. */
    public String saveSettings() {
        if (tenant() == null) {
            return null;
        }
        TenantForm form = getSettingsForm();
        Map<String, String> set = new HashMap<>();
        Set<String> unset = new HashSet<>();
        for (String key : getSettingKeys()) {
            String value = form.value(key);
            if (value.isEmpty()) {
                unset.add(key);
            } else {
                set.put(key, value);
            }
        }
        TenantId id = tenant.id();
        form.attempt(() -> settings.patch(id, set, unset, ConsoleMessages.actor()))
                .ifPresent(stored -> ConsoleMessages.info("console.identity.saved"));
        return null;
    }

    /** The tenants page, for the link back. */
    public String getBack() {
        return PublicUrls.of(request(), ConsolePage.TENANTS.path());
    }

    private SortedMap<String, String> globals() {
        if (globals == null) {
            globals = settings.globalValues();
        }
        return globals;
    }

    private Tenant tenant() {
        if (tenant == null) {
            String id = request().getParameter("id");
            tenant = id == null ? null : tenants.find(id).orElse(null);
        }
        return tenant;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
