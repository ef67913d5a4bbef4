package dev.gatehouse.courier;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code gatehouse.courier.sms.*}: the HTTP SMS gateway, modelled on Kratos' courier {@code http} channel
 * ({@code request_config}: url, method, headers, body, auth). An empty {@code url} means no gateway: SMS are held in
 * the outbox, as mail is without SMTP. The request body is a jsonnet program, {@code function(ctx) ...}, with
 * {@code ctx} = {@code {recipient, template_type, template_data, body}}: a file ({@code file:/path.jsonnet}), inline
 * ({@code base64://...}, as Kratos accepts it), or when empty the built-in {@code {to: ctx.recipient, body: ctx.body}}.
 * A file is read again for every message, so a fixed template takes effect without a restart.
 */
@ApplicationScoped
public class SmsGatewayConfig implements CapabilityConfig {

    /** How the gateway is authenticated, by Kratos' names. */
    public enum AuthType { NONE, BASIC_AUTH, API_KEY }

    /** Where an API key goes. */
    public enum KeyIn { HEADER, COOKIE }

    static final String BUILT_IN_BODY = "function(ctx) { to: ctx.recipient, body: ctx.body }";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private Optional<URI> url;
    private String method;
    private Map<String, String> headers;
    private AuthType authType;
    private String user;
    private Optional<String> password;
    private String keyName;
    private Optional<String> keyValue;
    private KeyIn keyIn;
    private Optional<Path> bodyFile;
    private String inlineBody;
    private Duration timeout;

    protected SmsGatewayConfig() {
    }

    @Inject
    public SmsGatewayConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.url = r.optionalString("url").isPresent() ? Optional.of(r.absoluteUri("url")) : Optional.empty();
        url.ifPresent(u -> {
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) {
                throw new InvalidConfigException(r.key("url"), u.toString(), "must be an http or https URL");
            }
        });
        this.method = r.string("method").toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(method).matches()) {
            throw new InvalidConfigException(r.key("method"), method, "must be an HTTP method such as POST or PUT");
        }
        this.headers = headers(r);
        this.authType = r.oneOf("auth.type", AuthType.class);
        this.user = r.optionalString("auth.user").orElse("");
        this.password = r.optionalSecret("auth.password", 1);
        this.keyName = r.optionalString("auth.api-key.name").orElse("");
        this.keyValue = r.optionalSecret("auth.api-key.value", 1);
        this.keyIn = r.oneOf("auth.api-key.in", KeyIn.class);
        switch (authType) {
            case BASIC_AUTH -> {
                if (user.isEmpty() || user.contains(":")) {
                    throw new InvalidConfigException(r.key("auth.user"), user, "basic_auth needs a user name without ':'");
                }
            }
            case API_KEY -> {
                if (!TOKEN.matcher(keyName).matches()) {
                    throw new InvalidConfigException(r.key("auth.api-key.name"), keyName, "api_key needs a header or cookie name");
                }
                if (keyValue.isEmpty()) {
                    throw new InvalidConfigException(r.key("auth.api-key.value"), null, "api_key needs a value");
                }
            }
            case NONE -> { }
        }
        String body = r.optionalString("body").orElse("");
        if (body.startsWith("base64://")) {
            try {
                this.inlineBody = new String(Base64.getDecoder().decode(body.substring("base64://".length())), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(r.key("body"), null, "base64:// must be followed by base64 text");
            }
            this.bodyFile = Optional.empty();
        } else if (body.startsWith("file:")) {
            Path file = Path.of(body.substring("file:".length()).replaceFirst("^//", ""));
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidConfigException(r.key("body"), body, "must name a readable jsonnet file");
            }
            this.bodyFile = Optional.of(file);
            this.inlineBody = null;
        } else if (body.isEmpty()) {
            this.bodyFile = Optional.empty();
            this.inlineBody = BUILT_IN_BODY;
        } else {
            throw new InvalidConfigException(r.key("body"), body, "must be file:/path/to/body.jsonnet or base64://<jsonnet>");
        }
        this.timeout = r.duration("timeout");
    }

    private static Map<String, String> headers(ConfigReader r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.list("headers")) {
            int eq = pair.indexOf('=');
            String name = eq <= 0 ? "" : pair.substring(0, eq).trim();
            String value = eq <= 0 ? "" : pair.substring(eq + 1).trim();
            if (!TOKEN.matcher(name).matches() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidConfigException(r.key("headers"), name, "must be Name=value pairs separated by commas");
            }
            out.put(name, value);
        }
        return Map.copyOf(out);
    }

    @Override
    public String capability() {
        return "courier.sms";
    }

    @Override
    public String startupSummary() {
        return url.map(u -> "SMS gateway=" + u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
                + " (auth " + authType.name().toLowerCase(Locale.ROOT) + ")").orElse("SMS gateway=none (SMS held in the outbox)");
    }

    /** Whether a gateway is configured; without one SMS are held in the outbox. */
    public boolean sends() {
        return url.isPresent();
    }

    public URI url() {
        return url.orElseThrow();
    }

    public String method() {
        return method;
    }

    /** Extra request headers, by name. */
    public Map<String, String> headers() {
        return headers;
    }

    public AuthType authType() {
        return authType;
    }

    public String user() {
        return user;
    }

    /** The basic_auth password: never logged. */
    public String password() {
        return password.orElse("");
    }

    public String keyName() {
        return keyName;
    }

    /** The API key: never logged. */
    public String keyValue() {
        return keyValue.orElse("");
    }

    public KeyIn keyIn() {
        return keyIn;
    }

    /** How long a request to the gateway, and the evaluation of its body, may take. */
    public Duration timeout() {
        return timeout;
    }

    /** The jsonnet program of the request body, read now (a file is read on every call). */
    public String bodyTemplate() {
        if (bodyFile.isEmpty()) {
            return inlineBody;
        }
        try {
            return Files.readString(bodyFile.get(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the SMS request body template " + bodyFile.get() + " cannot be read");
        }
    }

    /** The path jsonnet errors are reported against. */
    public Path bodyPath() {
        return bodyFile.orElse(Path.of("/sms-body.jsonnet"));
    }
}
