package dev.gatehouse.kernel;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is acting in this request, for security events: set by the admin API's authentication (the admin key, or the
 * client whose admin token was accepted) and read by every capability's admin resources, so none of them needs the
 * admin capability itself.
 */
public final class RequestActor {

    /** The actor of a request authenticated by the admin API key. */
    public static final String ADMIN_API_KEY = "admin-api-key";

    private static final String ATTRIBUTE = "gatehouse.actor";

    private RequestActor() {
    }

    /** Who made this request, or null when nobody authenticated it as an admin. */
    public static String of(HttpServletRequest request) {
        Object actor = request.getAttribute(ATTRIBUTE);
        return actor == null ? null : actor.toString();
    }

    public static void set(HttpServletRequest request, String actor) {
        request.setAttribute(ATTRIBUTE, actor);
    }
}
