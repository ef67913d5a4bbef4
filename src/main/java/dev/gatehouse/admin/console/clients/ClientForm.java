package dev.gatehouse.admin.console.clients;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.client.DuplicateClientException;
import dev.gatehouse.oauth2.client.InvalidClientMetadataException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A client's metadata as the console's forms hold it: one text per field (lists separated by spaces, commas or line
 * breaks), turned into the JSON the admin API takes, and the parser's or service's refusal shown at its fields.
 */
public final class ClientForm {

    /** The fields the forms hold, by their client metadata name. */
    static final List<String> FIELDS = List.of("client_id", "client_name", "grant_types", "redirect_uris", "scope",
            "token_endpoint_auth_method");
    private static final List<String> LISTS = List.of("grant_types", "redirect_uris");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();

    /** A form filled with {@code client}'s metadata (its JSON as the admin API shows it). */
    static ClientForm of(JsonObject client) {
        ClientForm form = new ClientForm();
        for (String field : FIELDS) {
            JsonValue v = client.get(field);
            if (v instanceof JsonString s) {
                form.values.put(field, s.getString());
            } else if (v != null && v.getValueType() == JsonValue.ValueType.ARRAY) {
                form.values.put(field, v.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.joining(" ")));
            }
        }
        return form;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    void clear() {
        values.clear();
    }

    /** {@code base} with the form's fields in it; a field left empty is left out. */
    JsonObject json(JsonObject base) {
        JsonObjectBuilder json = JsonP.createObjectBuilder(base);
        for (String field : FIELDS) {
            Optional<String> text = Optional.ofNullable(values.get(field)).map(String::trim).filter(s -> !s.isEmpty());
            if (text.isEmpty()) {
                json.remove(field);
            } else if (LISTS.contains(field)) {
                JsonArrayBuilder array = JsonP.createArrayBuilder();
                words(text.get()).forEach(array::add);
                json.add(field, array);
            } else {
                json.add(field, field.equals("scope") ? String.join(" ", words(text.get())) : text.get());
            }
        }
        return json.build();
    }

    /** Runs a change; a refusal is shown at its fields (metadata) or as a message (anything else the API would answer). */
    <T> Optional<T> attempt(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (InvalidClientMetadataException e) {
            for (InvalidClientMetadataException.Violation v : e.violations()) {
                Optional<String> field = FIELDS.stream().filter(v.field()::startsWith).findFirst();
                if (field.isEmpty()) {
                    ConsoleMessages.errorText(v.field() + ": " + v.message());
                } else {
                    errors.merge(field.get(), v.message(), (a, b) -> a + "; " + b);
                }
            }
        } catch (DuplicateClientException e) {
            errors.put("client_id", ConsoleMessages.text("console.clients.taken"));
        } catch (ApiException e) {
            ConsoleMessages.errorText(e.detail());
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }
}
