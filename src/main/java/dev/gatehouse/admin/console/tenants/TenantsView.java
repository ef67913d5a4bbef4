package dev.gatehouse.admin.console.tenants;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The tenants page of the default tenant's console: a page of tenants or those a search finds (by id, name or
 * host), and a form that creates one through {@link TenantService} as {@code POST /admin/tenants} does, so the same
 * rules hold (a violation is shown at its field) and {@code TENANT_CREATED} names the console user.
 */
@Named
@RequestScoped
public class TenantsView extends PagedList<Tenant> {

    /** The create form's fields, by the admin API's names. */
    static final List<String> FIELDS = List.of("id", "display_name", "hosts");

    @Inject
    TenantService tenants;

    private final TenantForm form = new TenantForm(field -> field.startsWith("hosts") ? "hosts" : FIELDS.contains(field) ? field : null);

    @Override
    protected List<Tenant> read(String query, int offset, int limit) {
        return tenants.search(query, offset, limit);
    }

    @Override
    protected ConsolePage page() {
        return ConsolePage.TENANTS;
    }

    public TenantForm getForm() {
        return form;
    }

    /** A tenant's own page in the console. */
    public String link(Tenant tenant) {
        return PublicUrls.of(request(), ConsolePage.TENANT.path() + "?id=" + URLEncoder.encode(tenant.id().value(), StandardCharsets.UTF_8));
    }

    public String hosts(Tenant tenant) {
        return String.join(" ", tenant.hosts());
    }

    /** Creates a tenant from the form, as {@code POST /admin/tenants} does. */
    public String create() {
        TenantService.NewTenant asked = new TenantService.NewTenant(form.value("id"),
                form.value("display_name").isEmpty() ? null : form.value("display_name"), hostList(form.value("hosts")));
        form.attempt(() -> tenants.create(asked, ConsoleMessages.actor())).ifPresent(t -> {
            reload();
            form.clear();
            ConsoleMessages.info("console.tenants.created");
        });
        return null;
    }

    /** Host names separated by blanks, commas or line breaks. */
    static List<String> hostList(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
