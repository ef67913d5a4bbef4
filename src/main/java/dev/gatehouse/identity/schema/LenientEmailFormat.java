package dev.gatehouse.identity.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

import java.util.regex.Pattern;

/**
 * The {@code email} format for traits: a mailbox {@code local@domain} with a syntactically valid domain,
 * but without a list of known top-level domains, so intranet addresses ({@code ada@corp.internal},
 * {@code ops@example.test}) are accepted as Kratos accepts them.
 */
final class LenientEmailFormat implements Format {

    private static final Pattern MAILBOX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return value.length() <= 320 && value.indexOf('@') <= 64 && MAILBOX.matcher(value).matches();
    }
}
