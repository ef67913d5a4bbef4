package dev.gatehouse.identity.schema;

import dev.gatehouse.kernel.log.Logs;

import com.networknt.schema.Schema;
import jakarta.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One identity schema: a JSON Schema for {@code {"traits": {...}}} whose {@code "ory.sh/kratos"} extension
 * says which traits identify the identity for which credentials and which addresses are verified and used
 * for recovery. Immutable and compiled once; safe to share between threads.
 *
 * @see <a href="https://www.ory.sh/docs/kratos/manage-identities/customize-identity-schema">Ory Kratos: customize the identity schema</a>
 */
public final class IdentitySchema {

    private static final Logger LOG = Logs.of(IdentitySchema.class);
    private static final String TRAITS = "traits";

    private final String id;
    private final JsonObject document;
    private final Schema compiled;
    private final List<TraitMark> marks;

    private IdentitySchema(String id, JsonObject document, Schema compiled, List<TraitMark> marks) {
        this.id = id;
        this.document = document;
        this.compiled = compiled;
        this.marks = marks;
    }

    /**
     * Checks and compiles a schema document.
     *
     * @throws IllegalArgumentException with a one-line reason (starting with a verb: "is not a valid JSON
     *                                  Schema: ...") when the document is not a usable identity schema
     */
    public static IdentitySchema of(String id, JsonObject document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        Schema compiled = SchemaCompiler.compile(document);
        return new IdentitySchema(id, document, compiled, TraitMark.find(document));
    }

    public String id() {
        return id;
    }

    /** The schema as configured, which is what {@code GET /schemas/{id}} serves. */
    public JsonObject document() {
        return document;
    }

    /**
     * Validates traits as Kratos does, by validating {@code {"traits": traits}} against the whole schema.
     *
     * @return one error per violation, empty when the traits are valid; never throws for a schema problem,
     *         which is reported as one generic error (4000001) and logged
     */
    public List<TraitError> validate(JsonObject traits) {
        Objects.requireNonNull(traits, "traits");
        try {
            return compiled.validate(JacksonBridge.wrap(TRAITS, traits)).stream().map(TraitMessages::of).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Identity schema " + id + " could not be evaluated", e);
            return List.of(TraitMessages.generic("", "The traits could not be checked against the identity schema."));
        }
    }

    /** The traits that are identifiers for {@code kind}, as dot-separated paths below the traits root. */
    public List<String> identifierPaths(CredentialKind kind) {
        Objects.requireNonNull(kind, "kind");
        return marks.stream().filter(m -> m.identifierFor().contains(kind)).map(TraitMark::dotted).toList();
    }

    /**
     * What the schema calls the traits that identify for any of {@code kinds}, in the order it declares them:
     * each trait's {@code title}, or its name where it has none; each text once. This is what a sign-in form
     * labels its identifier input with.
     */
    public List<String> identifierTitles(Set<CredentialKind> kinds) {
        Objects.requireNonNull(kinds, "kinds");
        return marks.stream().filter(m -> m.identifierFor().stream().anyMatch(kinds::contains))
                .map(m -> m.title() != null ? m.title() : m.path().get(m.path().size() - 1)).distinct().toList();
    }

    /**
     * The identifiers for {@code kind} found in {@code traits}: email-format traits trimmed and lower-cased,
     * absent and blank traits skipped, each value once.
     */
    public List<String> identifiers(CredentialKind kind, JsonObject traits) {
        Objects.requireNonNull(kind, "kind");
        return values(traits, mark -> mark.identifierFor().contains(kind), (mark, value) -> value);
    }

    /**
     * The addresses the {@code code} method sends sign-in codes to ({@code credentials.code.identifier}), with the
     * channel each is reached by ({@code credentials.code.via}; by SMS for a phone trait that does not say).
     */
    public List<Address> codeAddresses(JsonObject traits) {
        return values(traits, mark -> mark.identifierFor().contains(CredentialKind.CODE),
                (mark, value) -> new Address(mark.codeChannel(), value));
    }

    /** Whether any trait of this schema is a phone number. */
    public boolean hasPhoneTraits() {
        return marks.stream().anyMatch(TraitMark::phone);
    }

    /**
     * {@code traits} with every phone trait written in E.164, so that two spellings of one number are one value
     * (as stored, as identifier and as address). A number without {@code +} is read in {@code defaultRegion}
     * (ISO 3166, or null for none). Call it before {@link #validate}: a value that is no valid number is kept as
     * given, and the {@code tel} format refuses it there with Kratos' message.
     */
    public JsonObject normalise(JsonObject traits, String defaultRegion) {
        Objects.requireNonNull(traits, "traits");
        JsonObject out = traits;
        for (TraitMark mark : marks) {
            if (mark.phone()) {
                out = mark.withE164(out, defaultRegion);
            }
        }
        return out;
    }

    /** The addresses to verify ({@code verification.via}), normalised like identifiers. */
    public List<Address> verifiableAddresses(JsonObject traits) {
        return values(traits, mark -> mark.verificationVia() != null,
                (mark, value) -> new Address(mark.verificationVia(), value));
    }

    /** The addresses that can recover the identity ({@code recovery.via}), normalised like identifiers. */
    public List<Address> recoveryAddresses(JsonObject traits) {
        return values(traits, mark -> mark.recoveryVia() != null,
                (mark, value) -> new Address(mark.recoveryVia(), value));
    }

    private <T> List<T> values(JsonObject traits, Predicate<TraitMark> wanted, BiFunction<TraitMark, String, T> as) {
        Objects.requireNonNull(traits, "traits");
        Set<T> found = new LinkedHashSet<>();
        marks.stream().filter(wanted).forEach(mark -> mark.values(traits).forEach(value -> found.add(as.apply(mark, value))));
        return List.copyOf(found);
    }

    @Override
    public String toString() {
        return "IdentitySchema[" + id + "]";
    }
}
