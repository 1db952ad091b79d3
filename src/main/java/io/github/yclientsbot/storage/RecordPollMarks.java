package io.github.yclientsbot.storage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.SessionFactory;

/**
 * The record poll's watermark per company ({@code record_poll}): the latest change of a record the poll has seen, so
 * a restart catches up from there instead of losing what changed while the bot was down.
 */
public final class RecordPollMarks {

    /** A company's watermark: records changed up to {@code changedUpTo} were seen; the poll finished at {@code polledAt}. */
    public record Mark(long companyId, Instant changedUpTo, Instant polledAt) {}

    private final SessionFactory sessionFactory;
    private final Clock clock;

    RecordPollMarks(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The company's watermark, when a poll has finished before. */
    public Optional<Mark> find(long companyId) {
        return sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.find(RecordPollEntity.class, companyId)).map(RecordPollEntity::toMark));
    }

    /**
     * Stores the watermark after a poll went through every page (polled now); never moves it back. Returns when
     * committed.
     */
    public void save(long companyId, Instant changedUpTo) {
        Instant upTo = Objects.requireNonNull(changedUpTo, "changedUpTo").truncatedTo(ChronoUnit.MICROS);
        Instant now = Database.now(clock);
        sessionFactory.inTransaction(session -> {
            RecordPollEntity row = session.find(RecordPollEntity.class, companyId);
            if (row == null) {
                session.persist(new RecordPollEntity(companyId, upTo, now));
            } else {
                row.update(upTo.isAfter(row.changedUpTo()) ? upTo : row.changedUpTo(), now);
            }
        });
    }
}
