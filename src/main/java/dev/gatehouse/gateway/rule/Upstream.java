package dev.gatehouse.gateway.rule;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;

/**
 * Where the reverse proxy sends an allowed request: {@code url}, whether the client's {@code Host} is kept
 * ({@code preserve_host}) and a path prefix removed before forwarding ({@code strip_path}).
 */
public record Upstream(String url, boolean preserveHost, String stripPath) {

    public static final Upstream NONE = new Upstream("", false, "");

    public Upstream {
        url = url == null ? "" : url;
        stripPath = stripPath == null ? "" : stripPath;
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    JsonObject toJson() {
        return JsonP.createObjectBuilder().add("url", url).add("preserve_host", preserveHost)
                .add("strip_path", stripPath).build();
    }
}
