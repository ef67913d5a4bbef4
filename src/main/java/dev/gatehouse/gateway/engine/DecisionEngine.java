package dev.gatehouse.gateway.engine;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.authn.Authenticator;
import dev.gatehouse.gateway.errors.ErrorAnswer;
import dev.gatehouse.gateway.errors.ErrorStep;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.mutate.Mutator;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.platform.trace.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The decision for one request, the same for every enforcement point (Oathkeeper's request handler):
 * exactly one rule must match; its authenticators are tried in order until one is responsible (none: 401);
 * then its authorizer; then its mutators. A handler's failure denies at once. Every decision is logged
 * ({@link DecisionLog}). The rules come compiled ({@link CompiledRule}): their handlers' configs were parsed
 * when the rules were loaded, so a decision only runs them.
 */
@ApplicationScoped
public class DecisionEngine {

    private static final Logger LOG = Logs.of(DecisionEngine.class);
    private static final String RULE_ID = "gateway.rule_id";
    private static final String HANDLER = "gateway.handler";

    private ActiveRules rules;
    private HandlerRegistry handlers;
    private DecisionLog log;
    private GatewayConfig config;
    private Tracing tracing = Tracing.none();

    protected DecisionEngine() {
    }

    @Inject
    public DecisionEngine(ActiveRules rules, HandlerRegistry handlers, DecisionLog log, GatewayConfig config) {
        this.rules = rules;
        this.handlers = handlers;
        this.log = log;
        this.config = config;
    }

    /** Spans of the decision and of each handler it runs. */
    @Inject
    void traceWith(Tracing tracing) {
        this.tracing = tracing;
    }

    /**
     * The decision, in a span {@code gateway decision} (rule id and outcome) with a child span per handler it runs,
     * each with the rule id, the handler's name and its outcome.
     */
    public Decision decide(GatewayRequest request) {
        return tracing.span("gateway decision", () -> decideInSpan(request), DecisionEngine::outcome, DecisionEngine::failure,
                "tenant.id", request.tenant().value());
    }

    private static String outcome(Decision decision) {
        if (decision instanceof Decision.Denied denied) {
            return "denied_" + denied.error().kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return "allowed";
    }

    private static String failure(RuntimeException e) {
        return e instanceof GatewayException ? "denied" : Tracing.FAILED;
    }

    private <T> T handlerSpan(String kind, String name, String ruleId, java.util.function.Supplier<T> work,
                              java.util.function.Function<? super T, String> outcome) {
        return tracing.span("gateway " + kind + " " + name, work, outcome, DecisionEngine::failure,
                RULE_ID, ruleId, HANDLER, name);
    }

    private Decision decideInSpan(GatewayRequest request) {
        long started = System.nanoTime();
        RuleMatch match = rules.current(request.tenant()).match(request.target());
        Decision decision;
        if (match instanceof RuleMatch.Found found) {
            decision = run(found.compiled(), found.captureGroups(), request);
        } else if (match instanceof RuleMatch.Ambiguous several) {
            decision = new Decision.Denied(null, GatewayException.internal(
                    "several rules match: " + String.join(", ", several.ruleIds())));
        } else {
            decision = new Decision.Denied(null, new GatewayException(ErrorKind.NOT_FOUND, "no rule matches"));
        }
        log.record(decision, request, System.nanoTime() - started);
        if (decision instanceof Decision.Denied denied) {
            // the error handlers run inside the decision's span, each a child of it like the other handlers
            decision = new Decision.Denied(denied.matched(), denied.error(), answer(denied, request));
        }
        decision.rule().ifPresent(r -> tracing.attribute(RULE_ID, r.id()));
        return decision;
    }

    private Decision run(CompiledRule rule, List<String> groups, GatewayRequest request) {
        AuthenticationSession session = new AuthenticationSession(groups, request.target().url(), request.target().method());
        try {
            authenticate(rule, request, session);
            handlerSpan("authorizer", rule.rule().authorizer().handler(), rule.id(), () -> {
                rule.authorizer().authorize(request, session);
                return null;
            }, done -> "allowed");
            for (int i = 0; i < rule.mutators().size(); i++) {
                Mutator.Bound m = rule.mutators().get(i);
                handlerSpan("mutator", handler(rule.rule().mutators(), i), rule.id(), () -> {
                    m.mutate(request, session);
                    return null;
                }, done -> "mutated");
            }
            return new Decision.Allowed(rule, session);
        } catch (GatewayException e) {
            return new Decision.Denied(rule, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway handler failed for rule " + LogText.bounded(rule.id(), 256), LogText.throwable(e));
            return new Decision.Denied(rule, GatewayException.internal("handler failed: " + e.getClass().getSimpleName()));
        }
    }

    private void authenticate(CompiledRule rule, GatewayRequest request, AuthenticationSession session) {
        for (int i = 0; i < rule.authenticators().size(); i++) {
            Authenticator.Bound a = rule.authenticators().get(i);
            if (handlerSpan("authenticator", handler(rule.rule().authenticators(), i), rule.id(),
                    () -> a.authenticate(request, session), responsible -> responsible ? "authenticated" : "skipped")) {
                return;
            }
        }
        throw GatewayException.unauthorized("no authenticator was responsible for the request");
    }

    private static String handler(List<HandlerRef> refs, int i) {
        return i < refs.size() ? refs.get(i).handler() : "handler";
    }

    /**
     * The answer to a denied request (the one the decision carries, if the engine made it): the first of the rule's
     * error handlers whose {@code when} matches,
     * else the fallback handlers ({@code gatehouse.gateway.errors.fallback}, {@code json} by default).
     */
    public ErrorAnswer answer(Decision.Denied denied, GatewayRequest request) {
        if (denied.answer() != null) {
            return denied.answer();
        }
        List<ErrorStep> candidates = denied.matched() == null ? List.of() : denied.matched().errors();
        String ruleId = denied.matched() == null ? null : denied.matched().id();
        for (int i = 0; i < candidates.size(); i++) {
            ErrorStep step = candidates.get(i);
            Optional<ErrorAnswer> answer = errorSpan(handler(denied.matched().rule().errors(), i), ruleId,
                    () -> step.answer(denied.error(), request));
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        for (String name : config.fallbackErrors()) {
            Optional<ErrorAnswer> answer = errorSpan(name, ruleId, () -> handlers.fallback(name).answer(denied.error(), request));
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return JsonErrorHandler.answer(denied.error());
    }

    /** An error handler's span: {@code answered} when its {@code when} chose it, {@code skipped} when not. */
    private Optional<ErrorAnswer> errorSpan(String name, String ruleId, java.util.function.Supplier<Optional<ErrorAnswer>> work) {
        return handlerSpan("error handler", name, ruleId, work, answer -> answer.isPresent() ? "answered" : "skipped");
    }
}
