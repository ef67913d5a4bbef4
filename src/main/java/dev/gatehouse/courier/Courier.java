package dev.gatehouse.courier;

import java.util.UUID;

/** Queues messages for delivery. */
public interface Courier {

    /**
     * Writes the message to the outbox in the caller's transaction (so it is sent if and only if the
     * caller commits) and returns its id. Delivery happens later, on any node.
     *
     * @throws dev.gatehouse.kernel.problem.ApiException (validation) for a recipient that is not a single
     *         plain e-mail address
     */
    UUID enqueue(OutgoingMessage message);
}
