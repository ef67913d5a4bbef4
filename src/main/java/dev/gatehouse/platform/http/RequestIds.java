package dev.gatehouse.platform.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: a caller's {@code X-Request-ID} is kept if it is well-formed, otherwise one is made. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    private RequestIds() {
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    public static String acceptOrGenerate(String candidate) {
        return isWellFormed(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
