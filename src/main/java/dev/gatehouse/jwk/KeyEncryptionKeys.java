package dev.gatehouse.jwk;

import dev.gatehouse.kernel.log.Logs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Finds the KEK in force: the AES key labelled {@code gatehouse.jwk.kek-pkcs11-label} in the PKCS#11 token (generated
 * there on first use), else {@code gatehouse.jwk.kek} (set it from the environment: {@code GATEHOUSE_JWK_KEK}), else the file {@code gatehouse.jwk.kek-file}, else (the
 * zero-setup run) a file {@code data/jwk-kek} under the server's output directory, generated on first use
 * with one WARNING line (the key itself is never logged). Several applications or nodes sharing a database
 * must share the KEK: configure it. Resolved once, at first use.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

    private static final Logger LOG = Logs.of(KeyEncryptionKeys.class);
    static final String GENERATED_FILE = "data/jwk-kek";

    private JwkConfig config;
    private Config mp;
    private Pkcs11Token token;
    private volatile KeyEncryptionKey current;

    protected KeyEncryptionKeys() {
    }

    @Inject
    public KeyEncryptionKeys(JwkConfig config, Config mp, Pkcs11Token token) {
        this.config = config;
        this.mp = mp;
        this.token = token;
    }

    /** For use outside the container: a PKCS#11 token that {@code config} names is opened at first use. */
    public KeyEncryptionKeys(JwkConfig config, Config mp) {
        this(config, mp, new Pkcs11Token(config));
    }

    public KeyEncryptionKey current() {
        KeyEncryptionKey k = current;
        if (k == null) {
            synchronized (this) {
                if (current == null) {
                    current = resolve();
                }
                k = current;
            }
        }
        return k;
    }

    private KeyEncryptionKey resolve() {
        if (config.kekPkcs11Label().isPresent()) {
            String label = config.kekPkcs11Label().get();
            return KeyEncryptionKey.inToken(token.secretKey(label), label, token.provider());
        }
        if (config.kek().isPresent()) {
            return new KeyEncryptionKey(config.kek().get());
        }
        if (config.kekFile().isPresent()) {
            Path file = config.kekFile().get();
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("gatehouse.jwk.kek-file names " + file + ", which cannot be read");
            }
            return new KeyEncryptionKey(read(file, "gatehouse.jwk.kek-file"));
        }
        Path file = serverDirectory().resolve(GENERATED_FILE);
        if (!Files.exists(file)) {
            generate(file);
        }
        return new KeyEncryptionKey(read(file, file.toString()));
    }

    /** Where Liberty keeps this server's output ({@code ${server.output.dir}}, also the process's working directory). */
    private Path serverDirectory() {
        String dir = mp.getOptionalValue("server.output.dir", String.class)
                .or(() -> java.util.Optional.ofNullable(System.getProperty("server.output.dir")))
                .orElse(System.getProperty("user.dir"));
        return Path.of(dir);
    }

    private static void generate(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "jwk-kek", ".tmp");
            try {
                restrict(tmp);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                // a hard link fails if the file appeared meanwhile: the first writer wins, everyone reads its key
                Files.createLink(file, tmp);
                LOG.warning("No key-encryption key configured (gatehouse.jwk.kek or gatehouse.jwk.kek-file): GENERATED ONE"
                        + " into " + file.toAbsolutePath() + " to encrypt signing keys. Fine for a local run; in production"
                        + " set GATEHOUSE_JWK_KEK (32 bytes, base64) on every node, and keep it apart from database backups.");
            } catch (FileAlreadyExistsException raced) {
                // another application on this server generated it first; read theirs
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key-encryption key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }

    private static byte[] read(Path file, String source) {
        try {
            return JwkConfig.decodeKek(source, Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key from " + file, e);
        }
    }
}
