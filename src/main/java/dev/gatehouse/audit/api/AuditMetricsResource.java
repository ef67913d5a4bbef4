package dev.gatehouse.audit.api;

import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.metrics.AuditMetrics;
import dev.gatehouse.audit.metrics.MetricWindow;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/audit/metrics}: figures read from the request tenant's audit log over a window that ends now
 * ({@code window=now-7d}, the default; at most {@value #MAX_WINDOW_DAYS} days). {@code time-to-verification}: the
 * 50th and 95th percentile of the time from registration to the first verified address, per device class
 * ({@code group_by=device_class}, the default) or overall ({@code group_by=none}); {@code failed-verifications}:
 * counts by device class and client.
 */
@Path("admin/audit/metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditMetricsResource {

    static final int MAX_WINDOW_DAYS = 90;
    private static final String DEFAULT_WINDOW = "now-7d";

    @Inject
    AuditMetrics metrics;
    @Inject
    Transactions transactions;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Context
    UriInfo uri;

    @GET
    @Path("time-to-verification")
    public JsonObject timeToVerification() {
        Map<String, List<String>> params = params(Set.of("window", "group_by"));
        MetricWindow window = window(params);
        String groupBy = one(params, "group_by", "device_class");
        AuditMetrics.Grouping grouping = switch (groupBy) {
            case "device_class" -> AuditMetrics.Grouping.DEVICE_CLASS;
            case "none" -> AuditMetrics.Grouping.NONE;
            default -> throw AuditQueries.refused("group_by", "must be device_class or none");
        };
        String id = tenant.id().value();
        List<AuditMetrics.TimeToVerification> rows = transactions.call(() ->
                metrics.timeToVerification(id, window.from(), window.to(), grouping));
        JsonArrayBuilder groups = JsonP.createArrayBuilder();
        for (AuditMetrics.TimeToVerification g : rows) {
            JsonObjectBuilder b = JsonP.createObjectBuilder()
                    .add(grouping == AuditMetrics.Grouping.DEVICE_CLASS ? "device_class" : "group", g.group())
                    .add("registered", g.registered()).add("verified", g.verified());
            if (g.p50Seconds() != null) {
                b.add("p50_seconds", g.p50Seconds()).add("p95_seconds", g.p95Seconds());
            }
            groups.add(b);
        }
        return answer(window).add("group_by", groupBy).add("groups", groups).build();
    }

    @GET
    @Path("failed-verifications")
    public JsonObject failedVerifications() {
        Map<String, List<String>> params = params(Set.of("window"));
        MetricWindow window = window(params);
        String id = tenant.id().value();
        List<AuditMetrics.FailedVerifications> rows = transactions.call(() ->
                metrics.failedVerifications(id, window.from(), window.to()));
        JsonArrayBuilder groups = JsonP.createArrayBuilder();
        long total = 0;
        for (AuditMetrics.FailedVerifications g : rows) {
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("device_class", g.deviceClass());
            if (g.clientId() != null) {
                b.add("client_id", g.clientId());
            }
            groups.add(b.add("count", g.count()));
            total += g.count();
        }
        return answer(window).add("total", total).add("groups", groups).build();
    }

    private Map<String, List<String>> params(Set<String> known) {
        Map<String, List<String>> params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw AuditQueries.refused(name, "is not a parameter of this metric; parameters: " + known.stream().sorted().toList());
            }
        }
        return params;
    }

    private MetricWindow window(Map<String, List<String>> params) {
        return MetricWindow.parse("window", one(params, "window", DEFAULT_WINDOW), clock.instant(),
                Duration.ofDays(MAX_WINDOW_DAYS));
    }

    private static String one(Map<String, List<String>> params, String name, String otherwise) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return otherwise;
        }
        if (values.size() > 1) {
            throw AuditQueries.refused(name, "may be given once");
        }
        return values.get(0);
    }

    private static JsonObjectBuilder answer(MetricWindow window) {
        return JsonP.createObjectBuilder().add("window", JsonP.createObjectBuilder()
                .add("from", window.from().toString()).add("to", window.to().toString()));
    }
}
