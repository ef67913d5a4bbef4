package dev.gatehouse.admin.console.identities;

import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The identities list: a page of the tenant's identities, or the one a search finds by its login identifier (as
 * {@code GET /admin/identities?credentials_identifier=} does) or by its id; with a trait named ({@code ?trait=}), a
 * page of those whose string trait of that name starts with the search text.
 */
@Named
@RequestScoped
public class IdentitiesView extends PagedList<Identity> {

    @Inject
    IdentityService identities;
    @Inject
    CurrentTenant tenant;

    private static final Pattern TRAIT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Override
    protected List<Identity> read(String query, int offset, int limit) {
        String trait = getTrait();
        if (!trait.isEmpty() && !query.isEmpty()) {
            return TRAIT.matcher(trait).matches() ? identities.searchByTrait(tenant.id(), trait, query, offset, limit) : List.of();
        }
        if (query.isEmpty()) {
            return identities.list(tenant.id(), offset, limit);
        }
        if (offset > 0) {
            return List.of();
        }
        return identities.findByIdentifier(tenant.id(), query).or(() -> identities.find(tenant.id(), query))
                .map(List::of).orElse(List.of());
    }

    @Override
    protected String filters() {
        String trait = getTrait();
        return trait.isEmpty() ? "" : "&trait=" + URLEncoder.encode(trait, StandardCharsets.UTF_8);
    }

    /** The trait searched in ({@code ?trait=}, a property name such as {@code name} or {@code phone}); empty for identifiers. */
    public String getTrait() {
        String trait = request().getParameter("trait");
        return trait == null ? "" : trait.trim();
    }

    @Override
    protected ConsolePage page() {
        return ConsolePage.IDENTITIES;
    }

    /** The identity's page in the console. */
    public String link(Identity identity) {
        return PublicUrls.of(request(), ConsolePage.IDENTITY.path() + "?id=" + identity.id());
    }

    /** What the list shows to tell identities apart: the e-mail, phone or username trait, else the id. */
    public String name(Identity identity) {
        for (String key : new String[]{"email", "phone", "username"}) {
            if (identity.traits().get(key) instanceof JsonString s) {
                return s.getString();
            }
        }
        return identity.id().toString();
    }
}
