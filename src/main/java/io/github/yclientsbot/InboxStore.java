package io.github.yclientsbot;

import io.github.yclientsbot.storage.UpdateInbox;
import io.github.yclientsbot.telegram.UpdateStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The database's update inbox as the Telegram transport's {@link UpdateStore}. */
public final class InboxStore implements UpdateStore {
    private final UpdateInbox inbox;

    public InboxStore(UpdateInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<Stored> add(List<Stored> candidates) {
        return inbox.add(candidates.stream()
                        .map(s -> new UpdateInbox.Entry(s.updateId(), s.chatId(), s.payload(), s.receivedAt())).toList())
                .stream().map(InboxStore::stored).toList();
    }

    @Override
    public List<Stored> waiting() {
        return inbox.waiting().stream().map(InboxStore::stored).toList();
    }

    @Override
    public void markHandled(long updateId) {
        inbox.markHandled(updateId);
    }

    @Override
    public void markHandled(Collection<Long> updateIds) {
        inbox.markHandled(updateIds);
    }

    @Override
    public int pruneHandled(Instant before) {
        return inbox.pruneHandled(before);
    }

    private static Stored stored(UpdateInbox.Entry e) {
        return new Stored(e.updateId(), e.chatId(), e.payload(), e.receivedAt());
    }
}
