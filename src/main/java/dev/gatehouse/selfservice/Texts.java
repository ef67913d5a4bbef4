package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;



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

    /** The second-factor step of a sign-in (an {@code aal2} login flow). */
    public static UiText secondFactorRequired() {
        return UiText.info(1010004, "Please complete the second authentication challenge.");
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
        return new UiText(1070002, title, "info", JsonP.createObjectBuilder().add("title", title).build());
    }

    public static UiText save() {
        return UiText.info(1070003, "Save");
    }

    public static UiText idLabel() {
        return UiText.info(1070004, "ID");
    }

    public static UiText recoverySuccessful(long minutesLeft) {
        return new UiText(1060001, "You successfully recovered your account. Please change your password or set up an "
                + "alternative login method (e.g. social sign in) within the next " + minutesLeft + " minutes.", "success",
                JsonP.createObjectBuilder().add("privileged_session_expires_at_unix", minutesLeft).build());
    }

    public static UiText recoveryCodeSent() {
        return UiText.info(1060003, "An email containing a recovery code has been sent to the email address you provided. "
                + "If you have not received an email, check the spelling of the address and make sure to use the address "
                + "you registered with.");
    }

    public static UiText continueLabel() {
        return UiText.info(1070009, "Continue");
    }

    public static UiText submit() {
        return UiText.info(1070005, "Submit");
    }

    public static UiText verifyCode() {
        return UiText.info(1070006, "Verify code");
    }

    public static UiText emailLabel() {
        return UiText.info(1070007, "Email");
    }

    public static UiText resendCode() {
        return UiText.info(1070008, "Resend code");
    }

    public static UiText verificationSuccessful() {
        return new UiText(1080002, "You successfully verified your email address.", "success", null);
    }

    public static UiText verificationCodeSent() {
        return UiText.info(1080003, "An email containing a verification code has been sent to the email address you "
                + "provided. If you have not received an email, check the spelling of the address and make sure to use "
                + "the address you registered with.");
    }

    public static UiText addressNotVerified() {
        return UiText.error(4000010, "Account not active yet. Did you forget to verify your email address?");
    }

    public static UiText recoveryCodeInvalid() {
        return UiText.error(4060006, "The recovery code is invalid or has already been used. Please try again.");
    }

    public static UiText verificationCodeInvalid() {
        return UiText.error(4070006, "The verification code is invalid or has already been used. Please try again.");
    }

    public static UiText codeResentTooSoon(long seconds) {
        return generic("A code was sent to this address a moment ago. Please wait " + seconds + " seconds before asking for another.");
    }

    public static UiText required(String property) {
        return new UiText(4000002, "Property " + property + " is missing.", "error",
                JsonP.createObjectBuilder().add("property", property).build());
    }

    public static UiText invalidCredentials() {
        return UiText.error(4000006, "The provided credentials are invalid, check for spelling mistakes in your password "
                + "or username, email address, or phone number.");
    }

    public static UiText duplicateCredentials() {
        return UiText.error(4000007, "An account with the same identifier (email, phone, username, ...) exists already.");
    }

    public static UiText flowExpired(FlowKind kind, long minutesAgo) {
        long id = kind.expiredMessageId();
        return new UiText(id, "The " + kind.path() + " flow expired " + minutesAgo + " minutes ago, please try again.", "error",
                JsonP.createObjectBuilder().add("expired_at_unix", minutesAgo).build());
    }

    public static UiText generic(String reason) {
        return new UiText(4000001, reason, "error", JsonP.createObjectBuilder().add("reason", reason).build());
    }

    public static UiText sendSignInCode() {
        return UiText.info(1010015, "Send sign in code");
    }

    /** The label of a second-factor code button: Kratos' {@code NewInfoSelfServiceLoginAAL2CodeAddress}. */
    public static UiText sendCodeTo(String channel, String address) {
        return new UiText(1010023, "Send code to " + address, "info",
                JsonP.createObjectBuilder().add("address", address).add("channel", channel).build());
    }

    /** A code by SMS was sent (Kratos says 1010014 for every channel; its text speaks of e-mail). */
    public static UiText loginCodeSentBySms() {
        return UiText.info(1010014, "A code has been sent to the phone number you provided. If you have not received it, "
                + "check the number and make sure to use the number you registered with.");
    }

    /** Kratos' {@code ErrorValidationLoginAddressUnknown}. */
    public static UiText addressUnknown() {
        return new UiText(4010010, "The address you entered does not match any known addresses in the current account.",
                "error", JsonP.createObjectBuilder().build());
    }

    /** Too many codes went to one address or number within the send-limit window. */
    public static UiText tooManyCodes() {
        return generic("Too many codes were sent to this address. Please try again later.");
    }

    public static UiText loginCodeSent() {
        return UiText.info(1010014, "An email containing a code has been sent to the email address you provided. If you "
                + "have not received an email, check the spelling of the address and make sure to use the address you "
                + "registered with.");
    }

    public static UiText sendSignUpCode() {
        return UiText.info(1040006, "Send sign up code");
    }

    public static UiText registrationCodeSent() {
        return UiText.info(1040005, "An email containing a code has been sent to the email address you provided. If you "
                + "have not received an email, check the spelling of the address and retry the registration.");
    }

    public static UiText loginCodeInvalid() {
        return UiText.error(4010008, "The login code is invalid or has already been used. Please try again.");
    }

    public static UiText registrationCodeInvalid() {
        return UiText.error(4040003, "The registration code is invalid or has already been used. Please try again.");
    }

    public static UiText traitsMismatch() {
        return UiText.error(4000036, "The provided traits do not match the traits previously associated with this flow.");
    }

    /** Gatehouse's own (Kratos has no sign-in links): a link opened in a browser other than the flow's. */
    public static UiText codeLinkOtherDevice() {
        return UiText.error(4010901, "This sign-in link only works in the browser where you asked for it. Please enter the "
                + "6-digit code from the email on the device where you started signing in.");
    }

    /** Gatehouse's own: a sign-in link that was used, replaced by a newer code, expired or never issued. */
    public static UiText codeLinkInvalid() {
        return UiText.error(4010902, "This sign-in link is invalid, expired or has already been used. Please ask for a new code.");
    }

    public static UiText recoveryLinkSent() {
        return UiText.info(1060002, "An email containing a recovery link has been sent to the email address you provided. "
                + "If you have not received an email, check the spelling of the address and make sure to use the address "
                + "you registered with.");
    }

    public static UiText verificationLinkSent() {
        return UiText.info(1080001, "An email containing a verification link has been sent to the email address you "
                + "provided. If you have not received an email, check the spelling of the address and make sure to use "
                + "the address you registered with.");
    }

    public static UiText recoveryTokenInvalid() {
        return UiText.error(4060004, "The recovery token is invalid or has already been used. Please retry the flow.");
    }

    public static UiText verificationTokenInvalid() {
        return UiText.error(4070001, "The verification token is invalid or has already been used. Please retry the flow.");
    }
}
