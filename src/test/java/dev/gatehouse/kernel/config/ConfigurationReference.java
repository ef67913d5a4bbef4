package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Comment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds {@code docs/configuration.md} from the configuration itself:
 * <ul>
 * <li>the keys the code reads: every class under {@code dev.gatehouse} with a public constructor that takes only a
 * MicroProfile {@link Config} (the {@link CapabilityConfig} beans that start-up creates, and the like) is created
 * over the shipped defaults, and every key it asks for is recorded; plus the keys declared with {@link ConfigKey};
 * plus the Liberty variables of {@code liberty/server.xml} and {@code liberty/includes/*.xml};</li>
 * <li>defaults and meanings: {@code META-INF/microprofile-config.properties} (the comment lines directly above a
 * key), {@link ConfigKey}, and the XML comment directly above a Liberty variable.</li>
 * </ul>
 * Run {@link #main} (or {@code ConfigurationReferenceTest} with {@value #WRITE_PROPERTY}=true) to write the file.
 */
public final class ConfigurationReference {

    static final String WRITE_PROPERTY = "writeConfigurationReference";
    static final String COMMAND = "mvn -o -q test -Dtest=ConfigurationReferenceTest -D" + WRITE_PROPERTY + "=true";
    static final Path DOCUMENT = Path.of("docs/configuration.md");
    static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    static final Path LIBERTY = Path.of("liberty");
    static final Path SOURCES = Path.of("src/main/java");

    private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z0-9_.\\-]+)\\s*[=:].*");
    private static final Pattern SECTION_LINE = Pattern.compile("^#\\s*---.*---\\s*$");
    /** A string literal that is a whole key: {@code "gatehouse.jwk.kek-file"}. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(gatehouse(?:\\.[a-z0-9_-]+){2,})\"");
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
    /** Shipped defaults are not enough for every bean: without a public URL only demo mode may start. */
    private static final Map<String, String> START_OVERRIDES = Map.of("gatehouse.demo.enabled", "true");

    /** One documented key. {@code defaultValue} null means none. */
    record Entry(String key, String env, String defaultValue, String meaning, String libertyFile, boolean readByCode) {
    }

    /** What the configuration declares and what the code reads, before it is rendered. */
    record Model(Map<String, Entry> entries, List<String> problems) {
    }

    private ConfigurationReference() {
    }

    public static void main(String[] args) throws IOException {
        Model model = build();
        if (!model.problems().isEmpty()) {
            throw new IllegalStateException(String.join("\n", model.problems()));
        }
        Files.writeString(DOCUMENT, render(model));
        System.out.println("Wrote " + DOCUMENT.toAbsolutePath() + " (" + model.entries().size() + " keys)");
    }

    static Model build() {
        ShippedProperties shipped = ShippedProperties.read(PROPERTIES);
        Map<String, LibertyVariable> liberty = LibertyVariable.read(LIBERTY);
        Map<String, ConfigKey> declared = new TreeMap<>();
        Set<String> read = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> type : productClasses()) {
            for (ConfigKey k : type.getAnnotationsByType(ConfigKey.class)) {
                if (declared.put(k.name(), k) != null) {
                    problems.add(k.name() + " is declared with @ConfigKey twice");
                }
            }
            configConstructor(type).ifPresent(c -> read.addAll(recordReads(c, shipped.values(), problems)));
            read.addAll(injectedKeys(type));
        }

        Set<String> keys = new TreeSet<>();
        read.stream().filter(k -> k.startsWith("gatehouse.") || liberty.containsKey(k)).forEach(keys::add);
        keys.addAll(declared.keySet());
        keys.addAll(liberty.keySet());
        for (String key : shipped.values().keySet()) {
            if (!keys.contains(key)) {
                problems.add(key + " has a default in " + PROPERTIES + " but no code reads it: remove it, or read it");
            }
        }

        for (Map.Entry<String, String> literal : keyLiterals(SOURCES).entrySet()) {
            if (!keys.contains(literal.getKey()) && keys.stream().noneMatch(k -> matchesPattern(k, literal.getKey()))) {
                problems.add(literal.getValue() + " names " + literal.getKey() + ", which is not a configuration key that"
                        + " the code reads or declares: read it through a config bean, or declare it with @ConfigKey");
            }
        }

        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String key : keys) {
            ConfigKey annotation = declared.get(key);
            LibertyVariable variable = liberty.get(key);
            String meaning = annotation != null ? annotation.description()
                    : shipped.descriptions().containsKey(key) ? shipped.descriptions().get(key)
                    : variable != null ? variable.description() : null;
            if (meaning == null || meaning.isBlank()) {
                problems.add(key + " has no meaning: write a comment directly above it in " + PROPERTIES
                        + " (or above its <variable> in " + LIBERTY + "), or declare it with @ConfigKey on the class that reads it");
                meaning = "";
            }
            String defaultValue = shipped.values().containsKey(key) ? shipped.values().get(key)
                    : variable != null ? variable.defaultValue()
                    : annotation != null ? annotation.defaultValue() : "";
            entries.put(key, new Entry(key, env(key), defaultValue.isEmpty() ? null : defaultValue, meaning.trim(),
                    variable == null ? null : variable.file(), read.contains(key) || annotation != null));
        }
        return new Model(entries, problems);
    }

    /** The keys a document lists in its tables. */
    static Set<String> documentedKeys(String markdown) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = DOCUMENTED_KEY.matcher(markdown);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static String render(Model model) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Configuration reference

                <!-- Generated from the configuration itself by ConfigurationReference (src/test/java/dev/gatehouse/kernel/config/); do not edit by hand. -->

                Every key Gatehouse reads, with the environment variable that sets it, its default and what it means.
                This file is generated. After adding or changing a key, regenerate it with one command:

                ```sh
                %s
                ```

                (without `-o` if Maven still has to download something). `ConfigurationReferenceTest`, part of
                `mvn test` and `mvn verify`, fails and names the key when a key the code reads is missing here, when a
                key listed here is read by nothing, when a key has no meaning, when a string in the sources names a
                whole key (`"gatehouse.jwk.kek-file"`) that is none of these, or when this file is otherwise out of date.

                Where it comes from:

                - **the keys**: the keys the configuration beans ask for when they are created, as at start-up (every
                  class under `dev.gatehouse` whose public constructor takes only a MicroProfile `Config`: the
                  `CapabilityConfig` beans that `StartupCheck` creates, and `Issuer`), and any key injected with
                  MicroProfile's `@ConfigProperty`; the keys declared with
                  `@ConfigKey` on the class that reads them (families of keys such as
                  `gatehouse.gateway.<kind>.<handler>.config`, keys read only when needed, old names still honoured);
                  and the variables of `liberty/server.xml` and `liberty/includes/*.xml`, which Liberty reads;
                - **defaults and meanings**: `src/main/resources/META-INF/microprofile-config.properties` (the value,
                  and the comment lines directly above the key), `@ConfigKey`, and the XML comment directly above a
                  Liberty `<variable>`.

                So a new key needs its default and a comment in `microprofile-config.properties` (or a `@ConfigKey`),
                then the command above.

                How values are set: every key can be set by an environment variable, its name upper case with every
                character other than a letter or digit turned into `_` (the column below), or by a JVM system
                property of the key's own name. A value that does not parse stops start-up with one line that names
                the key and its environment variable. Durations take `500ms`, `30s`, `15m`, `2h`, `30d` or ISO-8601
                (`PT15M`). A key marked *Liberty variable* is read by Liberty from its server configuration when the
                server starts; the others are read by the application (see [operations.md](operations.md#configuration)).
                """.formatted(COMMAND));
        Map<String, List<Entry>> sections = new TreeMap<>(
                Comparator.comparing((String s) -> !s.startsWith("gatehouse.")).thenComparing(Comparator.naturalOrder()));
        model.entries().values().forEach(e -> sections.computeIfAbsent(section(e.key()), s -> new ArrayList<>()).add(e));
        sections.forEach((section, entries) -> {
            out.append("\n## ").append(section).append("\n\n");
            out.append("| key | environment variable | default | meaning |\n|---|---|---|---|\n");
            for (Entry e : entries) {
                out.append("| `").append(e.key()).append("` | `").append(e.env()).append("` | ")
                        .append(e.defaultValue() == null ? "(none)" : "`" + e.defaultValue().replace("|", "\\|") + "`")
                        .append(" | ").append(cell(sentence(e.meaning()))).append(libertyNote(e)).append(" |\n");
            }
        });
        return out.toString();
    }

    private static String sentence(String text) {
        return text.isEmpty() || text.endsWith(".") ? text : text + ".";
    }

    private static String libertyNote(Entry e) {
        if (e.libertyFile() == null) {
            return "";
        }
        return e.readByCode()
                ? " Also a *Liberty variable* (`" + e.libertyFile() + "`)."
                : " *Liberty variable* (`" + e.libertyFile() + "`).";
    }

    private static String section(String key) {
        String[] parts = key.split("\\.");
        return key.startsWith("gatehouse.") && parts.length > 2 ? parts[0] + "." + parts[1] : "Server ports";
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
                .replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\s+", " ");
    }

    /** The environment variable MicroProfile Config maps to a key; a {@code <name>} part stays a placeholder. */
    static String env(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("(?=<)|(?<=>)")) {
            out.append(part.startsWith("<") ? part.toUpperCase(Locale.ROOT) : ConfigReader.envName(part));
        }
        return out.toString();
    }

    // ---- the keys the code reads ----

    /** Keys named in full by a string literal of the product's sources, with the file that names each first. */
    private static Map<String, String> keyLiterals(Path sources) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    out.putIfAbsent(m.group(1), f.toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean matchesPattern(String pattern, String key) {
        return pattern.contains("<")
                && key.matches(Pattern.quote(pattern).replaceAll("<[^>]+>", "\\\\E[^.]+\\\\Q"));
    }

    /** Keys injected with MicroProfile's {@code @ConfigProperty} into fields or parameters. */
    private static Set<String> injectedKeys(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Field f : type.getDeclaredFields()) {
            Optional.ofNullable(f.getAnnotation(ConfigProperty.class)).ifPresent(a -> out.add(a.name()));
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable e : executables) {
            for (Parameter p : e.getParameters()) {
                Optional.ofNullable(p.getAnnotation(ConfigProperty.class)).ifPresent(a -> out.add(a.name()));
            }
        }
        return out;
    }

    private static List<Class<?>> productClasses() {
        Path root;
        try {
            root = Path.of(CapabilityConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/gatehouse"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, ConfigurationReference.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name + " to look for configuration keys", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static Optional<Constructor<?>> configConstructor(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return Optional.empty();
        }
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Config.class) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Set<String> recordReads(Constructor<?> constructor, Map<String, String> shipped, List<String> problems) {
        Map<String, String> values = new HashMap<>(shipped);
        values.putAll(START_OVERRIDES);
        MapConfig config = new MapConfig(values);
        try {
            constructor.newInstance(config);
        } catch (InvocationTargetException e) {
            problems.add(constructor.getDeclaringClass().getName() + " cannot be created from the shipped defaults: "
                    + e.getCause());
        } catch (ReflectiveOperationException e) {
            problems.add(constructor.getDeclaringClass().getName() + " cannot be created: " + e);
        }
        return config.asked();
    }

    // ---- what the configuration files declare ----

    /** The keys of {@code microprofile-config.properties}, their values, and the comment above each. */
    record ShippedProperties(Map<String, String> values, Map<String, String> descriptions) {

        static ShippedProperties read(Path file) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
            Map<String, String> descriptions = new HashMap<>();
            List<String> comment = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                String l = line.strip();
                if (l.isEmpty() || SECTION_LINE.matcher(l).matches()) {
                    comment.clear();
                } else if (l.startsWith("#") || l.startsWith("!")) {
                    comment.add(l.substring(1).strip());
                } else {
                    Matcher m = KEY_LINE.matcher(l);
                    if (m.matches() && !comment.isEmpty()) {
                        descriptions.put(m.group(1), String.join(" ", comment));
                    }
                    comment.clear();
                }
            }
            return new ShippedProperties(values, descriptions);
        }
    }

    /** A {@code <variable name=… defaultValue=…/>} of Liberty's server configuration, with the comment above it. */
    record LibertyVariable(String name, String defaultValue, String description, String file) {

        static Map<String, LibertyVariable> read(Path dir) {
            Map<String, LibertyVariable> out = new TreeMap<>();
            List<Path> files = new ArrayList<>();
            files.add(dir.resolve("server.xml"));
            try (Stream<Path> includes = Files.list(dir.resolve("includes"))) {
                includes.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                try {
                    var factory = DocumentBuilderFactory.newInstance();
                    factory.setIgnoringComments(false);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    NodeList variables = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("variable");
                    for (int i = 0; i < variables.getLength(); i++) {
                        Element v = (Element) variables.item(i);
                        String name = v.getAttribute("name");
                        out.put(name, new LibertyVariable(name, v.getAttribute("defaultValue"), commentAbove(v),
                                file.toString().replace('\\', '/')));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read the variables of " + file, e);
                }
            }
            return out;
        }

        private static String commentAbove(Node node) {
            for (Node n = node.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
                if (n instanceof Comment c) {
                    return c.getData().strip().replaceAll("\\s+", " ");
                }
                if (n.getNodeType() != Node.TEXT_NODE || !n.getTextContent().isBlank()
                        || n.getTextContent().matches("(?s).*\\n[ \\t]*\\n.*")) {
                    return null;
                }
            }
            return null;
        }
    }
}
