package dev.gatehouse.credential.webauthn;

import com.webauthn4j.data.client.Origin;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relying party a credential is bound to (<a href="https://www.w3.org/TR/webauthn-3/#relying-party">WebAuthn
 * §4</a>): its id, a registrable domain such as {@code example.org} that authenticators hash into every response;
 * the name they show; and the exact origins ({@code https://login.example.org}) pages may call WebAuthn from.
 * Plain {@code http} is allowed only for {@code localhost}, as browsers allow it.
 */
public record RelyingParty(String id, String name, Set<String> origins) {

    public RelyingParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank() || !id.equals(id.toLowerCase(Locale.ROOT)) || id.contains("/") || id.contains(":")) {
            throw new IllegalArgumentException("relying party id must be a lower-case host name: " + id);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("relying party name is required");
        }
        origins = Set.copyOf(origins);
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("at least one origin is required");
        }
        for (String origin : origins) {
            checkOrigin(id, origin);
        }
    }

    Set<Origin> webauthn4jOrigins() {
        return origins.stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
    }

    private static void checkOrigin(String rpId, String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an origin: " + origin, e);
        }
        String host = uri.getHost();
        boolean originOnly = host != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        boolean secure = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && "localhost".equals(host));
        if (!originOnly || !secure) {
            throw new IllegalArgumentException("origin must be https://host[:port] (http only for localhost): " + origin);
        }
        if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
            throw new IllegalArgumentException("origin " + origin + " is not within relying party id " + rpId);
        }
    }
}
