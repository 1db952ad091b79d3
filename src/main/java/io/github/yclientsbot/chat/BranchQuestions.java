package io.github.yclientsbot.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Which branch?" questions waiting for a press: a service-button command sent without {@code branch=} while the bot
 * has several branches. A button's data (64 bytes at most) cannot carry a {@code /setservice} line with its title, so
 * the command stays here and the button carries a ticket. Short-lived and in memory only, like the pending /import
 * file: a question lives {@link #LIFETIME}, an admin has at most {@link #PER_ADMIN} open (the oldest goes first), and a
 * restart forgets them all — its old buttons then answer "out of date, send the command again". Tickets are random, so
 * a button from before a restart never meets a question asked after it.
 */
public final class BranchQuestions {
    /** How long a question can be answered. */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Open questions one admin may have; one more drops their oldest. */
    static final int PER_ADMIN = 5;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Question> open = new ConcurrentHashMap<>();

    public BranchQuestions(Clock clock) {
        this.clock = clock;
    }

    /**
     * A command waiting for its branch.
     *
     * @param command  the command's name, without the slash
     * @param args     its arguments, without {@code branch=}
     * @param offered  the branch ids the buttons offer
     * @param answered the branch pressed, 0 while none was
     */
    record Question(long ticket, long admin, long chatId, String command, List<String> args, List<Long> offered,
                    Instant expiresAt, long answered) {
        Question {
            args = List.copyOf(args);
            offered = List.copyOf(offered);
        }

        Question answer(long branch) {
            return new Question(ticket, admin, chatId, command, args, offered, expiresAt, branch);
        }
    }

    /** What a press on a question's button finds. */
    sealed interface Pressed {
        /** Run {@code command} with {@code args} for {@code branch}: the question is answered now. */
        record Run(String command, List<String> args, long branch) implements Pressed {}

        /** No such question: answered long ago, expired, asked before a restart, forged, or the branch is gone. */
        record Stale() implements Pressed {}

        /** The question is another admin's. */
        record NotYours() implements Pressed {}

        /** Pressed again: the command already ran. */
        record AlreadyAnswered() implements Pressed {}
    }

    /** Keeps {@code command} until {@code admin} picks one of {@code offered} in {@code chatId}; returns its ticket. */
    long ask(long admin, long chatId, String command, List<String> args, List<Long> offered) {
        Instant now = clock.instant();
        open.values().removeIf(q -> now.isAfter(q.expiresAt()));
        List<Question> mine = open.values().stream().filter(q -> q.admin() == admin)
                .sorted(Comparator.comparing(Question::expiresAt)).toList();
        for (int i = 0; i <= mine.size() - PER_ADMIN; i++) {
            open.remove(mine.get(i).ticket());
        }
        long ticket;
        do {
            ticket = 1 + random.nextInt(Integer.MAX_VALUE - 1);
        } while (open.containsKey(ticket));
        open.put(ticket, new Question(ticket, admin, chatId, command, args, offered, now.plus(LIFETIME), 0));
        return ticket;
    }

    /**
     * {@code user} pressed {@code branch} under question {@code ticket} in {@code chatId}. Only the admin who asked
     * may answer, once; {@code stillBranch}: whether the bot still serves that branch.
     */
    Pressed press(long ticket, long user, long chatId, long branch, boolean stillBranch) {
        Question q = open.get(ticket);
        if (q == null || q.chatId() != chatId || clock.instant().isAfter(q.expiresAt())) {
            return new Pressed.Stale();
        }
        if (q.admin() != user) {
            return new Pressed.NotYours();
        }
        if (q.answered() != 0) {
            return new Pressed.AlreadyAnswered();
        }
        if (!q.offered().contains(branch) || !stillBranch) {
            return new Pressed.Stale();
        }
        // kept, answered, until it expires: a second press is told it ran rather than "send it again"
        if (!open.replace(ticket, q, q.answer(branch))) {
            return new Pressed.AlreadyAnswered();
        }
        return new Pressed.Run(q.command(), q.args(), branch);
    }
}
