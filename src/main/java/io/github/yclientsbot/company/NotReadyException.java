package io.github.yclientsbot.company;

/** YCLIENTS cannot be called: disabled, or a token or the company id is missing. */
public class NotReadyException extends Exception {
    private final Readiness readiness;

    public NotReadyException(Readiness readiness) {
        super("YCLIENTS is not ready: " + (readiness.enabled() ? readiness.missing() : "disabled"));
        this.readiness = readiness;
    }

    public Readiness readiness() {
        return readiness;
    }
}
