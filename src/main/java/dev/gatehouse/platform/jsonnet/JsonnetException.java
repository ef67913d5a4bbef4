package dev.gatehouse.platform.jsonnet;

/** A jsonnet evaluation that gave no result: the reason, in words safe to show to whoever wrote the document. */
public class JsonnetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public JsonnetException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** Starts with a verb: "was stopped: ...", "is not valid jsonnet: ...". */
    public String reason() {
        return reason;
    }
}
