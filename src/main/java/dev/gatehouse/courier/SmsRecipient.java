package dev.gatehouse.courier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.regex.Pattern;

/**
 * A phone number to send an SMS to: E.164 only ({@code +} and up to 15 digits), the form identity traits hold
 * phone numbers in, so nothing but a number can reach the gateway's request.
 *
 * @param number the number in E.164
 */
public record SmsRecipient(String number) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public SmsRecipient {
        if (number == null || !E164.matcher(number).matches()) {
            throw ApiException.invalid("recipient", "must be a phone number in E.164 (+ and up to 15 digits)");
        }
    }

    /** The part of a number logs may show: its country calling code ({@code +49}). */
    public static String shown(String number) {
        try {
            return "+" + PhoneNumberUtil.getInstance().parse(number, "ZZ").getCountryCode();
        } catch (NumberParseException e) {
            return "an unknown country";
        }
    }
}
