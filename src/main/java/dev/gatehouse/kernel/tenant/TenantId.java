package dev.gatehouse.kernel.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's identifier, also its URL slug: lower-case letters, digits and inner hyphens, at most 63
 * characters (a DNS label), so it is safe in paths, host names and log fields.
 */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a tenant id");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
