package dev.gatehouse.audit.search;

import dev.gatehouse.audit.AuditQueries;

import java.util.regex.Pattern;

/**
 * The naming scheme of saved searches: {@code Audit-<Subject>-<source>-<facet>}, e.g.
 * {@code Audit-Verifications-kratos-device}. {@code Subject} is what the search is about, one capitalised word of
 * letters and digits ({@code Logins}, {@code Verifications}, {@code AdminChanges}); {@code source} is where the events
 * come from, lower case ({@code kratos}, {@code hydra}, {@code oathkeeper}, {@code gatehouse}, {@code gateway});
 * {@code facet} is what the search looks at, lower-case words joined by hyphens ({@code device},
 * {@code failed-by-ip}). At most {@value #MAX_LENGTH} characters. One scheme keeps a long list of searches sortable
 * and greppable, and the same names work as dashboard or alert names elsewhere.
 */
public final class SearchNames {

    public static final int MAX_LENGTH = 128;
    private static final Pattern SCHEME = Pattern.compile(
            "Audit-[A-Z][A-Za-z0-9]{0,39}-[a-z][a-z0-9]{0,29}-[a-z0-9]+(?:-[a-z0-9]+){0,7}");

    private SearchNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && SCHEME.matcher(name).matches();
    }

    /** The name, or a 400 naming {@code name}. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw AuditQueries.refused("name", "must follow Audit-<Subject>-<source>-<facet>, e.g."
                    + " Audit-Verifications-kratos-device (Subject capitalised, source and facet lower case)");
        }
        return name;
    }
}
