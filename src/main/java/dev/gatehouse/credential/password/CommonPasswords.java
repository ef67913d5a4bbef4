package dev.gatehouse.credential.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common passwords of the list nbvcxz ships ({@code dictionaries/passwords.txt} in {@code me.gosimple:nbvcxz},
 * 100,000 entries), in lower case. NIST SP 800-63B (section 5.1.1.2 of revision 3) asks verifiers to refuse
 * passwords known to be commonly used, expected or compromised; this list is checked offline, without
 * sending anything about the password anywhere.
 */
final class CommonPasswords {

    static final String RESOURCE = "dictionaries/passwords.txt";

    private CommonPasswords() {
    }

    /** Case-insensitive exact match. The first call loads the list (about 8 MB of heap, tens of milliseconds). */
    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a list, one password a line, into a lower-case set.
     *
     * @throws IllegalStateException if the resource is not on the class path: the policy must not pass
     *         every password silently because a jar is missing
     */
    static Set<String> load(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + resource
                    + " is not on the class path; is me.gosimple:nbvcxz missing from the application?");
        }
        Set<String> passwords = new HashSet<>(150_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the common-password list " + resource, e);
        }
        return Set.copyOf(passwords);
    }

    /** Loaded on first use by the JVM's class initialisation, which is lazy and runs once. */
    private static final class Holder {
        static final Set<String> PASSWORDS = load(CommonPasswords.class.getClassLoader(), RESOURCE);
    }
}
