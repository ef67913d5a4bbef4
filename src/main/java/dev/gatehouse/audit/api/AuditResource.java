package dev.gatehouse.audit.api;

import dev.gatehouse.audit.AuditAddresses;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.AuditRow;
import dev.gatehouse.audit.ChainVerification;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/audit}: the request tenant's audit log. {@code GET events} answers one page of rows with the cursor
 * of the next; {@code GET events/export?format=jsonl|csv} streams every matching row, reading page by page in short
 * transactions (memory stays bounded whatever the size); {@code GET verify} checks the tenant's hash chain. Guarded
 * by the admin filter: a tenant's admin token reaches only its own tenant's log.
 */
@Path("admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int EXPORT_PAGE = 500;

    @Inject
    AuditLog store;
    @Inject
    AuditEventsPage page;
    @Inject
    ChainVerification verification;
    @Inject
    Transactions transactions;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Inject
    AuditAddresses addresses;
    @Context
    UriInfo uri;

    @GET
    @Path("events")
    public JsonObject events() {
        Map<String, List<String>> params = new HashMap<>(uri.getQueryParameters());
        boolean withIdentity = includeIdentity(params.remove("include"));
        AuditFilter filter = addresses.query(tenant.id().value(), AuditQueries.parse(params, clock.instant()));
        return page.page(tenant.id(), filter, withIdentity);
    }

    @GET
    @Path("events/export")
    @Produces({"application/x-ndjson", "text/csv"})
    public Response export() {
        Map<String, List<String>> params = new HashMap<>(uri.getQueryParameters());
        List<String> formats = params.remove("format");
        String format = formats == null || formats.isEmpty() ? "jsonl" : formats.get(0);
        if (formats != null && formats.size() > 1 || !format.equals("jsonl") && !format.equals("csv")) {
            throw AuditQueries.refused("format", "must be jsonl or csv");
        }
        if (params.containsKey("include")) {
            throw AuditQueries.refused("include", "is not offered by the export");
        }
        params.remove("page_size");
        String id = tenant.id().value();
        AuditFilter filter = addresses.query(id, AuditQueries.parse(params, clock.instant()));
        boolean csv = format.equals("csv");
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                w.write(AuditJson.csvLine(AuditJson.CSV_COLUMNS));
            }
            Optional<AuditFilter.Cursor> after = filter.after();
            while (true) {
                AuditFilter page = new AuditFilter(filter.from(), filter.to(), filter.equals(), filter.keyword(),
                        filter.descending(), after, EXPORT_PAGE);
                List<AuditRow> rows = transactions.call(() -> store.find(id, page));
                for (AuditRow row : rows) {
                    w.write(csv ? AuditJson.csvLine(AuditJson.csv(row)) : AuditJson.json(row).toString() + "\n");
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
                AuditRow last = rows.get(rows.size() - 1);
                after = Optional.of(new AuditFilter.Cursor(last.entry().occurredAt(), last.seq()));
            }
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit-" + id + (csv ? ".csv" : ".jsonl") + "\"")
                .build();
    }

    @GET
    @Path("verify")
    public JsonObject verify() {
        return verification.verify(tenant.id().value());
    }

    /** The tenant's chain (rows written, where it starts) and what still waits for the writer, with its age. */
    @GET
    @Path("status")
    public JsonObject status() {
        String id = tenant.id().value();
        AuditLog.Ends ends = transactions.call(() -> store.ends(id));
        AuditLog.Backlog backlog = transactions.call(() -> store.backlog(id));
        JsonObjectBuilder pending = JsonP.createObjectBuilder().add("events", backlog.rows());
        if (backlog.oldest() != null) {
            pending.add("oldest", backlog.oldest().toString())
                    .add("age_ms", Math.max(0, clock.millis() - backlog.oldest().toEpochMilli()));
        }
        return JsonP.createObjectBuilder().add("last_id", ends.headSeq()).add("start_after_id", ends.startSeq())
                .add("pending", pending).build();
    }

    private static boolean includeIdentity(List<String> include) {
        if (include == null || include.isEmpty()) {
            return false;
        }
        for (String v : include) {
            if (!v.equals("identity")) {
                throw AuditQueries.refused("include", "must be identity");
            }
        }
        return true;
    }
}
