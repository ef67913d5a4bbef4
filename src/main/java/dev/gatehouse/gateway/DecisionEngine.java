package dev.gatehouse.gateway;

import dev.gatehouse.gateway.authn.Authenticator;
import dev.gatehouse.gateway.errors.ErrorAnswer;
import dev.gatehouse.gateway.errors.ErrorHandler;
import dev.gatehouse.gateway.errors.WhenConditions;
import dev.gatehouse.gateway.rule.ActiveRules;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleMatch;
import dev.gatehouse.kernel.log.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The decision for one request, the same for every enforcement point (Oathkeeper's request handler):
 * exactly one rule must match; its authenticators are tried in order until one is responsible (none: 401);
 * then its authorizer; then its mutators. A handler's failure denies at once. Every decision is logged
 * ({@link DecisionLog}).
 */
@ApplicationScoped
public class DecisionEngine {

    private static final Logger LOG = Logger.getLogger(DecisionEngine.class.getName());

    @Inject
    ActiveRules rules;
    @Inject
    HandlerRegistry handlers;
    @Inject
    DecisionLog log;
    @Inject
    GatewayConfig config;

    public Decision decide(GatewayRequest request) {
        long started = System.nanoTime();
        RuleMatch match = rules.current(request.tenant()).match(request.target());
        Decision decision;
        if (match instanceof RuleMatch.Found found) {
            decision = run(found.rule(), found.captureGroups(), request);
        } else if (match instanceof RuleMatch.Ambiguous several) {
            decision = new Decision.Denied(null, GatewayException.internal(
                    "several rules match: " + String.join(", ", several.ruleIds())));
        } else {
            decision = new Decision.Denied(null, new GatewayException(ErrorKind.NOT_FOUND, "no rule matches"));
        }
        log.record(decision, request, System.nanoTime() - started);
        return decision;
    }

    private Decision run(Rule rule, List<String> groups, GatewayRequest request) {
        AuthenticationSession session = new AuthenticationSession(groups, request.target().url(), request.target().method());
        try {
            authenticate(rule, request, session);
            handlers.authorizer(rule.authorizer().handler())
                    .authorize(request, handlers.config(HandlerRegistry.AUTHORIZERS, rule.authorizer()), session);
            for (HandlerRef m : rule.mutators()) {
                handlers.mutator(m.handler()).mutate(request, handlers.config(HandlerRegistry.MUTATORS, m), session);
            }
            return new Decision.Allowed(rule, session);
        } catch (GatewayException e) {
            return new Decision.Denied(rule, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway handler failed for rule " + LogText.bounded(rule.id(), 256), LogText.throwable(e));
            return new Decision.Denied(rule, GatewayException.internal("handler failed: " + e.getClass().getSimpleName()));
        }
    }

    private void authenticate(Rule rule, GatewayRequest request, AuthenticationSession session) {
        for (HandlerRef ref : rule.authenticators()) {
            Authenticator a = handlers.authenticator(ref.handler());
            if (a.authenticate(request, handlers.config(HandlerRegistry.AUTHENTICATORS, ref), session)) {
                return;
            }
        }
        throw GatewayException.unauthorized("no authenticator was responsible for the request");
    }

    /**
     * The answer to a denied request: the first of the rule's error handlers whose {@code when} matches,
     * else the fallback handlers ({@code gatehouse.gateway.errors.fallback}, {@code json} by default).
     */
    public ErrorAnswer answer(Decision.Denied denied, GatewayRequest request) {
        List<HandlerRef> candidates = denied.rule().map(Rule::errors).orElse(List.of());
        for (HandlerRef ref : candidates) {
            JsonObject c = handlers.config(HandlerRegistry.ERRORS, ref);
            if (WhenConditions.matches(c, denied.error(), request)) {
                return handlers.errorHandler(ref.handler()).handle(request, c, denied.error());
            }
        }
        for (String name : config.fallbackErrors()) {
            JsonObject c = handlers.config(HandlerRegistry.ERRORS, HandlerRef.of(name));
            if (WhenConditions.matches(c, denied.error(), request)) {
                ErrorHandler h = handlers.errorHandler(name);
                return h.handle(request, c, denied.error());
            }
        }
        return handlers.errorHandler("json").handle(request, JsonObject.EMPTY_JSON_OBJECT, denied.error());
    }
}
