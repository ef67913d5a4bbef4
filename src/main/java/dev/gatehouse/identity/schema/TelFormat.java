package dev.gatehouse.identity.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code tel} format for traits, as Kratos' schema validator has it: a valid phone number. Phone traits are
 * rewritten to E.164 with the default region before they are validated ({@link IdentitySchema#normalise}), so a
 * value that is still not a valid international number here is none at all.
 */
final class TelFormat implements Format {

    @Override
    public String getName() {
        return "tel";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return PhoneNumbers.e164(value, null).isPresent();
    }
}
