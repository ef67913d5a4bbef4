package dev.gatehouse.selfservice.strategy.password;

/** Where the password method stands among a flow's methods: first, so a submission naming none goes to it. */
final class PasswordMethods {

    static final int ORDER = 100;

    private PasswordMethods() {
    }
}
