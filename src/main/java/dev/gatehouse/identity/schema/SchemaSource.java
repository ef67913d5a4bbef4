package dev.gatehouse.identity.schema;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an identity schema document from where the configuration says it is: {@code file:/absolute/path.json}
 * or {@code classpath:resource/name.json}. Documents are small; anything over {@value #MAX_BYTES} bytes is
 * refused rather than read into memory.
 */
final class SchemaSource {

    static final int MAX_BYTES = 1 << 20;
    private static final String FILE = "file:";
    private static final String CLASSPATH = "classpath:";

    private SchemaSource() {
    }

    /** @throws IllegalArgumentException with a one-line reason when the location cannot be read as a JSON object */
    static JsonObject read(String location) {
        byte[] bytes;
        try (InputStream in = open(location)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read (" + reason(e) + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("is larger than " + MAX_BYTES + " bytes");
        }
        try (JsonReader reader = JsonP.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new IllegalArgumentException("is not a JSON object");
        } catch (JsonException e) {
            throw new IllegalArgumentException("is not valid JSON (" + SchemaCompiler.firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return SchemaCompiler.firstLine(e.getMessage());
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            InputStream in = name.isEmpty() ? null : SchemaSource.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalArgumentException("cannot be read (no such resource on the class path)");
            }
            return in;
        }
        if (location.startsWith(FILE)) {
            return Files.newInputStream(file(location));
        }
        throw new IllegalArgumentException("is not a location this server reads: use file:/absolute/path.json or classpath:name.json");
    }

    private static Path file(String location) {
        String rest = location.substring(FILE.length());
        try {
            Path path = rest.startsWith("//") ? Path.of(URI.create(location)) : Path.of(rest);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("is not an absolute file path: use file:/absolute/path.json");
            }
            return path;
        } catch (InvalidPathException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalArgumentException("is not a file path this server can read", e);
        }
    }
}
