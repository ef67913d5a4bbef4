package dev.gatehouse.courier;

import java.util.UUID;

/**
 * A message this node has claimed for sending.
 *
 * @param attempt which attempt this is (1 for the first)
 */
public record ClaimedMessage(UUID id, String tenant, String template, String recipient, String subject, String text,
                             String html, int attempt) {
}
