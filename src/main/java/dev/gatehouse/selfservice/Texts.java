package dev.gatehouse.selfservice;

import jakarta.json.Json;

/**
 * The messages of the self-service flows, with Ory Kratos' ids and English texts (kratos text/id.go,
 * text/message_*.go). Pages translate them by id.
 */
public final class Texts {

    private Texts() {
    }

    public static UiText signIn() {
        return UiText.info(1010001, "Sign in");
    }

    public static UiText reauthenticate() {
        return UiText.info(1010003, "Please confirm this action by verifying that it is you.");
    }

    public static UiText signUp() {
        return UiText.info(1040001, "Sign up");
    }

    public static UiText settingsSaved() {
        return UiText.info(1050001, "Your changes have been saved!");
    }

    public static UiText passwordLabel() {
        return UiText.info(1070001, "Password");
    }

    public static UiText label(String title) {
        return new UiText(1070002, title, "info", Json.createObjectBuilder().add("title", title).build());
    }

    public static UiText save() {
        return UiText.info(1070003, "Save");
    }

    public static UiText idLabel() {
        return UiText.info(1070004, "ID");
    }

    public static UiText required(String property) {
        return new UiText(4000002, "Property " + property + " is missing.", "error",
                Json.createObjectBuilder().add("property", property).build());
    }

    public static UiText invalidCredentials() {
        return UiText.error(4000006, "The provided credentials are invalid, check for spelling mistakes in your password "
                + "or username, email address, or phone number.");
    }

    public static UiText duplicateCredentials() {
        return UiText.error(4000007, "An account with the same identifier (email, phone, username, ...) exists already.");
    }

    public static UiText flowExpired(long id, long minutesAgo) {
        String what = id == 4010001 ? "login" : id == 4040001 ? "registration" : "settings";
        return new UiText(id, "The " + what + " flow expired " + minutesAgo + " minutes ago, please try again.", "error",
                Json.createObjectBuilder().add("expired_at_unix", minutesAgo).build());
    }

    public static UiText generic(String reason) {
        return new UiText(4000001, reason, "error", Json.createObjectBuilder().add("reason", reason).build());
    }
}
