package dev.gatehouse.courier;

/** A template rendered for one recipient: what goes into the outbox and, later, on the wire. */
public record RenderedMessage(String subject, String text, String html) {
}
