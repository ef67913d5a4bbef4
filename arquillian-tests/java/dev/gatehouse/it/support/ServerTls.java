package dev.gatehouse.it.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;

/** HTTPS to the test server: a client that trusts exactly the certificate Liberty generated for it. */
public final class ServerTls {

    private ServerTls() {
    }

    private static final Duration CERTIFICATE_CREATED = Duration.ofSeconds(90);

    /** Trusts exactly the certificate in the server's generated key store (password in its server.env). */
    private static HttpClient trustingTheGeneratedCertificate() throws Exception {
        Path dir = ItServer.get().serverDir();
        String password = Files.readAllLines(dir.resolve("server.env")).stream().filter(l -> l.startsWith("keystore_password="))
                .map(l -> l.substring("keystore_password=".length()).trim()).findFirst().orElseThrow();
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("resources/security/key.p12"))) {
            generated.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (String alias : Collections.list(generated.aliases())) {
            Certificate certificate = generated.getCertificate(alias);
            trusted.setCertificateEntry(alias, certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static URI https(String path) {
        return URI.create("https://localhost:" + ItServer.get().httpsPort() + path);
    }

    /** The listener opens once Liberty has made its certificate (in the background, seconds after the start). */
    public static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        long deadline = System.nanoTime() + CERTIFICATE_CREATED.toNanos();
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(https(path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException | java.nio.file.NoSuchFileException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    public static HttpClient awaitTrustingClient() throws Exception {
        Path keyStore = ItServer.get().serverDir().resolve("resources/security/key.p12");
        long deadline = System.nanoTime() + CERTIFICATE_CREATED.toNanos();
        while (!Files.exists(keyStore) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return trustingTheGeneratedCertificate();
    }

    /** The same, for a request the caller builds (credentials, headers) against {@code path} on the HTTPS port. */
    public static HttpResponse<String> send(HttpClient client, String path, java.util.function.UnaryOperator<HttpRequest.Builder> how)
            throws Exception {
        return client.send(how.apply(HttpRequest.newBuilder(https(path)).timeout(Duration.ofSeconds(20))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
