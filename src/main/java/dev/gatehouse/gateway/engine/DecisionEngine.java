package dev.gatehouse.gateway.engine;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerKind;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
        Decision decision = decideMatched(match, request, step -> { });
        log.record(decision, request, System.nanoTime() - started);
        if (decision instanceof Decision.Denied denied) {
            // the error handlers run inside the decision's span, each a child of it like the other handlers
            decision = new Decision.Denied(denied.matched(), denied.error(), answer(denied, request));
        }
        decision.rule().ifPresent(r -> tracing.attribute(RULE_ID, r.id()));
        return decision;
    }

    /**
     * The decision for {@code request} with each handler's verdict, for trying a request out (the console): the same
     * path as {@link #decide}, but neither logged as a decision nor answered by an error handler, and nothing goes
     * upstream (no enforcement point is involved).
     */
    public Trial trial(GatewayRequest request) {
        RuleMatch match = rules.current(request.tenant()).match(request.target());
        List<String> matched = match instanceof RuleMatch.Found found ? List.of(found.rule().id())
                : match instanceof RuleMatch.Ambiguous several ? several.ruleIds() : List.of();
        List<Trial.Step> steps = new ArrayList<>();
        return new Trial(matched, decideMatched(match, request, steps::add), steps);
    }

    private Decision decideMatched(RuleMatch match, GatewayRequest request, Consumer<Trial.Step> steps) {
        if (match instanceof RuleMatch.Found found) {
            return run(found.compiled(), found.captureGroups(), request, steps);
        } else if (match instanceof RuleMatch.Ambiguous several) {
            return new Decision.Denied(null, GatewayException.internal(
                    "several rules match: " + String.join(", ", several.ruleIds())));
        }
        return new Decision.Denied(null, new GatewayException(ErrorKind.NOT_FOUND, "no rule matches"));
    }

    private Decision run(CompiledRule rule, List<String> groups, GatewayRequest request, Consumer<Trial.Step> steps) {
        AuthenticationSession session = new AuthenticationSession(groups, request.target().url(), request.target().method());
        Progress at = new Progress();
        try {
            authenticate(rule, request, session, steps, at);
            at.kind = HandlerKind.AUTHORIZERS;
            at.handler = rule.rule().authorizer().handler();
            handlerSpan("authorizer", at.handler, rule.id(), () -> {
                rule.authorizer().authorize(request, session);
                return null;
            }, done -> "allowed");
            steps.accept(new Trial.Step(at.kind, at.handler, Trial.Verdict.PASSED, ""));
            at.kind = HandlerKind.MUTATORS;
            for (int i = 0; i < rule.mutators().size(); i++) {
                Mutator.Bound m = rule.mutators().get(i);
                at.handler = handler(rule.rule().mutators(), i);
                handlerSpan("mutator", at.handler, rule.id(), () -> {
                    m.mutate(request, session);
                    return null;
                }, done -> "mutated");
                steps.accept(new Trial.Step(at.kind, at.handler, Trial.Verdict.PASSED, ""));
            }
            return new Decision.Allowed(rule, session);
        } catch (GatewayException e) {
            steps.accept(new Trial.Step(at.kind, at.handler, Trial.Verdict.DENIED, e.reason()));
            return new Decision.Denied(rule, e);
        } catch (RuntimeException e) {
            steps.accept(new Trial.Step(at.kind, at.handler, Trial.Verdict.DENIED, "handler failed: " + e.getClass().getSimpleName()));
            LOG.log(Level.WARNING, "Gateway handler failed for rule " + LogText.bounded(rule.id(), 256), LogText.throwable(e));
            return new Decision.Denied(rule, GatewayException.internal("handler failed: " + e.getClass().getSimpleName()));
        }
    }

    private void authenticate(CompiledRule rule, GatewayRequest request, AuthenticationSession session, Consumer<Trial.Step> steps,
                              Progress at) {
        for (int i = 0; i < rule.authenticators().size(); i++) {
            Authenticator.Bound a = rule.authenticators().get(i);
            String name = handler(rule.rule().authenticators(), i);
            at.handler = name;
            boolean responsible = handlerSpan("authenticator", name, rule.id(),
                    () -> a.authenticate(request, session), r -> r ? "authenticated" : "skipped");
            steps.accept(new Trial.Step(HandlerKind.AUTHENTICATORS, name, responsible ? Trial.Verdict.PASSED : Trial.Verdict.SKIPPED, ""));
            if (responsible) {
                return;
            }
        }
        at.handler = "";
        throw GatewayException.unauthorized("no authenticator was responsible for the request");
    }

    /** Which handler a decision is running, so a refusal can be told as that handler's verdict. */
    private static final class Progress {
        HandlerKind kind = HandlerKind.AUTHENTICATORS;
        String handler = "";
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
