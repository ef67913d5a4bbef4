package dev.gatehouse.kernel.event;

/** How a security-relevant action ended. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
}
