package dev.gatehouse.jwk;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.log.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The PKCS#11 token of {@code gatehouse.jwk.pkcs11.*}, through the JDK's SunPKCS11 provider (one provider instance,
 * logged in with the user PIN at first use). Keys it generates are sensitive and not extractable (the provider's
 * template says so), so a private key or the KEK never leaves the token: Gatehouse holds only handles and asks the
 * token to sign, wrap and unwrap. Keys are found again by their label (the key store's alias).
 */
@ApplicationScoped
public class Pkcs11Token {

    private static final Logger LOG = Logs.of(Pkcs11Token.class);
    private static final int RSA_BITS = 2048;
    /** What every key the provider generates carries; without it SoftHSM and many HSMs make extractable keys. */
    private static final String TEMPLATE = """
            attributes(generate, CKO_PRIVATE_KEY, *) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
            }
            attributes(generate, CKO_SECRET_KEY, *) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
            }
            """;

    private JwkConfig config;
    private volatile Open open;
    /** The token's refusal of this node's PIN: not tried again until the node restarts. */
    private PinRefusedException refused;

    protected Pkcs11Token() {
    }

    @Inject
    public Pkcs11Token(JwkConfig config) {
        this.config = config;
    }

    /** Whether a token is configured at all. */
    public boolean configured() {
        return config.pkcs11().isPresent();
    }

    /** The token's provider: what signs with its keys. */
    public Provider provider() {
        return open().provider();
    }

    /**
     * A new key pair inside the token under {@code alias}; returns its public half as a JWK with {@code kid},
     * {@code use=sig} and {@code alg}.
     */
    public JWK generate(String alias, SigningAlgorithm alg, String kid) {
        Open token = open();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(alg == SigningAlgorithm.RS256 ? "RSA" : "EC", token.provider());
            if (alg == SigningAlgorithm.RS256) {
                generator.initialize(RSA_BITS);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            Certificate certificate = TokenCertificates.selfSigned(pair, alg, alias, token.provider());
            synchronized (token) {
                // the generated pair is a session object; storing it copies it into the token under the alias
                token.store().setKeyEntry(alias, pair.getPrivate(), null, new Certificate[]{certificate});
            }
            return publicJwk(pair.getPublic(), alg, kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#11 token cannot generate a " + alg + " key", e);
        }
    }

    /** The handle of the private key stored under {@code alias}. */
    public PrivateKey privateKey(String alias) {
        Key key = entry(alias);
        if (!(key instanceof PrivateKey p)) {
            throw new IllegalStateException("the PKCS#11 token holds no private key labelled " + alias);
        }
        return p;
    }

    /** The AES key labelled {@code label}, generated inside the token if there is none yet. */
    public SecretKey secretKey(String label) {
        Open token = open();
        synchronized (token) {
            Key key = entry(label);
            if (key instanceof SecretKey s) {
                return s;
            }
            if (key != null) {
                throw new IllegalStateException("the PKCS#11 object labelled " + label + " is not a secret key");
            }
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES", token.provider());
                generator.init(256);
                token.store().setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
                LOG.info("Generated the AES key-encryption key labelled " + label + " inside the PKCS#11 token");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the PKCS#11 token cannot generate an AES key", e);
            }
            return (SecretKey) entry(label);
        }
    }

    /** Whether the token holds an object under {@code alias}. */
    public boolean holds(String alias) {
        Open token = open();
        synchronized (token) {
            try {
                return token.store().containsAlias(alias);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot list the PKCS#11 token's keys", e);
            }
        }
    }

    /** Destroys the key (and its certificate) under {@code alias}; nothing happens if there is none. */
    public void delete(String alias) {
        Open token = open();
        synchronized (token) {
            try {
                if (token.store().containsAlias(alias)) {
                    token.store().deleteEntry(alias);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot delete the PKCS#11 key " + alias, e);
            }
        }
    }

    private Key entry(String alias) {
        Open token = open();
        synchronized (token) {
            try {
                return token.store().getKey(alias, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the PKCS#11 key " + alias, e);
            }
        }
    }

    private static JWK publicJwk(PublicKey tokenKey, SigningAlgorithm alg, String kid) throws GeneralSecurityException {
        // a plain JDK copy of the public key: the token's own object is a handle, useless once the session ends
        X509EncodedKeySpec spec = new X509EncodedKeySpec(tokenKey.getEncoded());
        return switch (alg) {
            case RS256 -> new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec))
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg.jws()).build();
            case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec))
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg.jws()).build();
        };
    }

    private Open open() {
        Open o = open;
        if (o == null) {
            synchronized (this) {
                if (refused != null) {
                    // a token counts wrong PINs and locks its user after a few: one refusal is final for this node
                    throw refused;
                }
                if (open == null) {
                    try {
                        open = login(config.pkcs11().orElseThrow(() -> new InvalidConfigException("gatehouse.jwk.pkcs11.library",
                                null, "a PKCS#11 token is needed (signing-key-store=pkcs11, kek-pkcs11-label, or keys held in one)")));
                    } catch (PinRefusedException e) {
                        refused = e;
                        throw e;
                    }
                }
                o = open;
            }
        }
        return o;
    }

    private static Open login(JwkConfig.Pkcs11 token) {
        if (!Files.isReadable(token.library())) {
            throw new InvalidConfigException("gatehouse.jwk.pkcs11.library", token.library().toString(), "cannot be read");
        }
        String slot = token.slot().map(id -> "slot = " + id).orElse("slotListIndex = " + token.slotListIndex());
        String conf = "--name = Gatehouse\nlibrary = " + token.library() + "\n" + slot + "\n" + TEMPLATE;
        Provider sun = Optional.ofNullable(Security.getProvider("SunPKCS11"))
                .orElseThrow(() -> new IllegalStateException("this JDK has no SunPKCS11 provider"));
        Provider provider;
        try {
            provider = sun.configure(conf);
        } catch (RuntimeException e) {
            throw new InvalidConfigException("gatehouse.jwk.pkcs11.library", token.library().toString(),
                    "the PKCS#11 module does not load or has no token in " + slot + " (" + e.getMessage() + ")");
        }
        char[] pin = pin(token);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            LOG.info("Logged in to the PKCS#11 token of " + token.library() + " (" + slot + ")");
            return new Open(provider, store);
        } catch (IOException | GeneralSecurityException e) {
            // the provider's message names no PIN; a wrong one reads CKR_PIN_INCORRECT
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (reason != null && reason.contains("CKR_PIN_")) {
                throw new PinRefusedException(reason);
            }
            throw new InvalidConfigException("gatehouse.jwk.pkcs11.pin", null, "the PKCS#11 token refused the login (" + reason + ")");
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private static char[] pin(JwkConfig.Pkcs11 token) {
        if (token.pin() != null) {
            return token.pin().toCharArray();
        }
        try {
            return Files.readString(token.pinFile(), StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PKCS#11 PIN from " + token.pinFile(), e);
        }
    }

    /** The token refused the PIN (wrong, locked or malformed): trying again would only bring its lock closer. */
    static final class PinRefusedException extends InvalidConfigException {
        private static final long serialVersionUID = 1L;

        PinRefusedException(String reason) {
            super("gatehouse.jwk.pkcs11.pin", null, "the PKCS#11 token refused the PIN (" + reason
                    + "); not tried again until this node restarts");
        }
    }

    /** The logged-in provider and its key store; the key store's operations are serialised on this object. */
    private record Open(Provider provider, KeyStore store) {
    }
}
