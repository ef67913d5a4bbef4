package dev.gatehouse.gateway;

import dev.gatehouse.gateway.authn.Authenticator;
import dev.gatehouse.gateway.authz.Authorizer;
import dev.gatehouse.gateway.errors.ErrorHandler;
import dev.gatehouse.gateway.errors.WhenConditions;
import dev.gatehouse.gateway.mutate.Mutator;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleCheck;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every handler bean by name and kind. A handler joins by being a CDI bean that implements
 * {@link Authenticator}, {@link Authorizer}, {@link Mutator} or {@link ErrorHandler}: nothing else to
 * register. Also checks a rule's handlers when it is loaded: each must exist, be enabled, know every key
 * of its config and of the global one ({@link ConfigKeys}), and accept the merged config.
 */
@ApplicationScoped
public class HandlerRegistry implements RuleCheck {

    public static final String AUTHENTICATORS = "authenticators";
    public static final String AUTHORIZERS = "authorizers";
    public static final String MUTATORS = "mutators";
    public static final String ERRORS = "errors";

    private Map<String, Authenticator> authenticators;
    private Map<String, Authorizer> authorizers;
    private Map<String, Mutator> mutators;
    private Map<String, ErrorHandler> errorHandlers;
    private GatewayConfig config;

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

    public Authenticator authenticator(String name) {
        return require(authenticators, name);
    }

    public Authorizer authorizer(String name) {
        return require(authorizers, name);
    }

    public Mutator mutator(String name) {
        return require(mutators, name);
    }

    public ErrorHandler errorHandler(String name) {
        return require(errorHandlers, name);
    }

    /** The rule's config for this handler over the global one. */
    public JsonObject config(String kind, HandlerRef ref) {
        return HandlerConfigs.merge(config.handlerConfig(kind, ref.handler()), ref.config());
    }

    /** Throws {@link InvalidRuleException} naming the first unknown handler or rejected configuration. */
    @Override
    public void validate(Rule rule) {
        try {
            check(AUTHENTICATORS, rule.authenticators(), authenticators, Authenticator::configKeys, Authenticator::validate);
            check(AUTHORIZERS, List.of(rule.authorizer()), authorizers, Authorizer::configKeys, Authorizer::validate);
            check(MUTATORS, rule.mutators(), mutators, Mutator::configKeys, Mutator::validate);
            check(ERRORS, rule.errors(), errorHandlers, h -> h.configKeys().and(ConfigKeys.of("when")), (h, c) -> {
                WhenConditions.validate(c);
                h.validate(c);
            });
        } catch (InvalidRuleException e) {
            throw e.within("rule " + rule.id());
        }
    }

    private <T> void check(String kind, List<HandlerRef> refs, Map<String, T> known, Function<T, ConfigKeys> keys,
                           BiConsumer<T, JsonObject> validate) {
        for (HandlerRef ref : refs) {
            T handler = known.get(ref.handler());
            if (handler == null) {
                throw new InvalidRuleException(kind, "names an unknown handler \"" + ref.handler() + "\" (known: "
                        + String.join(", ", known.keySet()) + ")");
            }
            try {
                checkConfig(kind, ref, handler, keys, validate);
            } catch (InvalidConfigException e) {
                // a bad global setting (enabled, config) fails the rules that use the handler, like a bad rule would
                throw new InvalidRuleException(kind + " " + ref.handler(), e.getMessage());
            }
        }
    }

    private <T> void checkConfig(String kind, HandlerRef ref, T handler, Function<T, ConfigKeys> keys,
                                 BiConsumer<T, JsonObject> validate) {
        if (!config.handlerEnabled(kind, ref.handler())) {
            throw new InvalidRuleException(kind, "names the handler \"" + ref.handler()
                    + "\", which is disabled (gatehouse.gateway." + kind + "." + ref.handler() + ".enabled=false)");
        }
        String where = kind + " " + ref.handler();
        checkKeys(where, keys.apply(handler), ref.config(), "");
        checkKeys(where, keys.apply(handler), config.handlerConfig(kind, ref.handler()),
                " (in gatehouse.gateway." + kind + "." + ref.handler() + ".config)");
        try {
            validate.accept(handler, config(kind, ref));
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

    private static <T> T require(Map<String, T> known, String name) {
        T handler = known.get(name);
        if (handler == null) {
            throw GatewayException.internal("handler " + name + " is not known");
        }
        return handler;
    }
}
