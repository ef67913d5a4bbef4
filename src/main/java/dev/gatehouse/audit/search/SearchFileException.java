package dev.gatehouse.audit.search;

/** A saved-search file that cannot be used: which file and why, in words safe to log (no values of the document). */
public class SearchFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    public SearchFileException(String file, String reason) {
        super(file + " " + reason, null, false, false);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
