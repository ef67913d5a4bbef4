package dev.gatehouse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.gatehouse.credential.password.PasswordConfig;
import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.ShippedConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What this machine allows at most, with the libraries the server uses: RS256 and ES256 signatures made and checked
 * (Nimbus JOSE + JWT) and Argon2id hashes at given parameters (Bouncy Castle, through the server's own hasher), each
 * on as many threads as there are processors for a fixed time after a warm-up. The side-by-side benchmark divides
 * each endpoint's rate by these to tell how close it comes to the hardware. Not a test.
 * <p>
 * Arguments: {@code seconds iterations memoryKib parallelism}, e.g. {@code 10 5 7168 1}. Prints one line per
 * operation: {@code name<TAB>operations per second}.
 */
public final class RawLimits {

    private RawLimits() {
    }

    /** One operation; its result is kept so the JIT cannot drop the work. */
    @FunctionalInterface
    private interface Operation {
        Object run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String iterations = args.length > 1 ? args[1] : "5";
        String memoryKib = args.length > 2 ? args[2] : "7168";
        String parallelism = args.length > 3 ? args[3] : "1";
        int threads = Runtime.getRuntime().availableProcessors();

        RSAKey rsa = new RSAKeyGenerator(2048).keyID("bench-rs").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("bench-es").generate();
        String rsSigned = sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, 0);
        String esSigned = sign(new ECDSASigner(ec), JWSAlgorithm.ES256, 0);
        JWSVerifier rsVerifier = new RSASSAVerifier(rsa.toRSAPublicKey());
        JWSVerifier esVerifier = new ECDSAVerifier(ec.toECPublicKey());

        Map<String, String> values = ShippedConfig.values("gatehouse.password.");
        values.put("gatehouse.password.argon2.iterations", iterations);
        values.put("gatehouse.password.argon2.memory-kib", memoryKib);
        values.put("gatehouse.password.argon2.parallelism", parallelism);
        PasswordHasher hasher = new PasswordHasher(new PasswordConfig(new MapConfig(values)));

        measure("rs256_sign", seconds, threads, i -> sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, i));
        measure("rs256_verify", seconds, threads, i -> JWSObject.parse(rsSigned).verify(rsVerifier));
        measure("es256_sign", seconds, threads, i -> sign(new ECDSASigner(ec), JWSAlgorithm.ES256, i));
        measure("es256_verify", seconds, threads, i -> JWSObject.parse(esSigned).verify(esVerifier));
        measure("argon2id_t" + iterations + "_m" + memoryKib + "_p" + parallelism, seconds, threads,
                i -> hasher.hash("bench password " + i));
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, int i) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(alg), new Payload("{\"sub\":\"bench\",\"n\":" + i + "}"));
        jws.sign(signer);
        return jws.serialize();
    }

    /** Runs {@code op} on every thread for a third of the time to warm up, then counts for {@code seconds}. */
    private static void measure(String name, int seconds, int threads, Operation op) throws Exception {
        run(op, threads, Math.max(1, seconds / 3) * 1000L);
        long count = run(op, threads, seconds * 1000L);
        System.out.printf("%s\t%.1f%n", name, count / (double) seconds);
    }

    private static long run(Operation op, int threads, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        if (op.run((int) n) == null) {
                            throw new IllegalStateException("no result");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep(millis);
            stop.set(true);
            long total = 0;
            for (Future<Long> c : counts) {
                total += c.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
