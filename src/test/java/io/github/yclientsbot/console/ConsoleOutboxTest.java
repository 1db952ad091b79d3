package io.github.yclientsbot.console;

import io.github.yclientsbot.chat.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleOutboxTest {

    @Test
    void keepsWhatTheBotSentUntilTheConsolePrintsItOldestFirstAndOnlyOnce() {
        ConsoleOutbox outbox = new ConsoleOutbox();
        Reply first = Reply.text(1, "first");
        Reply second = Reply.text(1, "second");

        assertTrue(outbox.send(first));
        assertTrue(outbox.send(second));

        assertEquals(List.of(first, second), outbox.drain());
        assertEquals(List.of(), outbox.drain());
    }
}
