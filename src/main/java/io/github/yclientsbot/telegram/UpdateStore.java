package io.github.yclientsbot.telegram;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where received updates wait until they are handled (the inbox): written before a batch is confirmed to
 * Telegram, so a crash loses nothing. Owned by the transport; the composition root connects the database's
 * inbox to it.
 */
public interface UpdateStore {
    /** One stored update: its raw JSON, the chat it belongs to (0 if none). */
    record Stored(long updateId, long chatId, String payload, Instant receivedAt) {}

    /** Stores the updates not seen before, in one transaction; returns those (the others were seen). */
    List<Stored> add(List<Stored> candidates);

    /** Stored and not yet handled, in update order. */
    List<Stored> waiting();

    void markHandled(long updateId);

    void markHandled(Collection<Long> updateIds);

    /** Forgets handled ids older than {@code before}; returns how many. */
    int pruneHandled(Instant before);
}
