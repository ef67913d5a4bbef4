package dev.gatehouse.courier;

import dev.gatehouse.kernel.problem.ApiException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;

/**
 * One plain e-mail address ({@code local@domain}), nothing else: no display name, no list, no line breaks,
 * so that it cannot add headers or recipients to a message.
 *
 * @param address the address as given (trimmed)
 */
public record Recipient(String address) {

    private static final int MAX_LENGTH = 320;

    public Recipient {
        if (address == null) {
            throw ApiException.invalid("recipient", "an e-mail address is required");
        }
        address = address.trim();
        if (address.isEmpty() || address.length() > MAX_LENGTH) {
            throw ApiException.invalid("recipient", "must be an e-mail address of at most " + MAX_LENGTH + " characters");
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ',' || c == ';' || c == '<' || c == '>'
                || c == '"' || c == '(' || c == ')' || Character.isWhitespace(c))) {
            throw ApiException.invalid("recipient", "must be a single plain e-mail address");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.isGroup() || !address.equals(parsed.getAddress()) || parsed.getPersonal() != null
                    || address.indexOf('@') <= 0 || address.indexOf('@') != address.lastIndexOf('@')) {
                throw new AddressException("not a single plain address");
            }
        } catch (AddressException e) {
            throw ApiException.invalid("recipient", "must be a single plain e-mail address");
        }
    }

    /** The domain part, the only part of an address that logs show. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    public InternetAddress internetAddress() {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("validated address no longer parses", e);
        }
    }
}
