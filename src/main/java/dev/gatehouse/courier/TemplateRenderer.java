package dev.gatehouse.courier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link MessageTemplate} from {@code {template}/{lang}/{subject.txt,body.txt,body.html}}: first in
 * the override directory, then built in; a language without the file falls back to English. Placeholders
 * are {@code {{name}}}; values are HTML-escaped in {@code body.html}, and line breaks are removed from the
 * subject. An unknown placeholder renders as nothing. Deliberately no template engine: nothing in a
 * template can run code or reach beyond the values it is given.
 */
public final class TemplateRenderer {

    static final String BUILT_IN = "dev/gatehouse/courier/templates/";
    static final Set<String> LANGUAGES = Set.of("en", "ru", "zh");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final Optional<Path> overrideDir;

    public TemplateRenderer(Optional<Path> overrideDir) {
        this.overrideDir = overrideDir;
    }

    public RenderedMessage render(MessageTemplate template, Locale locale, Map<String, String> model) {
        String subject = fill(read(template, locale, "subject.txt"), model, TemplateRenderer::oneLine);
        return new RenderedMessage(oneLine(subject).trim(),
                fill(read(template, locale, "body.txt"), model, v -> v),
                fill(read(template, locale, "body.html"), model, TemplateRenderer::escapeHtml));
    }

    /**
     * The text of an SMS, from {@code {template}/{lang}/sms.txt} (Kratos' {@code sms.body}): one short plain text,
     * trailing line breaks removed.
     */
    public String renderSms(MessageTemplate template, Locale locale, Map<String, String> model) {
        return fill(read(template, locale, "sms.txt"), model, v -> v).strip();
    }

    private String read(MessageTemplate template, Locale locale, String file) {
        String lang = locale == null ? "en" : locale.getLanguage();
        List<String> languages = LANGUAGES.contains(lang) && !"en".equals(lang) ? List.of(lang, "en") : List.of("en");
        for (String l : languages) {
            String relative = template.wire() + "/" + l + "/" + file;
            Optional<String> found = overrideDir.map(d -> d.resolve(relative)).filter(Files::isRegularFile).map(TemplateRenderer::readFile)
                    .or(() -> builtIn(relative));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("no template " + template.wire() + "/en/" + file);
    }

    private static Optional<String> builtIn(String relative) {
        try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(BUILT_IN + relative)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the placeholders. A line with a placeholder the model does not have is left out whole, so
     * one template serves with and without optional parts (e.g. "Or open this link:" when there is no link).
     */
    private static String fill(String text, Map<String, String> model, java.util.function.UnaryOperator<String> encode) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher missing = PLACEHOLDER.matcher(line);
            boolean complete = true;
            while (missing.find()) {
                complete &= model.containsKey(missing.group(1));
            }
            if (complete) {
                kept.append(line).append('\n');
            }
        }
        if (kept.length() > 0 && !text.endsWith("\n")) {
            kept.setLength(kept.length() - 1);
        }
        Matcher m = PLACEHOLDER.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = model.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
