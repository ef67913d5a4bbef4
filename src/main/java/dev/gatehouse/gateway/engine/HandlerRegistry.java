package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.HandlerKind;
import dev.gatehouse.gateway.authn.Authenticator;
import dev.gatehouse.gateway.authz.Authorizer;
import dev.gatehouse.gateway.errors.ErrorHandler;
import dev.gatehouse.gateway.errors.ErrorStep;
import dev.gatehouse.gateway.errors.WhenConditions;
import dev.gatehouse.gateway.mutate.Mutator;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every handler bean by name and kind, and the compiler of rules. A handler joins by being a CDI bean that
 * implements {@link Authenticator}, {@link Authorizer}, {@link Mutator} or {@link ErrorHandler}: nothing else to
 * register. Compiling a rule checks its handlers (each must exist, be enabled, know every key of its config and
 * of the global one, {@link ConfigKeys}) and binds each to the merged config it parses, once.
 */
@ApplicationScoped
public class HandlerRegistry implements RuleCompiler {

    private Map<String, Authenticator> authenticators;
    private Map<String, Authorizer> authorizers;
    private Map<String, Mutator> mutators;
    private Map<String, ErrorHandler> errorHandlers;
    private GatewayConfig config;
    private final Map<String, ErrorStep> fallbacks = new ConcurrentHashMap<>();

    protected HandlerRegistry() {
    }

    @Inject
    public HandlerRegistry(@Any Instance<Authenticator> authn, @Any Instance<Authorizer> authz,
                           @Any Instance<Mutator> mutate, @Any Instance<ErrorHandler> errors, GatewayConfig config) {
        this((Iterable<Authenticator>) authn, authz, mutate, errors, config);
    }

    /** The registry of exactly these handlers (the CDI constructor passes every bean). */
    public HandlerRegistry(Iterable<Authenticator> authn, Iterable<Authorizer> authz, Iterable<Mutator> mutate,
                           Iterable<ErrorHandler> errors, GatewayConfig config) {
        this.authenticators = byName(authn, Authenticator::name);
        this.authorizers = byName(authz, Authorizer::name);
        this.mutators = byName(mutate, Mutator::name);
        this.errorHandlers = byName(errors, ErrorHandler::name);
        this.config = config;
    }

    private static <T> Map<String, T> byName(Iterable<T> beans, Function<T, String> name) {
        Map<String, T> out = new TreeMap<>();
        for (T bean : beans) {
            out.put(name.apply(bean), bean);
        }
        return Map.copyOf(out);
    }

    /** The rule's config for this handler over the global one. */
    public JsonObject config(HandlerKind kind, HandlerRef ref) {
        return HandlerConfigs.merge(config.handlerConfig(kind, ref.handler()), ref.config());
    }

    /** Throws {@link InvalidRuleException} naming the first unknown handler or rejected configuration. */
    @Override
    public CompiledRule compile(Rule rule) {
        try {
            List<Authenticator.Bound> authn = bind(HandlerKind.AUTHENTICATORS, rule.authenticators(), authenticators,
                    Authenticator::configKeys, Authenticator::bind);
            Authorizer.Bound authz = bind(HandlerKind.AUTHORIZERS, List.of(rule.authorizer()), authorizers,
                    Authorizer::configKeys, Authorizer::bind).get(0);
            List<Mutator.Bound> mutate = bind(HandlerKind.MUTATORS, rule.mutators(), mutators, Mutator::configKeys, Mutator::bind);
            List<ErrorStep> errors = bind(HandlerKind.ERRORS, rule.errors(), errorHandlers,
                    h -> h.configKeys().and(ConfigKeys.of("when")), (h, c) -> {
                        WhenConditions.validate(c);
                        return new ErrorStep(WhenConditions.of(c), h.bind(c));
                    });
            return new CompiledRule(rule, authn, authz, mutate, errors);
        } catch (InvalidRuleException e) {
            throw e.within("rule " + rule.id());
        }
    }

    /**
     * The fallback error handler of this name ({@code gatehouse.gateway.errors.fallback}) with its global config,
     * bound on first use. As before rules were compiled, its config is not key-checked, and a name or a config that
     * cannot be used fails only the answers whose {@code when} reaches it.
     */
    public ErrorStep fallback(String name) {
        ErrorStep step = fallbacks.get(name);
        if (step == null) {
            JsonObject c = config(HandlerKind.ERRORS, HandlerRef.of(name));
            step = new ErrorStep(WhenConditions.of(c), bindFallback(name, c));
            fallbacks.put(name, step);
        }
        return step;
    }

    private ErrorHandler.Bound bindFallback(String name, JsonObject c) {
        ErrorHandler handler = errorHandlers.get(name);
        if (handler == null) {
            return (request, error) -> {
                throw GatewayException.internal("handler " + name + " is not known");
            };
        }
        try {
            return handler.bind(c);
        } catch (IllegalArgumentException | ClassCastException e) {
            return (request, error) -> {
                throw e;
            };
        }
    }

    private <T, B> List<B> bind(HandlerKind kind, List<HandlerRef> refs, Map<String, T> known, Function<T, ConfigKeys> keys,
                                BiFunction<T, JsonObject, B> bind) {
        List<B> bound = new ArrayList<>(refs.size());
        for (HandlerRef ref : refs) {
            T handler = known.get(ref.handler());
            if (handler == null) {
                throw new InvalidRuleException(kind.key(), "names an unknown handler \"" + ref.handler() + "\" (known: "
                        + String.join(", ", known.keySet()) + ")");
            }
            try {
                bound.add(bind(kind, ref, handler, keys, bind));
            } catch (InvalidConfigException e) {
                // a bad global setting (enabled, config) fails the rules that use the handler, like a bad rule would
                throw new InvalidRuleException(kind.key() + " " + ref.handler(), e.getMessage());
            }
        }
        return bound;
    }

    private <T, B> B bind(HandlerKind kind, HandlerRef ref, T handler, Function<T, ConfigKeys> keys,
                          BiFunction<T, JsonObject, B> bind) {
        if (!config.handlerEnabled(kind, ref.handler())) {
            throw new InvalidRuleException(kind.key(), "names the handler \"" + ref.handler()
                    + "\", which is disabled (" + kind.property(ref.handler()) + ".enabled=false)");
        }
        String where = kind.key() + " " + ref.handler();
        checkKeys(where, keys.apply(handler), ref.config(), "");
        checkKeys(where, keys.apply(handler), config.handlerConfig(kind, ref.handler()),
                " (in " + kind.property(ref.handler()) + ".config)");
        try {
            return bind.apply(handler, config(kind, ref));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidRuleException(where, "has an invalid config: " + e.getMessage());
        }
    }

    /** Unknown keys are checked in the rule's and the global config apart, so the message says which one holds it. */
    private static void checkKeys(String where, ConfigKeys keys, JsonObject config, String source) {
        try {
            keys.check(config);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(where, "has an " + e.getMessage() + source);
        }
    }
}
