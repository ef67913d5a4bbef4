package dev.gatehouse.admin.console;

import dev.gatehouse.kernel.tenant.TenantId;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's pages, each under {@code /ui/console/}, and the roles that may open it. A page not listed here is
 * opened by no role. A page about every tenant (the tenants pages) opens only for those roles in the default
 * tenant's console, since another tenant's users see only their own tenant. The navigation shows a user only the
 * pages of {@link #navigation(ConsoleUser)}.
 */
public enum ConsolePage {
    IDENTITIES("identities", "console.nav.identities", true, EnumSet.allOf(ConsoleRole.class)),
    IDENTITY("identity", "console.nav.identities", false, EnumSet.allOf(ConsoleRole.class)),
    CLIENTS("clients", "console.nav.clients", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    CLIENT("client", "console.nav.clients", false, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    KEYS("keys", "console.nav.keys", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    RULES("rules", "console.nav.rules", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    RULE("rule", "console.nav.rules", false, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    RULE_TRIAL("rule-trial", "console.nav.rules", false, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    COURIER("courier", "console.nav.courier", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR)),
    TENANTS("tenants", "console.nav.tenants", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR), true),
    TENANT("tenant", "console.nav.tenants", false, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR), true);

    /** Where the console's pages are, below the Faces servlet. */
    public static final String BASE = "/ui/console/";

    private final String name;
    private final String label;
    private final boolean inNavigation;
    private final Set<ConsoleRole> roles;
    private final boolean everyTenant;

    ConsolePage(String name, String label, boolean inNavigation, Set<ConsoleRole> roles) {
        this(name, label, inNavigation, roles, false);
    }

    ConsolePage(String name, String label, boolean inNavigation, Set<ConsoleRole> roles, boolean everyTenant) {
        this.name = name;
        this.label = label;
        this.inNavigation = inNavigation;
        this.roles = roles;
        this.everyTenant = everyTenant;
    }

    /** The page's path below the context root, e.g. {@code /ui/console/identities.xhtml}. */
    public String path() {
        return BASE + name + ".xhtml";
    }

    /** The resource-bundle key of its name in the navigation. */
    public String label() {
        return label;
    }

    public String pageName() {
        return name;
    }

    /** Whether the user's role opens the page, and, for a page about every tenant, the user is the default tenant's. */
    public boolean opensFor(ConsoleUser user) {
        return roles.contains(user.role()) && (!everyTenant || TenantId.DEFAULT.value().equals(user.tenant()));
    }

    /** The page at {@code path} (below the context root), if it is one of the console's. */
    public static Optional<ConsolePage> at(String path) {
        for (ConsolePage p : values()) {
            if (p.path().equals(path)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The pages the user sees in the navigation, in order. */
    public static List<ConsolePage> navigation(ConsoleUser user) {
        return EnumSet.allOf(ConsolePage.class).stream().filter(p -> p.inNavigation && p.opensFor(user)).toList();
    }
}
