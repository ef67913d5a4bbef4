package dev.gatehouse.identity.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One way in which traits break their identity schema, as an Ory Kratos UI message: a stable numeric id from
 * Kratos' validation range (4000001 generic, 4000002 required, 4000003 min length, 4000004 invalid format,
 * 4000017 max length, 4000026 wrong type, ...), its English text and the values the text was made from, so
 * that translations can key on the id and rebuild the sentence.
 *
 * @param path    the node name Kratos gives the field, dot-separated from the identity root
 *                ({@code traits.email}, {@code traits.name.first}); empty when the message is about the
 *                whole form rather than one field
 * @param id      the Kratos message id
 * @param text    the English text
 * @param context the values in the text, by the names Kratos uses ({@code property}, {@code max_length}, ...)
 */
public record TraitError(String path, long id, String text, Map<String, Object> context) {

    public TraitError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
    }
}
