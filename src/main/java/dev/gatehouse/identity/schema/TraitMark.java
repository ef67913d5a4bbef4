package dev.gatehouse.identity.schema;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code "ory.sh/kratos"} extension says about one trait: for which credentials it is the
 * identifier, and by which channel it is verified and recovered. Found by walking the schema under
 * {@code properties.traits} through {@code properties}, {@code items}, {@code allOf}/{@code anyOf}/{@code oneOf}
 * and local {@code $ref}s; an array trait (or a trait inside array items) yields one value per element.
 *
 * @param path            the trait's path below the traits root, one segment per property
 * @param email           whether the trait declares {@code format: email}, so that its values are
 *                        trimmed and lower-cased as Kratos does
 * @param phone           whether the trait is a phone number ({@code format: tel}, or reached {@code via: sms}),
 *                        so that its values are written in E.164 ({@link PhoneNumbers})
 * @param codeVia         {@code credentials.code.via}: how a sign-in code reaches this identifier ({@code email}
 *                        or {@code sms}); null when the schema does not say
 * @param identifierFor   the credentials whose identifier this trait is
 * @param verificationVia {@code verification.via}, or null
 * @param recoveryVia     {@code recovery.via}, or null
 * @param title           the {@code title} the schema gives the trait (the first one met on the walk), or null
 */
record TraitMark(List<String> path, boolean email, boolean phone, Set<CredentialKind> identifierFor,
                 String codeVia, String verificationVia, String recoveryVia, String title) {

    static final String EXTENSION = "ory.sh/kratos";
    static final String SMS = "sms";

    TraitMark {
        path = List.copyOf(path);
        identifierFor = Set.copyOf(identifierFor);
    }

    /** The marked traits of an identity schema, in the order the schema declares them. */
    static List<TraitMark> find(JsonObject document) {
        Map<List<String>, TraitMark> found = new LinkedHashMap<>();
        Map<List<String>, String> titles = new HashMap<>();
        JsonValue traits = document.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT) instanceof JsonObject p
                ? p.get("traits") : null;
        new Walk(document, found, titles).visit(traits, List.of());
        return found.values().stream().map(m -> m.titled(titles.get(m.path()))).toList();
    }

    private TraitMark titled(String title) {
        return new TraitMark(path, email, phone, identifierFor, codeVia, verificationVia, recoveryVia, title);
    }

    /** The dot-separated path, as callers name traits ({@code email}, {@code contact.email}). */
    String dotted() {
        return String.join(".", path);
    }

    /** This trait's values in {@code traits}: normalised, without blanks or repeats. */
    List<String> values(JsonObject traits) {
        List<String> raw = new ArrayList<>();
        collect(traits, 0, raw);
        return raw.stream().map(this::normalise).filter(v -> !v.isBlank()).distinct().toList();
    }

    private void collect(JsonValue node, int depth, List<String> out) {
        if (node instanceof JsonArray array) {
            array.forEach(item -> collect(item, depth, out));
        } else if (depth == path.size()) {
            if (node instanceof JsonString s) {
                out.add(s.getString());
            }
        } else if (node instanceof JsonObject object && object.containsKey(path.get(depth))) {
            collect(object.get(path.get(depth)), depth + 1, out);
        }
    }

    private String normalise(String value) {
        if (phone) {
            return PhoneNumbers.e164(value, null).orElse(value.strip());
        }
        return email ? value.trim().toLowerCase(Locale.ROOT) : value;
    }

    /** How a sign-in code reaches this identifier: as the schema says, else by SMS for a phone trait, else e-mail. */
    String codeChannel() {
        return codeVia != null ? codeVia : phone ? SMS : "email";
    }

    /**
     * {@code traits} with this (phone) trait's values rewritten in E.164, numbers without {@code +} read in
     * {@code region}; values that are no valid number are kept as given, for the {@code tel} format to refuse.
     */
    JsonObject withE164(JsonObject traits, String region) {
        return (JsonObject) rewrite(traits, 0, region);
    }

    private JsonValue rewrite(JsonValue node, int depth, String region) {
        if (node instanceof JsonArray array) {
            var copy = JsonP.createArrayBuilder();
            array.forEach(item -> copy.add(rewrite(item, depth, region)));
            return copy.build();
        }
        if (depth == path.size()) {
            return node instanceof JsonString s
                    ? PhoneNumbers.e164(s.getString(), region).<JsonValue>map(JsonP::createValue).orElse(node) : node;
        }
        if (node instanceof JsonObject object && object.containsKey(path.get(depth))) {
            return JsonP.createObjectBuilder(object).add(path.get(depth), rewrite(object.get(path.get(depth)), depth + 1, region)).build();
        }
        return node;
    }

    private TraitMark merge(TraitMark other) {
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        kinds.addAll(identifierFor);
        kinds.addAll(other.identifierFor);
        return new TraitMark(path, email || other.email, phone || other.phone, kinds,
                codeVia != null ? codeVia : other.codeVia,
                verificationVia != null ? verificationVia : other.verificationVia,
                recoveryVia != null ? recoveryVia : other.recoveryVia, null);
    }

    private static TraitMark of(List<String> path, JsonObject schema, JsonObject extension) {
        JsonObject credentials = object(extension, "credentials");
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        for (CredentialKind kind : CredentialKind.values()) {
            if (object(credentials, kind.extensionKey()).getBoolean("identifier", false)) {
                kinds.add(kind);
            }
        }
        String format = schema.get("format") instanceof JsonString f ? f.getString() : null;
        String codeVia = object(credentials, CredentialKind.CODE.extensionKey()).getString("via", null);
        String verificationVia = object(extension, "verification").getString("via", null);
        String recoveryVia = object(extension, "recovery").getString("via", null);
        boolean phone = "tel".equals(format) || SMS.equals(codeVia) || SMS.equals(verificationVia) || SMS.equals(recoveryVia);
        return new TraitMark(path, "email".equals(format), phone, kinds, codeVia, verificationVia, recoveryVia, null);
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonObject child ? child : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** A depth-first walk that follows each local {@code $ref} at most once on any one path (no cycles). */
    private record Walk(JsonObject root, Map<List<String>, TraitMark> found, Map<List<String>, String> titles) {

        void visit(JsonValue node, List<String> path) {
            visit(node, path, new HashSet<>());
        }

        private void visit(JsonValue node, List<String> path, Set<String> refsOnPath) {
            if (!(node instanceof JsonObject schema)) {
                return;
            }
            if (schema.get("$ref") instanceof JsonString ref && ref.getString().startsWith("#")
                    && refsOnPath.add(ref.getString())) {
                visit(resolve(ref.getString()), path, refsOnPath);
                refsOnPath.remove(ref.getString());
            }
            if (!path.isEmpty() && schema.get("title") instanceof JsonString title) {
                titles.putIfAbsent(path, title.getString());
            }
            if (!path.isEmpty() && schema.get(EXTENSION) instanceof JsonObject extension) {
                found.merge(path, TraitMark.of(path, schema, extension), TraitMark::merge);
            }
            if (schema.get("properties") instanceof JsonObject properties) {
                properties.forEach((name, sub) -> visit(sub, append(path, name), refsOnPath));
            }
            visit(schema.get("items"), path, refsOnPath);
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (schema.get(combinator) instanceof JsonArray alternatives) {
                    alternatives.forEach(alternative -> visit(alternative, path, refsOnPath));
                }
            }
        }

        private JsonValue resolve(String ref) {
            try {
                String pointer = URI.create(ref).getFragment();
                return pointer == null || pointer.isEmpty() ? root : JsonP.createPointer(pointer).getValue(root);
            } catch (IllegalArgumentException | JsonException e) {
                // an unresolvable reference fails compilation with its own message; nothing to mark here
                return null;
            }
        }

        private static List<String> append(List<String> path, String name) {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            return longer;
        }
    }
}
