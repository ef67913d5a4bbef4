package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.VerifiableAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a code for an identity goes (Kratos' code {@code Address}: {@code to} and {@code via}): an e-mail address or a
 * phone number in E.164, and the courier channel that reaches it.
 */
record CodeAddress(Channel channel, String address) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** SMS for a number in E.164 (the form identifiers hold numbers in), e-mail for anything else. */
    static Channel channelOf(String identifier) {
        return E164.matcher(identifier).matches() ? Channel.SMS : Channel.EMAIL;
    }

    static Channel channelOfVia(String via) {
        return "sms".equals(via) ? Channel.SMS : Channel.EMAIL;
    }

    /**
     * The address a sign-in code for {@code identifier} goes to: the identifier itself if it is one of the identity's
     * verifiable addresses or code addresses (reached by their channel), an e-mail identifier as it is, else the
     * identity's first verifiable address.
     */
    static Optional<CodeAddress> of(Identity identity, String identifier) {
        List<VerifiableAddress> addresses = identity.verifiableAddresses();
        return addresses.stream().filter(a -> a.value().equalsIgnoreCase(identifier)).findFirst()
                .map(a -> new CodeAddress(channelOfVia(a.via()), a.value()))
                .or(() -> codeAddresses(identity).stream().filter(a -> a.address().equalsIgnoreCase(identifier)).findFirst())
                .or(() -> identifier.contains("@") ? Optional.of(new CodeAddress(Channel.EMAIL, identifier)) : Optional.empty())
                .or(() -> addresses.stream().findFirst().map(a -> new CodeAddress(channelOfVia(a.via()), a.value())));
    }

    /** The addresses of the identity's {@code code} credential ({@code config.addresses[{channel, address}]}). */
    static List<CodeAddress> codeAddresses(Identity identity) {
        return identity.credential(CredentialType.CODE).map(c -> c.config())
                .map(config -> config.getOrDefault("addresses", JsonValue.EMPTY_JSON_ARRAY))
                .filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY).map(JsonValue::asJsonArray)
                .map(array -> array.getValuesAs(JsonObject.class).stream()
                        .map(a -> new CodeAddress(channelOfVia(a.getString("channel", "email")), a.getString("address", "")))
                        .filter(a -> !a.address().isEmpty()).toList())
                .orElse(List.of());
    }

    /** The identity's verified addresses, each a way to send a second-factor code. */
    static List<CodeAddress> verified(Identity identity) {
        return identity.verifiableAddresses().stream().filter(VerifiableAddress::verified)
                .map(a -> new CodeAddress(channelOfVia(a.via()), a.value())).toList();
    }
}
