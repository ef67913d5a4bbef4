package dev.gatehouse.courier;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code gatehouse.courier.*}: where and how the sender delivers mail. An empty {@code smtp.host} means no
 * SMTP server: messages are held in the outbox and shown on the dev outbox page instead of being sent.
 */
@ApplicationScoped
public class CourierConfig implements CapabilityConfig {

    /** How the SMTP connection is secured. */
    public enum Tls { NONE, STARTTLS, TLS }

    private Optional<String> smtpHost;
    private int smtpPort;
    private Tls tls;
    private Optional<String> username;
    private Optional<String> password;
    private InternetAddress from;
    private int maxAttempts;
    private Duration retryBackoff;
    private Duration maxBackoff;
    private int batchSize;
    private Duration pollInterval;
    private Duration processingTimeout;
    private Duration heldMaxAge;
    private Duration retention;
    private Optional<Path> templatesDir;

    protected CourierConfig() {
    }

    @Inject
    public CourierConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.smtpHost = r.optionalString("smtp.host");
        this.smtpPort = r.intInRange("smtp.port", 1, 65535);
        this.tls = r.oneOf("smtp.tls", Tls.class);
        this.username = r.optionalString("smtp.username");
        this.password = r.optionalSecret("smtp.password", 1);
        this.from = fromAddress(r);
        this.maxAttempts = r.intInRange("max-attempts", 1, 1000);
        this.retryBackoff = r.duration("retry-backoff");
        this.maxBackoff = r.duration("max-backoff");
        this.batchSize = r.intInRange("batch-size", 1, 1000);
        this.pollInterval = r.duration("poll-interval");
        this.processingTimeout = r.duration("processing-timeout");
        this.heldMaxAge = r.duration("held-max-age");
        this.retention = r.duration("retention");
        this.templatesDir = r.optionalString("templates-dir").map(Path::of);
        templatesDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new InvalidConfigException(r.key("templates-dir"), dir.toString(), "must be an existing directory");
            }
        });
    }

    private static InternetAddress fromAddress(ConfigReader r) {
        String address = r.string("from-address");
        try {
            InternetAddress a = new InternetAddress(address, true);
            a.setPersonal(r.optionalString("from-name").orElse(null), "UTF-8");
            return a;
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            throw new InvalidConfigException(r.key("from-address"), address, "must be a plain e-mail address");
        }
    }

    @Override
    public String capability() {
        return "courier";
    }

    /** The SMTP server; empty when mail is held for the dev outbox instead of being sent. */
    public Optional<String> smtpHost() {
        return smtpHost;
    }

    public boolean sends() {
        return smtpHost.isPresent();
    }

    public int smtpPort() {
        return smtpPort;
    }

    public Tls tls() {
        return tls;
    }

    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    /** The From address with its display name. */
    public InternetAddress from() {
        return (InternetAddress) from.clone();
    }

    /** After this many failed attempts a message is abandoned. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait after the first failure; it doubles with each further one, up to {@link #maxBackoff()}. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** A message claimed longer ago than this (its node died mid-send) is due again. */
    public Duration processingTimeout() {
        return processingTimeout;
    }

    /**
     * Messages held while no SMTP server was configured: once one is, those younger than this are sent, older
     * ones abandoned (the codes and links in them have expired, and a stale mail would only confuse).
     */
    public Duration heldMaxAge() {
        return heldMaxAge;
    }

    /** Sent, abandoned and held messages are deleted this long after their last change. */
    public Duration retention() {
        return retention;
    }

    public Optional<Path> templatesDir() {
        return templatesDir;
    }

    /** The wait before the next attempt after {@code failures} failed ones: backoff·2^(failures-1), capped. */
    public Duration backoffAfter(int failures) {
        int shift = Math.max(0, Math.min(failures - 1, 30));
        Duration d = retryBackoff.multipliedBy(1L << shift);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
