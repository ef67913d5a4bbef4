package dev.gatehouse.admin.console.rules;

import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.engine.Decision;
import dev.gatehouse.gateway.engine.DecisionEngine;
import dev.gatehouse.gateway.engine.Trial;
import dev.gatehouse.gateway.engine.TrialRequest;
import dev.gatehouse.gateway.port.LocalIntrospection;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Try a request": a method, URL and headers typed in, decided by the gateway's {@link DecisionEngine} in process
 * ({@link DecisionEngine#trial}): which rule matches (or none, or several), each handler's verdict, and the headers
 * the upstream would get. Nothing is sent to any upstream and nothing is logged as a decision; the handlers run as
 * for the decisions API (a {@code remote} authorizer or a {@code hydrator} calls out as it would there).
 */
@Named
@RequestScoped
public class RuleTrialView {

    /** Headers the reverse proxy never passes on (RFC 9110 section 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    @Inject
    DecisionEngine engine;
    @Inject
    LocalIntrospection tokenServer;
    @Inject
    CurrentTenant tenant;
    @Inject
    RequestContext context;

    private String method = "GET";
    private String url = "";
    private String headers = "";
    private final Map<String, String> errors = new HashMap<>();
    private GatewayRequest tried;
    private Trial trial;

    /** Decides about the request typed in; what cannot be read is shown at its field. */
    public String tryRequest() {
        try {
            tried = TrialRequest.parse(tenant.id(), method, url, headers, context.clientIp(), tokenServer.issuer(request()));
            trial = engine.trial(tried);
        } catch (ApiException e) {
            if (e.fieldErrors().isEmpty()) {
                errors.put("url", e.detail());
            }
            e.fieldErrors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
        }
        return null;
    }

    public Trial getTrial() {
        return trial;
    }

    public boolean isAllowed() {
        return trial != null && trial.decision() instanceof Decision.Allowed;
    }

    /** The denial's HTTP status and reason, as the decisions API would answer; null when allowed or not tried. */
    public String getDenial() {
        if (trial == null || !(trial.decision() instanceof Decision.Denied denied)) {
            return null;
        }
        return denied.error().kind().status() + " " + denied.error().kind().statusText() + ": " + denied.error().reason();
    }

    /** The headers the upstream would get: the request's own (but those a mutator sets, and hop-by-hop ones), then the mutators'. */
    public List<UpstreamHeader> getUpstreamHeaders() {
        if (!(trial != null && trial.decision() instanceof Decision.Allowed allowed)) {
            return List.of();
        }
        Map<String, String> mutated = allowed.session().headers();
        Set<String> replaced = new HashSet<>();
        mutated.keySet().forEach(k -> replaced.add(k.toLowerCase(Locale.ROOT)));
        List<UpstreamHeader> out = new ArrayList<>();
        tried.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !replaced.contains(lower)) {
                values.forEach(v -> out.add(new UpstreamHeader(name, v, false)));
            }
        });
        mutated.forEach((name, value) -> out.add(new UpstreamHeader(name, value, true)));
        return out;
    }

    /** One header for the upstream; {@code mutated} when a mutator of the rule set it. */
    public record UpstreamHeader(String name, String value, boolean mutated) {
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getHeaders() {
        return headers;
    }

    public void setHeaders(String headers) {
        this.headers = headers;
    }

    public String ruleLink(String id) {
        return PublicUrls.of(request(), ConsolePage.RULE.path() + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    public String getRulesLink() {
        return PublicUrls.of(request(), ConsolePage.RULES.path());
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
