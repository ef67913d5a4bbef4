package dev.gatehouse.credential.password;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password hash in one of the formats Gatehouse verifies, parsed strictly from its encoded string:
 * <ul>
 *   <li>{@link Argon2}: the <a href="https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md">PHC
 *       string</a> of <a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a> Argon2 (version 19), as the
 *       reference {@code argon2} tool and Ory Kratos write it;</li>
 *   <li>{@link Bcrypt}: OpenBSD's modular-crypt bcrypt, revisions {@code 2a}, {@code 2b} and {@code 2y};</li>
 *   <li>{@link Pbkdf2}: <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">PBKDF2</a> in Kratos' PHC
 *       form {@code $pbkdf2-sha256$i=<iterations>,l=<length>$<salt>$<hash>}.</li>
 * </ul>
 * Work parameters are bounded at parse time, so an imported hash cannot make a login allocate gigabytes
 * or spin for minutes. Digests are compared in constant time.
 */
public sealed interface PhcHash permits PhcHash.Argon2, PhcHash.Bcrypt, PhcHash.Pbkdf2 {

    /** Longer strings are refused before any pattern runs over them; real ones are under 200 characters. */
    int MAX_ENCODED_LENGTH = 512;
    int MIN_SALT_BYTES = 8;
    int MAX_SALT_BYTES = 64;
    int MIN_DIGEST_BYTES = 16;
    int MAX_DIGEST_BYTES = 64;

    /**
     * Parses a stored hash.
     *
     * @throws InvalidPasswordHashException for an unknown scheme, a malformed string or out-of-bounds parameters
     */
    static PhcHash parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new InvalidPasswordHashException("it is empty");
        }
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new InvalidPasswordHashException("it is longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        if (encoded.startsWith("$argon2")) {
            return Argon2.parse(encoded);
        }
        if (encoded.startsWith("$2")) {
            return Bcrypt.parse(encoded);
        }
        if (encoded.startsWith("$pbkdf2-")) {
            return Pbkdf2.parse(encoded);
        }
        throw new InvalidPasswordHashException("the scheme is not argon2, bcrypt or pbkdf2");
    }

    /** Whether {@code password} (UTF-8) hashes to this digest under this hash's own parameters. */
    boolean matches(String password);

    /** The encoded string; {@code parse(h.encode())} equals {@code h}. */
    String encode();

    /**
     * Argon2 with version 19 (0x13). {@link #MAX_MEMORY_KIB} also sizes the heap that all Argon2 computations
     * of this JVM may hold at once: Bouncy Castle allocates the memory on the Java heap, so without a bound
     * a burst of logins could exhaust it. A computation waits until its memory and a processor are free
     * ({@link Argon2Slots}).
     */
    record Argon2(Type type, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] digest)
            implements PhcHash {

        public static final int VERSION = 19;
        /** 256 MiB: twice Kratos' default, and a third of the server's 768 MiB heap. */
        public static final int MAX_MEMORY_KIB = 262_144;
        public static final int MAX_ITERATIONS = 20;
        /**
         * Kratos stores lanes as a byte and defaults them to twice the CPU count, so its exports can have
         * up to 255. Bouncy Castle computes lanes one after another: they cost no time or memory of their own.
         */
        public static final int MAX_PARALLELISM = 255;

        private static final Pattern FORMAT = Pattern.compile(
                "\\$(argon2id|argon2i|argon2d)\\$v=(\\d{1,4})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
                        + "\\$([A-Za-z0-9+/]+=*)\\$([A-Za-z0-9+/]+=*)");

        /** The Argon2 variants, named as in their PHC identifiers. */
        public enum Type {
            ARGON2D("argon2d", Argon2Parameters.ARGON2_d),
            ARGON2I("argon2i", Argon2Parameters.ARGON2_i),
            ARGON2ID("argon2id", Argon2Parameters.ARGON2_id);

            private final String id;
            private final int bouncyCastleType;

            Type(String id, int bouncyCastleType) {
                this.id = id;
                this.bouncyCastleType = bouncyCastleType;
            }

            public String id() {
                return id;
            }
        }

        public Argon2 {
            Objects.requireNonNull(type, "type");
            requireInRange(parallelism, 1, MAX_PARALLELISM, "argon2 parallelism");
            // RFC 9106 section 3.1: at least 8 KiB per lane.
            requireInRange(memoryKib, 8 * parallelism, MAX_MEMORY_KIB, "argon2 memory (KiB)");
            requireInRange(iterations, 1, MAX_ITERATIONS, "argon2 iterations");
            salt = checkedCopy(salt, MIN_SALT_BYTES, MAX_SALT_BYTES, "argon2 salt");
            digest = checkedCopy(digest, MIN_DIGEST_BYTES, MAX_DIGEST_BYTES, "argon2 hash");
        }

        /** Hashes {@code password} with these parameters into a new {@code digestLength}-byte digest. */
        public static Argon2 compute(Type type, int memoryKib, int iterations, int parallelism, byte[] salt,
                                     int digestLength, String password) {
            byte[] digest = derive(type, memoryKib, iterations, parallelism, salt, digestLength, password);
            return new Argon2(type, memoryKib, iterations, parallelism, salt, digest);
        }

        static Argon2 parse(String encoded) {
            Matcher m = matchOrThrow(FORMAT, encoded, "argon2");
            if (parseBounded(m.group(2), 0, 9999, "argon2 version") != VERSION) {
                throw new InvalidPasswordHashException("argon2 version is not 19");
            }
            return new Argon2(byId(Type.values(), Type::id, m.group(1), "argon2 type"),
                    parseBounded(m.group(3), 1, MAX_MEMORY_KIB, "argon2 memory (KiB)"),
                    parseBounded(m.group(4), 1, MAX_ITERATIONS, "argon2 iterations"),
                    parseBounded(m.group(5), 1, MAX_PARALLELISM, "argon2 parallelism"),
                    decodeBase64(m.group(6), "argon2 salt"),
                    decodeBase64(m.group(7), "argon2 hash"));
        }

        @Override
        public boolean matches(String password) {
            byte[] computed = derive(type, memoryKib, iterations, parallelism, salt, digest.length, password);
            return MessageDigest.isEqual(computed, digest);
        }

        @Override
        public String encode() {
            return "$" + type.id + "$v=" + VERSION + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                    + "$" + encodeBase64(salt) + "$" + encodeBase64(digest);
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Argon2 a && type == a.type && memoryKib == a.memoryKib && iterations == a.iterations
                    && parallelism == a.parallelism && Arrays.equals(salt, a.salt) && Arrays.equals(digest, a.digest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, memoryKib, iterations, parallelism, Arrays.hashCode(salt), Arrays.hashCode(digest));
        }

        /** Parameters only: the digest stays out of logs. */
        @Override
        public String toString() {
            return "Argon2[" + type.id + ", m=" + memoryKib + ", t=" + iterations + ", p=" + parallelism + "]";
        }

        private static byte[] derive(Type type, int memoryKib, int iterations, int parallelism, byte[] salt,
                                     int digestLength, String password) {
            Argon2Parameters parameters = new Argon2Parameters.Builder(type.bouncyCastleType)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .build();
            byte[] out = new byte[digestLength];
            return Argon2Slots.run(memoryKib, () -> {
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(parameters);
                generator.generateBytes(utf8(password), out);
                return out;
            });
        }
    }

    /**
     * OpenBSD bcrypt: {@code $<revision>$<cost>$<22 salt characters><31 hash characters>} in bcrypt's own
     * base-64 alphabet. For passwords in UTF-8 the revisions compute the same digest. As everywhere,
     * only the first 72 bytes of a password count.
     */
    record Bcrypt(Revision revision, int cost, String salt, String checksum) implements PhcHash {

        public static final int MIN_COST = 4;
        public static final int MAX_COST = 31;

        private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private static final Pattern FORMAT = Pattern.compile(
                "\\$(2a|2b|2y)\\$(\\d\\d)\\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})");
        private static final Pattern SALT = Pattern.compile("[./A-Za-z0-9]{22}");
        private static final Pattern CHECKSUM = Pattern.compile("[./A-Za-z0-9]{31}");

        /** The revisions verified; {@code 2x} (crypt_blowfish's buggy one) is not. */
        public enum Revision {
            A("2a"), B("2b"), Y("2y");

            private final String id;

            Revision(String id) {
                this.id = id;
            }

            public String id() {
                return id;
            }
        }

        public Bcrypt {
            Objects.requireNonNull(revision, "revision");
            requireInRange(cost, MIN_COST, MAX_COST, "bcrypt cost");
            if (salt == null || checksum == null
                    || !SALT.matcher(salt).matches() || !CHECKSUM.matcher(checksum).matches()) {
                throw new InvalidPasswordHashException("bcrypt salt or hash is malformed");
            }
        }

        static Bcrypt parse(String encoded) {
            Matcher m = matchOrThrow(FORMAT, encoded, "bcrypt");
            // Always two digits, so unlike PHC numbers it may start with 0.
            return new Bcrypt(byId(Revision.values(), Revision::id, m.group(1), "bcrypt revision"),
                    Integer.parseInt(m.group(2)), m.group(3), m.group(4));
        }

        @Override
        public boolean matches(String password) {
            String computed = OpenBSDBCrypt.generate(revision.id, utf8(password), decodeSalt(salt), cost);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    encode().getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String encode() {
            return "$" + revision.id + "$" + (cost < 10 ? "0" : "") + cost + "$" + salt + checksum;
        }

        @Override
        public String toString() {
            return "Bcrypt[" + revision.id + ", cost=" + cost + "]";
        }

        /** Bcrypt's base 64 is the standard one with another alphabet: translate, then decode. */
        private static byte[] decodeSalt(String salt) {
            StringBuilder standard = new StringBuilder(salt.length());
            for (int i = 0; i < salt.length(); i++) {
                standard.append(BASE64_ALPHABET.charAt(ALPHABET.indexOf(salt.charAt(i))));
            }
            return Base64.getDecoder().decode(standard.toString());
        }
    }

    /** PBKDF2 with HMAC-SHA-256 or HMAC-SHA-512, in Kratos' format; {@code l} must equal the hash's length. */
    record Pbkdf2(Prf prf, int iterations, byte[] salt, byte[] digest) implements PhcHash {

        public static final int MAX_ITERATIONS = 10_000_000;

        private static final Pattern FORMAT = Pattern.compile(
                "\\$pbkdf2-(sha256|sha512)\\$i=(\\d{1,10}),l=(\\d{1,4})\\$([A-Za-z0-9+/]+=*)\\$([A-Za-z0-9+/]+=*)");

        /** The pseudo-random functions verified, named as in Kratos' identifiers. */
        public enum Prf {
            SHA256("sha256", SHA256Digest::newInstance),
            SHA512("sha512", SHA512Digest::new);

            private final String id;
            private final Supplier<Digest> digest;

            Prf(String id, Supplier<Digest> digest) {
                this.id = id;
                this.digest = digest;
            }

            public String id() {
                return id;
            }
        }

        public Pbkdf2 {
            Objects.requireNonNull(prf, "prf");
            requireInRange(iterations, 1, MAX_ITERATIONS, "pbkdf2 iterations");
            salt = checkedCopy(salt, MIN_SALT_BYTES, MAX_SALT_BYTES, "pbkdf2 salt");
            digest = checkedCopy(digest, MIN_DIGEST_BYTES, MAX_DIGEST_BYTES, "pbkdf2 hash");
        }

        static Pbkdf2 parse(String encoded) {
            Matcher m = matchOrThrow(FORMAT, encoded, "pbkdf2");
            Pbkdf2 parsed = new Pbkdf2(byId(Prf.values(), Prf::id, m.group(1), "pbkdf2 function"),
                    parseBounded(m.group(2), 1, MAX_ITERATIONS, "pbkdf2 iterations"),
                    decodeBase64(m.group(4), "pbkdf2 salt"),
                    decodeBase64(m.group(5), "pbkdf2 hash"));
            if (parseBounded(m.group(3), MIN_DIGEST_BYTES, MAX_DIGEST_BYTES, "pbkdf2 length") != parsed.digest.length) {
                throw new InvalidPasswordHashException("pbkdf2 length does not match the hash");
            }
            return parsed;
        }

        @Override
        public boolean matches(String password) {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.digest.get());
            generator.init(utf8(password), salt, iterations);
            byte[] computed = ((KeyParameter) generator.generateDerivedParameters(digest.length * 8)).getKey();
            return MessageDigest.isEqual(computed, digest);
        }

        @Override
        public String encode() {
            return "$pbkdf2-" + prf.id + "$i=" + iterations + ",l=" + digest.length
                    + "$" + encodeBase64(salt) + "$" + encodeBase64(digest);
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pbkdf2 p && prf == p.prf && iterations == p.iterations
                    && Arrays.equals(salt, p.salt) && Arrays.equals(digest, p.digest);
        }

        @Override
        public int hashCode() {
            return Objects.hash(prf, iterations, Arrays.hashCode(salt), Arrays.hashCode(digest));
        }

        @Override
        public String toString() {
            return "Pbkdf2[" + prf.id + ", i=" + iterations + "]";
        }
    }

    private static Matcher matchOrThrow(Pattern format, String encoded, String scheme) {
        Matcher m = format.matcher(encoded);
        if (!m.matches()) {
            throw new InvalidPasswordHashException("it is not a well-formed " + scheme + " hash");
        }
        return m;
    }

    /** The constant named {@code id} in the hash; the patterns only let known ids through. */
    private static <E> E byId(E[] values, Function<E, String> idOf, String id, String what) {
        return Arrays.stream(values).filter(v -> idOf.apply(v).equals(id)).findFirst()
                .orElseThrow(() -> new InvalidPasswordHashException("unknown " + what));
    }

    /** Digits only (the patterns guarantee it), no leading zeros, within bounds. */
    private static int parseBounded(String digits, int min, int max, String what) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new InvalidPasswordHashException(what + " has a leading zero");
        }
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw new InvalidPasswordHashException(what + " is outside " + min + " to " + max);
        }
        return (int) value;
    }

    private static void requireInRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new InvalidPasswordHashException(what + " is outside " + min + " to " + max);
        }
    }

    private static byte[] checkedCopy(byte[] bytes, int min, int max, String what) {
        if (bytes == null || bytes.length < min || bytes.length > max) {
            throw new InvalidPasswordHashException(what + " is not " + min + " to " + max + " bytes long");
        }
        return bytes.clone();
    }

    /** Standard base 64; PHC omits the padding, some exporters keep it, both are read. */
    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // Not chained: the JDK's message quotes the offending character of the hash.
            throw new InvalidPasswordHashException(what + " is not base 64");
        }
    }

    private static String encodeBase64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] utf8(String password) {
        return Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
    }
}
