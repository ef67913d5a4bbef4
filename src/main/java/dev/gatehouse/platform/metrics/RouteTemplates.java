package dev.gatehouse.platform.metrics;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the JAX-RS resource template a request matched ({@code /admin/identities/{id}}, never the raw path), for
 * {@link HttpMetricsFilter} to label its latency with: one series per endpoint, whatever ids the paths carry.
 */
@Provider
@Priority(1)
public class RouteTemplates implements ContainerRequestFilter {

    /** The request attribute that carries the template. */
    public static final String ATTRIBUTE = "gatehouse.routeTemplate";

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        request.setAttribute(ATTRIBUTE, TEMPLATES.computeIfAbsent(method, m -> template(type, m)));
    }

    static String template(Class<?> type, Method method) {
        String base = path(type.getAnnotation(Path.class));
        String sub = path(method.getAnnotation(Path.class));
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String path(Path p) {
        return p == null ? "" : p.value().replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
    }
}
