package dev.gatehouse.admin.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's pages, each under {@code /ui/console/}, and the roles that may open it. A page not listed here is
 * opened by no role. The navigation shows a user only the pages of {@link #navigation(ConsoleRole)}.
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
    COURIER("courier", "console.nav.courier", true, EnumSet.of(ConsoleRole.ADMIN, ConsoleRole.AUDITOR));

    /** Where the console's pages are, below the Faces servlet. */
    public static final String BASE = "/ui/console/";

    private final String name;
    private final String label;
    private final boolean inNavigation;
    private final Set<ConsoleRole> roles;

    ConsolePage(String name, String label, boolean inNavigation, Set<ConsoleRole> roles) {
        this.name = name;
        this.label = label;
        this.inNavigation = inNavigation;
        this.roles = roles;
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

    public boolean opensFor(ConsoleRole role) {
        return roles.contains(role);
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

    /** The pages the role sees in the navigation, in order. */
    public static List<ConsolePage> navigation(ConsoleRole role) {
        return EnumSet.allOf(ConsolePage.class).stream().filter(p -> p.inNavigation && p.opensFor(role)).toList();
    }
}
