package dev.gatehouse.jwk;

import java.util.Objects;

/**
 * Where the private half of a signing key is: sealed under the KEK in the key's database row, or inside a PKCS#11
 * token, where it was generated and which it never leaves (the row keeps only the label it is stored under).
 */
public sealed interface PrivatePart permits KeyEncryptionKey.Sealed, PrivatePart.InToken {

    /** A key held in the PKCS#11 token under {@code alias} (its CKA_LABEL). */
    record InToken(String alias) implements PrivatePart {
        public InToken {
            Objects.requireNonNull(alias);
            if (alias.isBlank() || alias.length() > 128) {
                throw new IllegalArgumentException("a token key's alias is 1 to 128 characters");
            }
        }
    }
}
