package dev.gatehouse.admin.console.rules;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.gateway.engine.RuleAdminService;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One access rule in the console ({@code ?id=}), or a new one (no id): the rule as JSON in Oathkeeper's format, which
 * an admin may edit when it is a database rule (a file rule is read-only), its revisions, and a line diff between a
 * revision ({@code ?revision=}) and the current rule. Saving goes through {@link RuleAdminService}, the admin API's
 * service, so the same whole-set validation holds and the same {@code GATEWAY_RULE_CHANGED} event names the console
 * user; what it refuses is shown at the text area.
 */
@Named
@RequestScoped
public class RuleView {

    static final int MAX_JSON_CHARS = 65_536;

    @Inject
    RuleAdminService rules;
    @Inject
    CurrentTenant tenant;

    private boolean read;
    private StoredRule stored;
    private Rule fileRule;
    private String json;
    private String jsonError;
    private List<RuleVersion> versions;

    /** Reads the rule named by {@code ?id=} (or the form's {@code id}); 404 when it is neither in the database nor a file. */
    public void load() throws IOException {
        if (!isNew() && !isDatabase() && fileRule() == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No rule with this id");
            faces.responseComplete();
        }
    }

    public String getId() {
        String id = request().getParameter("id");
        return id == null ? "" : id.trim();
    }

    /** No id: the form writes a new database rule. */
    public boolean isNew() {
        return getId().isEmpty();
    }

    public boolean isDatabase() {
        return stored() != null;
    }

    /** Whether the text may be saved: a new rule or a database rule (file rules change only in their files). */
    public boolean isEditable() {
        return isNew() || isDatabase();
    }

    public Integer getRevision() {
        return isDatabase() ? stored.revision() : null;
    }

    public String getJson() {
        if (json == null) {
            Rule current = current();
            json = current == null ? "" : RuleText.of(current.toJson());
        }
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }

    /** What the validation refused, shown at the text area; null when nothing was refused. */
    public String getJsonError() {
        return jsonError;
    }

    /** Creates or replaces the database rule through {@link RuleAdminService}; a new rule's page opens after. */
    public String save() throws IOException {
        if (!isEditable()) {
            return null;
        }
        String text = json == null ? "" : json;
        try {
            if (text.length() > MAX_JSON_CHARS) {
                throw ApiException.invalid("rule", "at most " + MAX_JSON_CHARS + " characters");
            }
            JsonObject rule = JsonBodies.readObject(text.getBytes(StandardCharsets.UTF_8));
            String actor = RequestActor.of(request());
            if (isNew()) {
                StoredRule created = rules.create(tenant.id(), rule, actor);
                FacesContext.getCurrentInstance().getExternalContext().redirect(link(created.rule().id(), null));
                return null;
            }
            stored = rules.replace(tenant.id(), getId(), rule, actor);
        } catch (ApiException e) {
            jsonError = e.fieldErrors().isEmpty() ? e.detail() : e.fieldErrors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
            return null;
        }
        json = null;
        versions = null;
        ConsoleMessages.info("console.rule.saved");
        return null;
    }

    /** The database rule's revisions, newest first; none for a file rule. */
    public List<RuleVersion> getVersions() {
        if (versions == null) {
            versions = isDatabase() ? rules.history(tenant.id(), getId()).stream()
                    .sorted(Comparator.comparingInt(RuleVersion::revision).reversed()).toList() : List.of();
        }
        return versions;
    }

    /** The revision {@code ?revision=} compares with the current rule, if it names one of the rule's. */
    public RuleVersion getCompared() {
        String revision = request().getParameter("revision");
        return revision == null ? null : getVersions().stream().filter(v -> String.valueOf(v.revision()).equals(revision.trim()))
                .findFirst().orElse(null);
    }

    /** The compared revision's lines against the current rule's. */
    public List<LineDiff.Line> getDiff() {
        RuleVersion compared = getCompared();
        return compared == null ? List.of() : LineDiff.of(RuleText.of(compared.document()), RuleText.of(stored().rule().toJson()));
    }

    /** This rule's page comparing {@code version} with the current rule. */
    public String compareLink(RuleVersion version) {
        return link(getId(), version.revision());
    }

    public String getRulesLink() {
        return PublicUrls.of(request(), ConsolePage.RULES.path());
    }

    private Rule current() {
        return isDatabase() ? stored.rule() : fileRule();
    }

    private StoredRule stored() {
        if (!read && !isNew()) {
            read = true;
            try {
                stored = rules.find(tenant.id(), getId());
            } catch (ApiException e) {
                if (e.error() != ApiError.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return stored;
    }

    private Rule fileRule() {
        if (fileRule == null && !isNew()) {
            fileRule = stored() != null ? null : rules.fileRules().stream().filter(r -> r.id().equals(getId())).findFirst().orElse(null);
        }
        return fileRule;
    }

    private static String link(String id, Integer revision) {
        return PublicUrls.of(request(), ConsolePage.RULE.path() + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + (revision == null ? "" : "&revision=" + revision));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
