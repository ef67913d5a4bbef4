package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fixture: rule files in the directory the test server's gateway watches. Each test class owns its file
 * names and host names, so classes do not see each other's rules match. Files are replaced atomically,
 * as a deployment tool would.
 */
public final class GatewayRules {

    private GatewayRules() {
    }

    static Path write(String fileName, String content) {
        Path dir = ItServer.get().gatewayRulesDir();
        try {
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Path target = dir.resolve(fileName);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(String fileName) {
        try {
            Files.deleteIfExists(ItServer.get().gatewayRulesDir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file and waits until the gateway serves the rule with this id. */
    public static void install(String fileName, String content, String ruleId) {
        write(fileName, content);
        await(() -> Http.get("/rules/" + ruleId).admin().send().status() == 200, "rule " + ruleId + " loaded");
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("timed out waiting for: " + what);
    }

    /**
     * A decisions API call for {@code method url} as nginx auth_request describes it: to {@code /decisions}
     * itself, the request in {@code X-Forwarded-*} (so a hostile {@code uri} meets the gateway, not Liberty).
     */
    static Http decision(String method, String host, String uri) {
        return Http.get("/decisions")
                .header("X-Forwarded-Method", method)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", host)
                .header("X-Forwarded-Uri", uri);
    }
}
