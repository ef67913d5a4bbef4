package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.gateway.rule.Rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable set of compiled rules with unique ids, each with its compiled {@code match.url} pattern.
 * {@link #match} tries every rule, so that two rules that both match are found and refused rather than one of
 * them silently winning.
 */
public final class RuleSet {

    public static final RuleSet EMPTY = new RuleSet(List.of(), MatchStrategy.REGEXP);

    private record Compiled(CompiledRule rule, Pattern pattern, Set<String> methods) {
    }

    private final List<Compiled> rules;
    private final Map<String, Rule> byId;
    private final MatchStrategy strategy;

    private RuleSet(List<Compiled> rules, MatchStrategy strategy) {
        this.rules = List.copyOf(rules);
        this.strategy = strategy;
        Map<String, Rule> ids = new LinkedHashMap<>();
        rules.forEach(c -> ids.put(c.rule().id(), c.rule().rule()));
        this.byId = ids;
    }

    /** Compiles every rule's pattern; throws {@link InvalidRuleException} for the first bad pattern or repeated id. */
    public static RuleSet of(List<CompiledRule> rules, MatchStrategy strategy) {
        List<Compiled> compiled = new ArrayList<>(rules.size());
        Set<String> ids = new HashSet<>();
        for (CompiledRule c : rules) {
            Rule r = c.rule();
            if (!ids.add(r.id())) {
                throw new InvalidRuleException("rule " + r.id(), "has the same id as another rule");
            }
            try {
                compiled.add(new Compiled(c, strategy.compile(r.matchUrl()), Set.copyOf(r.methods())));
            } catch (InvalidRuleException e) {
                throw e.within("rule " + r.id());
            }
        }
        return new RuleSet(compiled, strategy);
    }

    public RuleMatch match(RequestTarget target) {
        String url = target.url();
        RuleMatch.Found found = null;
        List<String> all = new ArrayList<>();
        for (Compiled c : rules) {
            if (!c.methods().contains(target.method())) {
                continue;
            }
            Matcher m = c.pattern().matcher(url);
            if (m.matches()) {
                all.add(c.rule().id());
                List<String> groups = new ArrayList<>();
                if (strategy == MatchStrategy.REGEXP) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        groups.add(m.group(g) == null ? "" : m.group(g));
                    }
                }
                found = new RuleMatch.Found(c.rule(), groups);
            }
        }
        if (all.isEmpty()) {
            return new RuleMatch.NoRule();
        }
        return all.size() == 1 ? found : new RuleMatch.Ambiguous(all);
    }

    public List<Rule> rules() {
        return List.copyOf(byId.values());
    }

    /** The compiled rules, in the order they were given. */
    public List<CompiledRule> compiled() {
        return rules.stream().map(Compiled::rule).toList();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return rules.size();
    }

    public MatchStrategy strategy() {
        return strategy;
    }
}
