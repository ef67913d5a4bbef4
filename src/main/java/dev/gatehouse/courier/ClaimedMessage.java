package dev.gatehouse.courier;

import java.util.UUID;

/**
 * A message this node has claimed for sending.
 *
 * @param templateData the values the template was filled with, as a JSON object (SMS; null for e-mail)
 * @param attempt      which attempt this is (1 for the first)
 */
public record ClaimedMessage(UUID id, String tenant, Channel channel, String template, String recipient, String subject,
                             String text, String html, String templateData, int attempt) {
}
