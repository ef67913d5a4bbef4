package dev.gatehouse.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Creates, starts and stops the integration-test Liberty server ({@code gatehouse-it}) with Liberty's own
 * {@code bin/server} script, so that it never mixes with the server {@code mvn liberty:run} uses.
 * The runtime itself is installed by liberty:install-server.
 */
public final class ItServerProcess {

    static final String NAME = "gatehouse-it";

    private final Path wlp;
    private final String name;
    private final Path serverDir;

    ItServerProcess(Path wlp) {
        this(wlp, NAME);
    }

    public ItServerProcess(Path wlp, String name) {
        this.wlp = wlp;
        this.name = name;
        this.serverDir = wlp.resolve("usr").resolve("servers").resolve(name);
    }

    public Path serverDir() {
        return serverDir;
    }

    /** A fresh server: our configuration, the JDBC drivers and the WAR. */
    public void create(Path configDir, Path war, List<Path> jdbcDrivers) throws IOException, InterruptedException {
        stop();
        deleteTree(serverDir);
        run(List.of(script(), "create", name), Duration.ofMinutes(2), Map.of());
        Files.delete(serverDir.resolve("server.xml"));
        copyTree(configDir, serverDir);
        Path jdbc = Files.createDirectories(serverDir.resolve("lib").resolve("jdbc"));
        for (Path driver : jdbcDrivers) {
            String name = driver.getFileName().toString().startsWith("postgresql") ? "postgresql.jar" : "h2.jar";
            Files.copy(driver, jdbc.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Path apps = Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(war, apps.resolve("gatehouse.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the server and waits until the application has started (its liveness check answers). */
    void start(int httpPort, Duration timeout) throws IOException, InterruptedException {
        launch(Map.of());
        HttpClient client = HttpClient.newHttpClient();
        URI live = URI.create("http://localhost:" + httpPort + "/health/live");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"gatehouse\"")) {
                    System.out.println("[gatehouse-it] server " + name + " is up on port " + httpPort);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the integration-test server did not start its application in " + timeout
                + "; see " + serverDir.resolve("logs"));
    }

    /** Starts the server process with extra environment variables, without waiting for the application. */
    public void launch(Map<String, String> environment) throws IOException, InterruptedException {
        run(List.of(script(), "start", name), Duration.ofMinutes(3), environment);
    }

    public void stop() throws IOException, InterruptedException {
        if (Files.exists(serverDir.resolve("server.xml"))) {
            run(List.of(script(), "stop", name), Duration.ofMinutes(2), Map.of());
        }
    }

    private String script() {
        return wlp.resolve("bin").resolve("server").toString();
    }

    private static void run(List<String> command, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
