package dev.gatehouse.gateway;

import dev.gatehouse.gateway.rule.JsonnetSettings;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigKey;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.Config;

import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gatehouse.gateway.*}: where rules come from, how they match, the proxy port and its limits, the
 * timeouts of remote calls, and each handler's global configuration
 * ({@code gatehouse.gateway.<authenticators|authorizers|mutators|errors>.<handler>.config} as JSON),
 * which a rule's own {@code config} overrides.
 */
@ConfigKey(name = "gatehouse.gateway.<kind>.<handler>.config", description = "A handler's global config as JSON"
        + " (<kind> is authenticators, authorizers, mutators or errors), merged under the config of each rule that uses"
        + " it, e.g. gatehouse.gateway.authenticators.jwt.config={\"jwks_urls\":[\"https://idp.example/.well-known/jwks.json\"]}."
        + " Read when the rules that use the handler are loaded; a key the handler does not know, or text that is not a"
        + " JSON object, refuses them.")
@ConfigKey(name = "gatehouse.gateway.<kind>.<handler>.enabled", defaultValue = "true", description = "Whether rules"
        + " may use a handler (Oathkeeper's enabled, but on by default); a rule naming a disabled handler is refused"
        + " when loaded, e.g. gatehouse.gateway.mutators.hydrator.enabled=false so rule authors cannot make the"
        + " gateway call out.")
@ApplicationScoped
public class GatewayConfig implements CapabilityConfig {

    /** Bodies a handler reads are held in memory; this caps what an operator can allow (64 MiB). */
    static final int MAX_REMOTE_BODY_SIZE = 64 * 1024 * 1024;

    private Config config;
    private List<String> ruleLocations;
    private Duration reloadInterval;
    private MatchStrategy strategy;
    private int proxyPort;
    private Duration proxyConnectTimeout;
    private Duration proxyTimeout;
    private int proxyMaxConnections;
    private Duration remoteTimeout;
    private int remoteMaxBodySize;
    private Duration jwksCacheTtl;
    private JsonnetSettings jsonnet;
    private boolean filterEnabled;
    private List<String> filterPaths;
    private String loginUrl;
    private List<String> fallbackErrors;
    private final Map<String, JsonObject> handlerConfigs = new ConcurrentHashMap<>();

    protected GatewayConfig() {
    }

    @Inject
    public GatewayConfig(Config config) {
        this.config = config;
        ConfigReader r = ConfigReader.of(config, capability());
        this.ruleLocations = r.list("rules.locations");
        this.reloadInterval = r.duration("rules.reload-interval");
        Duration jsonnetTimeout = r.duration("rules.jsonnet.timeout");
        if (jsonnetTimeout.isNegative() || jsonnetTimeout.isZero()) {
            throw new InvalidConfigException(r.key("rules.jsonnet.timeout"), r.string("rules.jsonnet.timeout"), "must be positive");
        }
        this.jsonnet = new JsonnetSettings(extVars(r), jsonnetTimeout);
        try {
            this.strategy = MatchStrategy.parse(r.string("matching-strategy"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(r.key("matching-strategy"), r.string("matching-strategy"), e.getMessage());
        }
        this.proxyPort = r.intInRange("proxy-port", -1, 65535);
        this.proxyConnectTimeout = r.duration("proxy.connect-timeout");
        this.proxyTimeout = r.duration("proxy.timeout");
        this.proxyMaxConnections = r.intInRange("proxy.max-connections", 1, 10000);
        this.remoteTimeout = r.duration("remote-timeout");
        this.remoteMaxBodySize = r.intInRange("remote.max-body-size", 0, MAX_REMOTE_BODY_SIZE);
        this.jwksCacheTtl = r.duration("jwks.cache-ttl");
        this.filterEnabled = r.bool("filter.enabled");
        this.filterPaths = r.list("filter.paths");
        this.loginUrl = r.string("login-url");
        this.fallbackErrors = r.list("errors.fallback");
        if (fallbackErrors.isEmpty()) {
            fallbackErrors = List.of("json");
        }
    }

    @Override
    public String capability() {
        return "gateway";
    }

    /** Rule files and directories (JSON, YAML, jsonnet), watched for changes. */
    public List<String> ruleLocations() {
        return ruleLocations;
    }

    /**
     * {@code rules.jsonnet.ext-vars} ({@code name=value} pairs for jsonnet's {@code std.extVar}) and
     * {@code rules.jsonnet.timeout} (how long one jsonnet document may take to evaluate).
     */
    public JsonnetSettings jsonnet() {
        return jsonnet;
    }

    private static Map<String, String> extVars(ConfigReader r) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String pair : r.list("rules.jsonnet.ext-vars")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigException(r.key("rules.jsonnet.ext-vars"), pair, "must be name=value pairs");
            }
            vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Map.copyOf(vars);
    }

    public Duration reloadInterval() {
        return reloadInterval;
    }

    public MatchStrategy strategy() {
        return strategy;
    }

    /** The local port of the reverse proxy's HTTP endpoint; -1 when the proxy is off. */
    public int proxyPort() {
        return proxyPort;
    }

    public Duration proxyConnectTimeout() {
        return proxyConnectTimeout;
    }

    public Duration proxyTimeout() {
        return proxyTimeout;
    }

    public int proxyMaxConnections() {
        return proxyMaxConnections;
    }

    /** Bound on every call the handlers make (JWKS, remote authorizers, hydrator, check_session_url). */
    public Duration remoteTimeout() {
        return remoteTimeout;
    }

    /**
     * {@code remote.max-body-size}: the most bytes of a request body the {@code remote} authorizer reads
     * (and the gateway then holds to pass on); a longer body is refused with 413.
     */
    public int remoteMaxBodySize() {
        return remoteMaxBodySize;
    }

    public Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    public boolean filterEnabled() {
        return filterEnabled;
    }

    /** Path prefixes of Gatehouse's own resources the servlet filter guards when enabled. */
    public List<String> filterPaths() {
        return filterPaths;
    }

    /** Where the {@code redirect} error handler sends browsers by default. */
    public String loginUrl() {
        return loginUrl;
    }

    public List<String> fallbackErrors() {
        return fallbackErrors;
    }

    /**
     * Whether rules may use a handler: {@code gatehouse.gateway.<kind>.<name>.enabled}, true unless set to
     * false (Oathkeeper's {@code enabled}, but on by default so the zero-setup run has every handler). Turning
     * off, say, {@code hydrator} or {@code remote} keeps rule authors from making the gateway call out.
     */
    public boolean handlerEnabled(HandlerKind kind, String handler) {
        String key = kind.property(handler) + ".enabled";
        String value = config.getOptionalValue(key, String.class).map(String::trim).orElse("true");
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidConfigException(key, value, "must be true or false");
        }
        return value.equals("true");
    }

    /**
     * The global configuration of one handler, e.g. {@code gatehouse.gateway.authenticators.jwt.config}.
     * Read when the rules that use the handler are compiled; invalid JSON refuses them, naming the key but not
     * echoing the text.
     */
    public JsonObject handlerConfig(HandlerKind kind, String handler) {
        return handlerConfigs.computeIfAbsent(kind.property(handler) + ".config", key -> {
            Optional<String> text = config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
            if (text.isEmpty()) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = JsonP.createReader(new StringReader(text.get()))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                // not echoed: the text may hold a client_secret, and this message reaches logs and the rule check
                throw new InvalidConfigException(key, null, "must be a JSON object");
            }
        });
    }
}
