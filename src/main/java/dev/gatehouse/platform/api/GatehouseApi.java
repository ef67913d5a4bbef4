package dev.gatehouse.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. It sits at the root because Ory's paths do ({@code /admin/...},
 * {@code /self-service/...}, {@code /oauth2/...}, {@code /.well-known/...}); Faces pages live under
 * {@code /ui/*}, whose longer servlet mapping wins over this one.
 */
@ApplicationPath("/")
public class GatehouseApi extends Application {
}
