package dev.gatehouse.identity;

import dev.gatehouse.identity.schema.PhoneNumbers;
import dev.gatehouse.kernel.config.EffectiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default phone region in force (the current tenant's {@code identity.phone.default-region}, else the global
 * one), and identifiers normalised with it: a phone number in E.164, anything else trimmed and lower-cased.
 */
@ApplicationScoped
public class PhoneRegion {

    private Supplier<String> region;

    protected PhoneRegion() {
    }

    @Inject
    public PhoneRegion(EffectiveConfig effective, PhoneTenantSettings settings) {
        this.region = () -> effective.of(settings).defaultRegion();
    }

    /** A fixed region, whatever the tenant (null for none). */
    public PhoneRegion(String fixed) {
        this.region = () -> fixed;
    }

    /** The ISO 3166 region of numbers written without {@code +}, or null. */
    public String defaultRegion() {
        return region.get();
    }

    /** {@code raw} as a phone number in E.164, if it is one. */
    public Optional<String> e164(String raw) {
        return PhoneNumbers.e164(raw, defaultRegion());
    }

    /** An identifier as typed, in the form identifiers are stored in: E.164 for a phone number, else lower case. */
    public String identifier(String raw) {
        String trimmed = raw == null ? "" : raw.trim();
        return e164(trimmed).orElseGet(() -> trimmed.toLowerCase(Locale.ROOT));
    }
}
