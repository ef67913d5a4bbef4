package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The test server's messages.log read the way Loki or ELK would: one JSON record a line. */
public final class ServerLog {

    private ServerLog() {
    }

    /** Every JSON record logged so far (Liberty's plain-text banner left out). */
    public static List<JsonObject> records() {
        try {
            return Files.readAllLines(ItServer.get().messagesLog(), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("{"))
                    .map(l -> {
                        try (JsonReader r = Json.createReader(new StringReader(l))) {
                            return r.readObject();
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first record that matches, waiting up to four seconds for the log to be written. */
    public static Optional<JsonObject> await(Predicate<JsonObject> match) {
        for (int i = 0; i < 40; i++) {
            Optional<JsonObject> found = records().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
