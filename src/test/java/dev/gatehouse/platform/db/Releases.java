package dev.gatehouse.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The releases recorded in {@code db/releases.properties}: for each, the last migration it ships and the commit it
 * is built from, oldest first.
 */
public final class Releases {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    /** One release: its name, the highest {@code V<n>} migration it includes, and its commit. */
    public record Release(String name, int lastMigration, String commit) {
        public Release {
            if (!COMMIT.matcher(commit).matches()) {
                throw new IllegalArgumentException("release " + name + ": commit is not a full git commit id: " + commit);
            }
        }
    }

    private Releases() {
    }

    /** Every release in {@code file}, ordered by their last migration. */
    public static List<Release> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream().filter(k -> k.endsWith(".last-migration"))
                .map(k -> k.substring(0, k.length() - ".last-migration".length()))
                .map(name -> new Release(name, Integer.parseInt(p.getProperty(name + ".last-migration").trim()),
                        required(p, name + ".commit")))
                .sorted(Comparator.comparingInt(Release::lastMigration)).toList();
    }

    /** The newest release in {@code db/releases.properties} (run from the project's root). */
    public static Release latest() {
        List<Release> all = read(Path.of("db", "releases.properties"));
        if (all.isEmpty()) {
            throw new IllegalStateException("no release recorded in db/releases.properties");
        }
        return all.get(all.size() - 1);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("db/releases.properties: " + key + " is missing");
        }
        return value.trim();
    }
}
