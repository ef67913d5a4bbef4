package dev.gatehouse.selfservice.strategy.link;

/** Where the link method stands among a flow's methods: after the code. */
final class LinkMethods {

    static final int ORDER = 300;

    private LinkMethods() {
    }
}
