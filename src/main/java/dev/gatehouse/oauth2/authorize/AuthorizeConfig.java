package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code gatehouse.oauth2.*} keys of the authorization endpoint and its challenges: PKCE for all clients, how long a
 * challenge lives, where the login, consent and logout apps are (empty: the built-in ones), the cookies.
 */
@ApplicationScoped
public class AuthorizeConfig implements CapabilityConfig {

    private boolean pkceEnforced;
    private Duration challengeLifespan;
    private String loginUrl;
    private String consentUrl;
    private String logoutUrl;
    private String postLogoutUrl;
    private String loginSessionCookie;
    private String csrfCookie;
    private Duration loginSessionLifespan;
    private Duration backchannelTimeout;

    protected AuthorizeConfig() {
    }

    @Inject
    public AuthorizeConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.pkceEnforced = r.bool("pkce.enforced");
        this.challengeLifespan = r.duration("challenge-lifespan");
        this.loginUrl = r.optionalString("urls.login").orElse(null);
        this.consentUrl = r.optionalString("urls.consent").orElse(null);
        this.logoutUrl = r.optionalString("urls.logout").orElse(null);
        this.postLogoutUrl = r.string("urls.post-logout");
        this.loginSessionCookie = cookieName(r, "login-session.cookie-name");
        this.csrfCookie = cookieName(r, "csrf-cookie-name");
        this.loginSessionLifespan = r.duration("login-session.lifespan");
        this.backchannelTimeout = r.duration("backchannel-logout.timeout");
    }

    private static String cookieName(ConfigReader r, String key) {
        String name = r.string(key);
        if (!name.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new InvalidConfigException(r.key(key), name, "must be 1-64 letters, digits, '_' or '-'");
        }
        return name;
    }

    @Override
    public String capability() {
        return "oauth2";
    }

    public boolean pkceEnforced() {
        return pkceEnforced;
    }

    public Duration challengeLifespan() {
        return challengeLifespan;
    }

    /** The external login app, if one is configured; otherwise the built-in one is used. */
    public Optional<String> loginUrl() {
        return Optional.ofNullable(loginUrl);
    }

    public Optional<String> consentUrl() {
        return Optional.ofNullable(consentUrl);
    }

    public Optional<String> logoutUrl() {
        return Optional.ofNullable(logoutUrl);
    }

    /** Where a logout without a (valid) post_logout_redirect_uri ends. */
    public String postLogoutUrl() {
        return postLogoutUrl;
    }

    public String loginSessionCookie() {
        return loginSessionCookie;
    }

    public String csrfCookie() {
        return csrfCookie;
    }

    /** How long a remembered login lasts when the login app says {@code remember_for: 0}. */
    public Duration loginSessionLifespan() {
        return loginSessionLifespan;
    }

    public Duration backchannelTimeout() {
        return backchannelTimeout;
    }
}
