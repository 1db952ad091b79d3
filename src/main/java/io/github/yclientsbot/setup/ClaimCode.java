package io.github.yclientsbot.setup;

import io.github.yclientsbot.storage.AdminStore;
import io.github.yclientsbot.storage.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-time code that lets a salon owner become the first admin without knowing their numeric
 * Telegram id. Created at start only when no admin exists, printed in the log (never in chat), and
 * spent by the first correct {@code /claim}.
 */
public final class ClaimCode {
    private static final Logger log = LoggerFactory.getLogger(ClaimCode.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MAX_WRONG_ATTEMPTS_PER_USER = 5;

    private final AdminStore admins;
    private final Roles roles;
    private final AuditLog audit;
    private final Map<Long, Integer> wrongAttempts = new ConcurrentHashMap<>();
    private volatile String code;

    public ClaimCode(AdminStore admins, Roles roles, AuditLog audit) {
        this.admins = admins;
        this.roles = roles;
        this.audit = audit;
    }

    public enum Outcome { CLAIMED, WRONG_CODE, NOTHING_TO_CLAIM, TOO_MANY_ATTEMPTS }

    /** Creates the code; returns it for the start-up log line. */
    public String open(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        code = sb.toString();
        return code;
    }

    /**
     * A {@code /claim} was posted where others could read it (a group). Only when it carried the right code is the
     * code replaced (and the new one logged): anyone may post a wrong one, and replacing the code for every such post
     * would let anyone keep the owner from ever claiming. The group is answered the same either way.
     *
     * @return whether the code was replaced
     */
    public synchronized boolean seenOutsidePrivate(String attempt) {
        String current = code;
        if (current == null || !matches(attempt, current)) {
            return false;
        }
        String fresh = open(new SecureRandom());
        log.warn("The claim code was posted outside a private chat and no longer works. New code: /claim {}", fresh);
        return true;
    }

    public boolean isOpen() {
        return code != null;
    }

    public synchronized Outcome claim(long userId, String attempt) {
        String current = code;
        if (current == null) {
            return Outcome.NOTHING_TO_CLAIM;
        }
        int wrong = wrongAttempts.getOrDefault(userId, 0);
        if (wrong >= MAX_WRONG_ATTEMPTS_PER_USER) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        if (!matches(attempt, current)) {
            wrongAttempts.put(userId, wrong + 1);
            return Outcome.WRONG_CODE;
        }
        admins.add(userId, "claim");
        roles.claimed(userId);
        audit.record(userId, "claim", "became admin with the one-time claim code");
        code = null;
        return Outcome.CLAIMED;
    }

    /** Constant-time, ignoring case and surrounding spaces. */
    private static boolean matches(String attempt, String current) {
        String normalized = Optional.ofNullable(attempt).orElse("").strip().toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(normalized.getBytes(StandardCharsets.UTF_8), current.getBytes(StandardCharsets.UTF_8));
    }
}
