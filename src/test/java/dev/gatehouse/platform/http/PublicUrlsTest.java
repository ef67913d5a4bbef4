package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PublicUrls#secure}: the one decision behind every cookie's {@code Secure} flag (session, CSRF, OAuth 2.0
 * CSRF and login session, language), taken from the public base URL and never from the hop that reached Liberty.
 */
class PublicUrlsTest {

    /** A request that came over plain HTTP, answered under these request attributes (as the platform's filters set them). */
    private static HttpServletRequest plainHttp(Map<String, String> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(PublicUrlsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "isSecure" -> false;
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void secureWhenPublicBaseUrlHttpsThenTrueThoughTheHopWasPlainHttp() {
        HttpServletRequest behindTls = plainHttp(Map.of(RequestAttributes.PUBLIC_BASE, "https://login.example.com",
                RequestAttributes.TENANT_PREFIX, "/t/acme"));

        assertTrue(PublicUrls.secure(behindTls));
        assertEquals("https://login.example.com/t/acme", PublicUrls.base(behindTls));
    }

    @Test
    void secureWhenPublicBaseUrlHttpThenFalse() {
        assertFalse(PublicUrls.secure(plainHttp(Map.of(RequestAttributes.PUBLIC_BASE, "http://localhost:9080"))));
    }
}
