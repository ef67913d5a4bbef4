package dev.gatehouse.admin.console.rules;

import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.gateway.engine.RuleAdminService;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access rules in force for the tenant: its database rules (as {@code GET /admin/rules} lists them) and the rules
 * of the configured files, ordered by id; a search keeps those whose id contains the text.
 */
@Named
@RequestScoped
public class RulesView extends PagedList<RuleRow> {

    @Inject
    RuleAdminService rules;
    @Inject
    CurrentTenant tenant;

    @Override
    protected List<RuleRow> read(String query, int offset, int limit) {
        List<StoredRule> stored = rules.list(tenant.id());
        Set<String> databaseIds = stored.stream().map(s -> s.rule().id()).collect(Collectors.toSet());
        List<RuleRow> all = new ArrayList<>();
        stored.forEach(s -> all.add(new RuleRow(s.rule(), true, s.revision())));
        rules.fileRules().stream().filter(r -> !databaseIds.contains(r.id())).forEach(r -> all.add(new RuleRow(r, false, 0)));
        String q = query.toLowerCase(Locale.ROOT);
        List<RuleRow> found = all.stream().filter(r -> r.getId().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(RuleRow::getId)).toList();
        return found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
    }

    @Override
    protected ConsolePage page() {
        return ConsolePage.RULES;
    }

    /** The rule's page in the console. */
    public String link(RuleRow row) {
        return PublicUrls.of(request(), ConsolePage.RULE.path() + "?id=" + URLEncoder.encode(row.getId(), StandardCharsets.UTF_8));
    }

    /** The page for writing a new database rule. */
    public String getNewRuleLink() {
        return PublicUrls.of(request(), ConsolePage.RULE.path());
    }

    public String getTrialLink() {
        return PublicUrls.of(request(), ConsolePage.RULE_TRIAL.path());
    }
}
