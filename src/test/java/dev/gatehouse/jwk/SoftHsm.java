package dev.gatehouse.jwk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SoftHSM 2 tokens for the PKCS#11 tests (Debian's {@code softhsm2}, installed by {@code arquillian-tests/provision.sh}).
 * The build points {@code SOFTHSM2_CONF} of the test JVMs at {@code target/softhsm/softhsm2.conf}; each JVM initialises
 * one token of its own there (SoftHSM reads its tokens once, when a process first loads it, so a token made later would
 * stay invisible to this JVM), and tests keep apart by the labels of their keys.
 */
public final class SoftHsm {

    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private static Token shared;

    private SoftHsm() {
    }

    /** This JVM's token, initialised on first call. */
    public static synchronized Token token() {
        if (shared == null) {
            shared = newToken();
        }
        return shared;
    }

    /** The SoftHSM PKCS#11 module, if installed. */
    public static Optional<Path> library() {
        return LIBRARIES.stream().filter(Files::isReadable).findFirst();
    }

    /** The configuration SoftHSM reads in this JVM (and in servers started with {@link #environment()}). */
    public static Path conf() {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the PKCS#11 tests through Maven, which sets it");
        }
        return Path.of(conf);
    }

    /** What a process needs in its environment to see the tokens: {@code SOFTHSM2_CONF}. */
    public static java.util.Map<String, String> environment() {
        return java.util.Map.of("SOFTHSM2_CONF", conf().toString());
    }

    /** A freshly initialised token with a label, user PIN and SO PIN of its own; returns its slot id. */
    static Token newToken() {
        Path conf = conf();
        try {
            Path tokens = conf.resolveSibling("tokens");
            Files.createDirectories(tokens);
            if (!Files.exists(conf)) {
                Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n"
                        + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
            }
            String label = "gh-" + UUID.randomUUID().toString().substring(0, 8);
            String pin = UUID.randomUUID().toString().substring(0, 12);
            ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                    "--pin", pin, "--so-pin", UUID.randomUUID().toString().substring(0, 12)).redirectErrorStream(true);
            init.environment().put("SOFTHSM2_CONF", conf.toString());
            Process p = init.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
            }
            Matcher m = SLOT.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("softhsm2-util did not name the token's slot: " + out);
            }
            return new Token(label, Long.parseLong(m.group(1)), pin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run softhsm2-util (apt-get install softhsm2)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An initialised token. */
    public record Token(String label, long slot, String pin) {

        /** {@code gatehouse.jwk.pkcs11.*} for this token, as configuration overrides (key, value, ...). */
        public String[] config() {
            return new String[]{"gatehouse.jwk.pkcs11.library", library().orElseThrow().toString(),
                    "gatehouse.jwk.pkcs11.slot", String.valueOf(slot), "gatehouse.jwk.pkcs11.pin", pin};
        }
    }
}
