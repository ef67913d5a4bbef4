package dev.gatehouse.session;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Optional;

/** {@code gatehouse.session.*}: lifespan, sliding refresh, cookie, privileged age, whoami's required level. */
@ApplicationScoped
public class SessionConfig implements CapabilityConfig {

    private Duration lifespan;
    private Duration earliestPossibleExtend;
    private Duration privilegedMaxAge;
    private String cookieName;
    private String cookieDomain;
    private RequiredAal whoamiRequiredAal;

    protected SessionConfig() {
    }

    @Inject
    public SessionConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.lifespan = r.duration("lifespan");
        this.earliestPossibleExtend = r.duration("earliest-possible-extend");
        this.privilegedMaxAge = r.duration("privileged-max-age");
        this.cookieName = r.string("cookie.name");
        if (!cookieName.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new dev.gatehouse.kernel.config.InvalidConfigException(r.key("cookie.name"), cookieName,
                    "must be 1-64 letters, digits, '_' or '-'");
        }
        this.cookieDomain = r.optionalString("cookie.domain").orElse(null);
        String aal = r.string("whoami.required-aal");
        this.whoamiRequiredAal = RequiredAal.fromWire(aal).orElseThrow(() -> new dev.gatehouse.kernel.config.InvalidConfigException(
                r.key("whoami.required-aal"), aal, "must be aal1 or highest_available"));
    }

    @Override
    public String capability() {
        return "session";
    }

    /** How long a session lives from sign-in (or its last extension). */
    public Duration lifespan() {
        return lifespan;
    }

    /** A session is extended on use only once less than this is left (Kratos' earliest_possible_extend). */
    public Duration earliestPossibleExtend() {
        return earliestPossibleExtend;
    }

    /** How recent a sign-in must be for sensitive settings changes. */
    public Duration privilegedMaxAge() {
        return privilegedMaxAge;
    }

    /** The level {@code /sessions/whoami} asks of a session (Kratos' {@code session.whoami.required_aal}). */
    public RequiredAal whoamiRequiredAal() {
        return whoamiRequiredAal;
    }

    public String cookieName() {
        return cookieName;
    }

    public Optional<String> cookieDomain() {
        return Optional.ofNullable(cookieDomain);
    }
}
