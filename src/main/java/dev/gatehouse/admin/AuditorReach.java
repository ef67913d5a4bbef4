package dev.gatehouse.admin;

import java.util.regex.Pattern;

/**
 * What an admin token with the {@value #SCOPE} scope (and not {@value AdminTokens#SCOPE}) may do: read the audit log
 * and nothing else. Reading is {@code GET} or {@code HEAD} on {@code /admin/audit} and below (events, export, verify,
 * status, metrics, saved searches, alert rules), and running a saved search ({@code GET} or {@code POST} on
 * {@code /admin/audit/searches/.../run}), which changes nothing. Every other path and every other method is refused.
 * The rule looks at the decoded path the request is routed by, so it holds for resources added under
 * {@code /admin/audit} later.
 */
public final class AuditorReach {

    public static final String SCOPE = "gatehouse:auditor";

    private static final String AUDIT = "/admin/audit";
    private static final Pattern RUN_SEARCH = Pattern.compile("/admin/audit/searches/[^/]+(/[^/]+)*/run");

    private AuditorReach() {
    }

    /** Whether an auditor token may make this request; {@code path} is the decoded servlet path plus path info. */
    public static boolean permits(String method, String path) {
        boolean underAudit = path.equals(AUDIT) || path.startsWith(AUDIT + "/");
        if (!underAudit || path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
        return switch (method) {
            case "GET", "HEAD" -> true;
            case "POST" -> RUN_SEARCH.matcher(path).matches();
            default -> false;
        };
    }
}
