package dev.gatehouse.kernel.log;

import java.util.List;
import java.util.Map;

/**
 * The {@code service_name} of a log record: the capability whose package the logger is named after, in the
 * words operators filter on ({@code identity}, {@code token-server}, {@code gateway}, {@code courier},
 * {@code platform}).
 */
public final class ServiceNames {

    public static final String IDENTITY = "identity";
    public static final String TOKEN_SERVER = "token-server";
    public static final String GATEWAY = "gateway";
    public static final String COURIER = "courier";
    public static final String PLATFORM = "platform";

    private static final List<Map.Entry<String, String>> PACKAGES = List.of(
            Map.entry("dev.gatehouse.identity", IDENTITY),
            Map.entry("dev.gatehouse.selfservice", IDENTITY),
            Map.entry("dev.gatehouse.session", IDENTITY),
            Map.entry("dev.gatehouse.credential", IDENTITY),
            Map.entry("dev.gatehouse.oauth2", TOKEN_SERVER),
            Map.entry("dev.gatehouse.oidc", TOKEN_SERVER),
            Map.entry("dev.gatehouse.jwk", TOKEN_SERVER),
            Map.entry("dev.gatehouse.gateway", GATEWAY),
            Map.entry("dev.gatehouse.courier", COURIER));

    private ServiceNames() {
    }

    /** The service of a logger named after a class (or package); anything else is the platform's. */
    public static String ofLogger(String loggerName) {
        if (loggerName != null) {
            for (Map.Entry<String, String> p : PACKAGES) {
                if (loggerName.equals(p.getKey()) || loggerName.startsWith(p.getKey() + ".")) {
                    return p.getValue();
                }
            }
        }
        return PLATFORM;
    }

    /** The service a security event belongs to, by the prefix of its type's name. */
    public static String ofEventType(String type) {
        if (type.startsWith("OAUTH2_") || type.startsWith("KEY_")) {
            return TOKEN_SERVER;
        }
        if (type.startsWith("GATEWAY_")) {
            return GATEWAY;
        }
        if (type.startsWith("MESSAGE_")) {
            return COURIER;
        }
        if (type.startsWith("ADMIN_") || type.startsWith("TENANT_") || type.startsWith("HOST_") || type.startsWith("DEMO_")
                || type.startsWith("AUDIT_")) {
            return PLATFORM;
        }
        return IDENTITY;
    }
}
