package dev.gatehouse.credential.webauthn;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A registered WebAuthn credential as stored with an identity: its id, its public key as the COSE_Key bytes the
 * authenticator sent (<a href="https://www.rfc-editor.org/rfc/rfc9052#section-7">RFC 9052 §7</a>), the last
 * signature counter seen, the transports the browser reported, the authenticator model (AAGUID, all zero when the
 * attestation is {@code none}), whether it verified the person at registration and may be backed up (a synced
 * passkey), the name the person gave it, and when it was added and last used.
 */
public record WebAuthnCredential(byte[] id, byte[] publicKeyCose, long signCount, Set<String> transports, UUID aaguid,
                                 boolean userVerified, boolean backupEligible, String name, Instant addedAt,
                                 Instant lastUsedAt) {

    public WebAuthnCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKeyCose, "publicKeyCose");
        Objects.requireNonNull(aaguid, "aaguid");
        Objects.requireNonNull(addedAt, "addedAt");
        id = id.clone();
        publicKeyCose = publicKeyCose.clone();
        transports = Set.copyOf(transports);
        name = name == null ? "" : name;
        if (signCount < 0) {
            throw new IllegalArgumentException("sign count must not be negative");
        }
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    @Override
    public byte[] publicKeyCose() {
        return publicKeyCose.clone();
    }

    /** The id as base64url, as the WebAuthn JSON and Kratos write it. */
    public String idBase64url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** This credential after a successful sign-in that reported {@code newSignCount}. */
    public WebAuthnCredential usedAt(Instant at, long newSignCount) {
        return new WebAuthnCredential(id, publicKeyCose, newSignCount, transports, aaguid, userVerified, backupEligible, name, addedAt, at);
    }

    /** This credential under another name. */
    public WebAuthnCredential named(String newName) {
        return new WebAuthnCredential(id, publicKeyCose, signCount, transports, aaguid, userVerified, backupEligible, newName, addedAt, lastUsedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebAuthnCredential c && Arrays.equals(id, c.id) && Arrays.equals(publicKeyCose, c.publicKeyCose)
                && signCount == c.signCount && transports.equals(c.transports) && aaguid.equals(c.aaguid)
                && userVerified == c.userVerified && backupEligible == c.backupEligible && name.equals(c.name)
                && addedAt.equals(c.addedAt) && Objects.equals(lastUsedAt, c.lastUsedAt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "WebAuthnCredential[id=" + idBase64url() + ", signCount=" + signCount + ", aaguid=" + aaguid + ", name=" + name + "]";
    }
}
