package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An identity's security keys ({@code webauthn}) or passkeys ({@code passkey}) as stored, in Kratos' config shape:
 * {@code {"credentials": [{"id", "public_key", "attestation_type", "authenticator": {"aaguid", "sign_count",
 * "clone_warning"}, "display_name", "added_at", "last_used_at", "is_passwordless", "transport",
 * "flags": {"user_present", "user_verified", "backup_eligible", "backup_state"}}], "user_handle"}}, binary members
 * base64 as Go writes {@code []byte}. The user handle is the identity's id for security keys (as Kratos) and a random
 * one for passkeys, which is then also the credential's identifier, so a passkey's answer finds its identity.
 * {@code passwordless} holds the ids (hex) of the security keys that sign in on their own (Kratos'
 * {@code is_passwordless}); they are no second factor.
 */
public record WebAuthnKeys(byte[] userHandle, List<WebAuthnCredential> keys, Set<String> passwordless) {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    public WebAuthnKeys {
        userHandle = userHandle.clone();
        keys = List.copyOf(keys);
        passwordless = Set.copyOf(passwordless);
    }

    /** Keys none of which is passwordless. */
    public WebAuthnKeys(byte[] userHandle, List<WebAuthnCredential> keys) {
        this(userHandle, keys, Set.of());
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    /** The identity's keys of {@code type} (webauthn or passkey); empty when it has none. */
    public static Optional<WebAuthnKeys> of(Identity identity, CredentialType type) {
        return identity.credential(type).filter(c -> c.config().containsKey("credentials")).map(c -> parse(c.config()))
                .filter(k -> !k.keys().isEmpty());
    }

    /** The user handle of a security key: the identity id's 16 bytes (Kratos' {@code identity.ID[:]}). */
    public static byte[] identityHandle(Identity identity) {
        UUID id = UUID.fromString(identity.id().toString());
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** How a key is named in a {@code *_remove} button's value: its id in lower-case hex, as Kratos. */
    public static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    /** The user handle as the credential's identifier (base64url). */
    public static String identifier(byte[] userHandle) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userHandle);
    }

    public Optional<WebAuthnCredential> find(byte[] id) {
        return keys.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst();
    }

    public Optional<WebAuthnCredential> findByHex(String hex) {
        return keys.stream().filter(k -> hex(k.id()).equals(hex)).findFirst();
    }

    /** Whether {@code key} signs in on its own. */
    public boolean isPasswordless(WebAuthnCredential key) {
        return passwordless.contains(hex(key.id()));
    }

    /** The keys that sign in on their own (Kratos' credentials filtered for {@code aal1}). */
    public List<WebAuthnCredential> passwordlessKeys() {
        return keys.stream().filter(this::isPasswordless).toList();
    }

    /** The keys that are a second factor (Kratos' credentials filtered for {@code aal2}). */
    public List<WebAuthnCredential> secondFactorKeys() {
        return keys.stream().filter(k -> !isPasswordless(k)).toList();
    }

    /** These keys and {@code added}, a second factor. */
    public WebAuthnKeys with(WebAuthnCredential added) {
        return with(added, false);
    }

    /** These keys and {@code added}, which signs in on its own when {@code passwordless}. */
    public WebAuthnKeys with(WebAuthnCredential added, boolean passwordless) {
        List<WebAuthnCredential> all = new ArrayList<>(keys);
        all.add(added);
        Set<String> flagged = new HashSet<>(this.passwordless);
        if (passwordless) {
            flagged.add(hex(added.id()));
        }
        return new WebAuthnKeys(userHandle, all, flagged);
    }

    /** These keys without the one whose id is {@code id}. */
    public WebAuthnKeys without(byte[] id) {
        Set<String> flagged = new HashSet<>(passwordless);
        flagged.remove(hex(id));
        return new WebAuthnKeys(userHandle, keys.stream().filter(k -> !Arrays.equals(k.id(), id)).toList(), flagged);
    }

    /** These keys with {@code used} (after a sign-in: its new counter and time of use) in place of the stored one. */
    public WebAuthnKeys replacing(WebAuthnCredential used) {
        return new WebAuthnKeys(userHandle, keys.stream().map(k -> Arrays.equals(k.id(), used.id()) ? used : k).toList(), passwordless);
    }

    /**
     * The credential to store, or empty when no key is left (the credential is then removed); {@code identity} is
     * the one it is stored with, null for one being created.
     */
    public Optional<Credential> toCredential(CredentialType type, List<String> identifiers, Identity identity, Instant now) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Instant created = identity == null ? now : identity.credential(type).map(Credential::createdAt).orElse(now);
        return Optional.of(new Credential(type, identifiers, toJson(type == CredentialType.PASSKEY), 0, created, now));
    }

    /** The stored shape; {@code passwordless} marks every key so (passkeys), else only those of {@link #passwordless()}. */
    JsonObject toJson(boolean passwordless) {
        JsonArrayBuilder credentials = JsonP.createArrayBuilder();
        for (WebAuthnCredential k : keys) {
            JsonArrayBuilder transports = JsonP.createArrayBuilder();
            k.transports().stream().sorted().forEach(transports::add);
            ByteBuffer aaguid = ByteBuffer.allocate(16).putLong(k.aaguid().getMostSignificantBits())
                    .putLong(k.aaguid().getLeastSignificantBits());
            var c = JsonP.createObjectBuilder()
                    .add("id", B64.encodeToString(k.id()))
                    .add("public_key", B64.encodeToString(k.publicKeyCose()))
                    .add("attestation_type", "none")
                    .add("authenticator", JsonP.createObjectBuilder().add("aaguid", B64.encodeToString(aaguid.array()))
                            .add("sign_count", k.signCount()).add("clone_warning", false))
                    .add("display_name", k.name())
                    .add("added_at", k.addedAt().toString())
                    .add("is_passwordless", passwordless || isPasswordless(k))
                    .add("transport", transports)
                    .add("flags", JsonP.createObjectBuilder().add("user_present", true).add("user_verified", k.userVerified())
                            .add("backup_eligible", k.backupEligible()).add("backup_state", false));
            if (k.lastUsedAt() != null) {
                c.add("last_used_at", k.lastUsedAt().toString());
            }
            credentials.add(c);
        }
        return JsonP.createObjectBuilder().add("credentials", credentials).add("user_handle", B64.encodeToString(userHandle)).build();
    }

    static WebAuthnKeys parse(JsonObject config) {
        List<WebAuthnCredential> keys = new ArrayList<>();
        Set<String> passwordless = new HashSet<>();
        for (JsonObject c : config.getJsonArray("credentials").getValuesAs(JsonObject.class)) {
            JsonObject authenticator = c.getJsonObject("authenticator");
            JsonObject flags = c.containsKey("flags") ? c.getJsonObject("flags") : JsonP.createObjectBuilder().build();
            ByteBuffer aaguid = ByteBuffer.wrap(B64D.decode(authenticator.getString("aaguid")));
            List<String> transports = c.containsKey("transport") ? c.getJsonArray("transport").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList() : List.of();
            keys.add(new WebAuthnCredential(B64D.decode(c.getString("id")), B64D.decode(c.getString("public_key")),
                    authenticator.getJsonNumber("sign_count").longValue(), Set.copyOf(transports),
                    new UUID(aaguid.getLong(), aaguid.getLong()), flags.getBoolean("user_verified", false),
                    flags.getBoolean("backup_eligible", false), c.getString("display_name", ""),
                    Instant.parse(c.getString("added_at")),
                    c.containsKey("last_used_at") ? Instant.parse(c.getString("last_used_at")) : null));
            if (c.getBoolean("is_passwordless", false)) {
                passwordless.add(hex(B64D.decode(c.getString("id"))));
            }
        }
        return new WebAuthnKeys(B64D.decode(config.getString("user_handle")), keys, passwordless);
    }
}
