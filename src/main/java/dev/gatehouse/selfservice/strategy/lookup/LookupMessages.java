package dev.gatehouse.selfservice.strategy.lookup;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.UiText;
import jakarta.json.JsonArrayBuilder;

import java.util.List;

/** The {@code lookup_secret} method's messages, with Kratos' ids and English texts (kratos text/message_*.go). */
final class LookupMessages {

    static final String METHOD = "lookup_secret";
    static final String GROUP = "lookup_secret";
    /** After totp (400). */
    static final int ORDER = 500;

    private LookupMessages() {
    }

    static UiText codeLabel() {
        return UiText.info(1010007, "Backup recovery code");
    }

    static UiText useCode() {
        return UiText.info(1010010, "Use backup recovery code");
    }

    static UiText reveal() {
        return UiText.info(1050007, "Reveal backup recovery codes");
    }

    static UiText regenerate() {
        return UiText.info(1050008, "Generate new backup recovery codes");
    }

    static UiText codesLabel() {
        return UiText.info(1050010, "These are your back up recovery codes. Please keep them in a safe place!");
    }

    static UiText confirm() {
        return UiText.info(1050011, "Confirm backup recovery codes");
    }

    static UiText disable() {
        return UiText.info(1050016, "Disable this method");
    }

    /** The new codes, shown once (Kratos' list message, each code a message of its own in {@code context.secrets}). */
    static UiText codes(List<String> codes) {
        JsonArrayBuilder secrets = JsonP.createArrayBuilder();
        codes.forEach(c -> secrets.add(new UiText(1050009, c, "info", JsonP.createObjectBuilder().add("secret", c).build()).toJson()));
        return new UiText(1050015, String.join(", ", codes), "info", JsonP.createObjectBuilder().add("secrets", secrets).build());
    }

    /**
     * How many codes are left. Kratos shows the stored codes again; Gatehouse keeps only their hashes, so it says
     * how many can still be used (an id of Gatehouse's, beside Kratos' settings messages).
     */
    static UiText remaining(int remaining, int total) {
        return new UiText(1050901, remaining + " of " + total + " backup recovery codes left.", "info",
                JsonP.createObjectBuilder().add("remaining", remaining).add("total", total).build());
    }

    static UiText alreadyUsed() {
        return UiText.error(4000012, "This backup recovery code has already been used.");
    }

    static UiText noCodes() {
        return UiText.error(4000014, "You have no backup recovery codes set up.");
    }

    static UiText invalid() {
        return UiText.error(4000016, "The backup recovery code is not valid.");
    }
}
