package dev.gatehouse.gateway.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files under the configured locations: each location is a file or a directory whose
 * {@code .json}, {@code .yaml}, {@code .yml} and {@code .jsonnet} files (not hidden, not in subdirectories) are read
 * in name order. A jsonnet file imports only under its directory. {@link #fingerprint} is cheap (names, sizes,
 * modification times, including every file under a directory so a changed {@code .libsonnet} counts), so a poll
 * can tell whether to re-read.
 */
public final class RuleFiles {

    private static final int MAX_FILES = 500;

    private RuleFiles() {
    }

    public static List<Path> list(List<String> locations) {
        List<Path> files = new ArrayList<>();
        for (String location : locations) {
            Path p = Path.of(location);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(RuleFiles::isRuleFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InvalidRuleException(location, "cannot be listed");
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new InvalidRuleException(location, "does not exist");
            }
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidRuleException("rules.locations", "hold more than " + MAX_FILES + " files");
        }
        return files;
    }

    static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        if (n.startsWith(".")) {
            return false;
        }
        try {
            RuleDocuments.Format.ofFileName(n);
            return true;
        } catch (InvalidRuleException e) {
            return false;
        }
    }

    public static String fingerprint(List<String> locations) {
        StringBuilder b = new StringBuilder();
        try {
            for (Path p : withLibraries(locations)) {
                b.append(p).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException | InvalidRuleException e) {
            b.append("unreadable:").append(e.getMessage());
        }
        return b.toString();
    }

    /** The rule files and the jsonnet libraries ({@code .libsonnet}) beside them, which rule files may import. */
    private static List<Path> withLibraries(List<String> locations) throws IOException {
        List<Path> files = new ArrayList<>(list(locations));
        for (String location : locations) {
            Path p = Path.of(location);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".libsonnet")).filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** Every rule of every file; the first broken file fails the whole read, naming the file. */
    public static List<Rule> read(List<String> locations) {
        return read(locations, JsonnetSettings.DEFAULTS);
    }

    /** Every rule of every file, jsonnet evaluated with {@code jsonnet}; the first broken file fails the read. */
    public static List<Rule> read(List<String> locations, JsonnetSettings jsonnet) {
        List<Rule> rules = new ArrayList<>();
        for (Path p : list(locations)) {
            try {
                if (Files.size(p) > RuleDocuments.MAX_DOCUMENT_CHARS) {
                    throw new InvalidRuleException("document", "is too large");
                }
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Path abs = p.toAbsolutePath().normalize();
                rules.addAll(RuleDocuments.parse(RuleDocuments.Format.ofFileName(p.getFileName().toString()), text,
                        abs, abs.getParent(), jsonnet));
            } catch (IOException e) {
                throw new InvalidRuleException(p.getFileName().toString(), "cannot be read");
            } catch (InvalidRuleException e) {
                throw e.within(p.getFileName().toString());
            }
        }
        return rules;
    }
}
