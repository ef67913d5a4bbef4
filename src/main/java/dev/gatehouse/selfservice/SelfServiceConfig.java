package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.session.RequiredAal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code gatehouse.selfservice.*}: flow lifetime, where flows may send the user afterwards, one-time codes. */
@ApplicationScoped
public class SelfServiceConfig implements CapabilityConfig {

    private Duration flowLifespan;
    private List<URI> allowedReturnUrls;
    private String defaultReturnUrl;
    private String csrfCookieName;
    private Duration codeLifespan;
    private int codeMaxAttempts;
    private Duration codeResendInterval;
    private boolean verificationRequiredForLogin;
    private boolean recoveryRevokeSessions;
    private AddressProof verificationUse;
    private AddressProof recoveryUse;
    private String totpIssuer;
    private boolean codeMfaEnabled;
    private int codeSendLimitSms;
    private int codeSendLimitEmail;
    private Duration codeSendLimitWindow;

    private RequiredAal settingsRequiredAal;

    protected SelfServiceConfig() {
    }

    @Inject
    public SelfServiceConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.flowLifespan = r.duration("flow-lifespan");
        this.allowedReturnUrls = r.list("allowed-return-urls").stream().map(u -> {
            try {
                URI uri = URI.create(u);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(r.key("allowed-return-urls"), u, "every entry must be an absolute URL");
            }
        }).toList();
        this.defaultReturnUrl = r.string("default-return-url");
        this.csrfCookieName = r.string("csrf-cookie-name");
        this.codeLifespan = r.duration("code.lifespan");
        this.codeMaxAttempts = r.intInRange("code.max-attempts", 1, 100);
        this.codeResendInterval = r.duration("code.resend-interval");
        this.verificationRequiredForLogin = r.bool("verification.required-for-login");
        this.recoveryRevokeSessions = r.bool("recovery.revoke-sessions");
        this.verificationUse = r.oneOf("verification.use", AddressProof.class);
        this.recoveryUse = r.oneOf("recovery.use", AddressProof.class);
        this.totpIssuer = r.optionalString("totp.issuer").orElse("");
        this.codeMfaEnabled = r.bool("methods.code.mfa-enabled");
        this.codeSendLimitSms = r.intInRange("code.send-limit.sms", 1, 10_000);
        this.codeSendLimitEmail = r.intInRange("code.send-limit.email", 1, 10_000);
        this.codeSendLimitWindow = r.duration("code.send-limit.window");
        String aal = r.string("settings.required-aal");
        this.settingsRequiredAal = RequiredAal.fromWire(aal).orElseThrow(() -> new InvalidConfigException(
                r.key("settings.required-aal"), aal, "must be aal1 or highest_available"));
    }

    @Override
    public String capability() {
        return "selfservice";
    }

    public Duration flowLifespan() {
        return flowLifespan;
    }

    /** Absolute URLs (scheme, host, port and path prefix) that {@code return_to} may point into. */
    public List<URI> allowedReturnUrls() {
        return allowedReturnUrls;
    }

    /** Where a finished browser flow goes without a {@code return_to} (a path on this server, or a URL). */
    public String defaultReturnUrl() {
        return defaultReturnUrl;
    }

    public String csrfCookieName() {
        return csrfCookieName;
    }

    /** How long a one-time code (verification, recovery) is valid. */
    public Duration codeLifespan() {
        return codeLifespan;
    }

    /** Wrong codes a flow accepts before it is spent. */
    public int codeMaxAttempts() {
        return codeMaxAttempts;
    }

    /** The least time between two codes to the same address in a flow. */
    public Duration codeResendInterval() {
        return codeResendInterval;
    }

    /** Whether sign-in waits until a login address is verified. */
    public boolean verificationRequiredForLogin() {
        return verificationRequiredForLogin;
    }

    /** Whether a recovery ends every other session of the identity. */
    public boolean recoveryRevokeSessions() {
        return recoveryRevokeSessions;
    }

    /** Kratos' {@code selfservice.flows.verification.use}: the method new verification flows offer and mails use. */
    public AddressProof verificationUse() {
        return verificationUse;
    }

    /** Kratos' {@code selfservice.flows.recovery.use}: the method new recovery flows offer. */
    public AddressProof recoveryUse() {
        return recoveryUse;
    }

    /**
     * Kratos' {@code selfservice.methods.totp.config.issuer}: the name authenticator apps show beside the account;
     * empty for the host of the public URL, as Kratos does.
     */
    public String totpIssuer() {
        return totpIssuer;
    }

    /**
     * Kratos' {@code selfservice.methods.code.mfa_enabled}: whether a one-time code to a verified address (e-mail or
     * SMS) is a second factor that raises a session to {@code aal2}. Off by default, as in Kratos.
     */
    public boolean codeMfaEnabled() {
        return codeMfaEnabled;
    }

    /** How many codes may go to one phone number within {@link #codeSendLimitWindow()}, over all flows. */
    public int codeSendLimitSms() {
        return codeSendLimitSms;
    }

    /** How many codes may go to one e-mail address within {@link #codeSendLimitWindow()}, over all flows. */
    public int codeSendLimitEmail() {
        return codeSendLimitEmail;
    }

    public Duration codeSendLimitWindow() {
        return codeSendLimitWindow;
    }

    /** The level a session needs to open or submit a settings flow (Kratos' {@code selfservice.flows.settings.required_aal}). */
    public RequiredAal settingsRequiredAal() {
        return settingsRequiredAal;
    }
}
