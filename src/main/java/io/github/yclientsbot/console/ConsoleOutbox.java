package io.github.yclientsbot.console;

import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.chat.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The console's outbox: what the bot sends on its own (a reminder, the salon's change) waits here and is printed by
 * the console after the line being answered, so its buttons are numbered like a reply's and nothing interleaves
 * with the prompt.
 */
public final class ConsoleOutbox implements Outbox {
    private final ConcurrentLinkedQueue<Reply> waiting = new ConcurrentLinkedQueue<>();

    @Override
    public boolean send(Reply reply) {
        waiting.add(reply);
        return true;
    }

    /** What was sent since the last call, oldest first. */
    List<Reply> drain() {
        List<Reply> out = new ArrayList<>();
        Reply next;
        while ((next = waiting.poll()) != null) {
            out.add(next);
        }
        return out;
    }
}
