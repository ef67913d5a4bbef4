package dev.gatehouse.admin.console.tenants;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A console form about tenants: one text per field, and the refusal of the service the admin API uses shown at the
 * fields it names (the same words the admin API's problem would carry), anything else as a message.
 */
public final class TenantForm {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final UnaryOperator<String> fieldOf;

    /**
     * @param fieldOf the form field that shows a service error about {@code field} (as the admin API names it), or
     *                null when the form has none (the error is then a message)
     */
    TenantForm(UnaryOperator<String> fieldOf) {
        this.fieldOf = fieldOf;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    /** The field's text without surrounding blanks; empty when not filled in. */
    String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    void clear() {
        values.clear();
    }

    /** Runs a change; empty when it was refused, and the refusal is then shown. */
    <T> Optional<T> attempt(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (ApiException e) {
            if (e.fieldErrors().isEmpty()) {
                ConsoleMessages.refused(e.detail());
            }
            for (ApiException.FieldError f : e.fieldErrors()) {
                String field = fieldOf.apply(f.field());
                if (field == null) {
                    ConsoleMessages.refused(f.field() + ": " + f.message());
                } else {
                    errors.merge(field, f.message(), (a, b) -> a + "; " + b);
                }
            }
            return Optional.empty();
        }
    }
}
