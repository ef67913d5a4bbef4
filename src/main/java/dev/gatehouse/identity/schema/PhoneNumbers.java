package dev.gatehouse.identity.schema;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers as identifiers and SMS recipients: one spelling per number, E.164 ({@code +49301234567}), with
 * Google's libphonenumber. A number written without {@code +} is read in the default region, so {@code +49 30
 * 1234567}, {@code 0049 30 1234567} and, with region DE, {@code 030 1234567} are the same number. Only numbers
 * libphonenumber holds valid for their region are accepted (Kratos does the same with its Go port).
 */
public final class PhoneNumbers {

    /** Longer input is no phone number and is not parsed at all. */
    static final int MAX_INPUT_LENGTH = 64;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The regions libphonenumber knows ({@code DE}, {@code US}, ...), for checking configuration. */
    public static Set<String> regions() {
        return UTIL.getSupportedRegions();
    }

    /**
     * {@code raw} in E.164, or empty when it is not a valid phone number.
     *
     * @param defaultRegion the ISO 3166 region a number without {@code +} is read in; null or empty: such a number
     *                      is refused
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH || raw.indexOf('@') >= 0) {
            return Optional.empty();
        }
        String region = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), region);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is a valid number written in E.164 with its {@code +} (what stored phone traits hold). */
    public static boolean isE164(String value) {
        return value != null && value.startsWith("+") && e164(value, null).filter(value::equals).isPresent();
    }
}
