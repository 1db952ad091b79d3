package io.github.yclientsbot.telegram;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.Keyboard;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import io.github.yclientsbot.testing.LogCapture;
import io.github.yclientsbot.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender against a local fake Telegram, on a fake clock: the pacer's waits (429s, back-offs) move the clock
 * instead of sleeping, so ten minutes of Telegram saying "wait" take milliseconds.
 */
class ReplySenderTest {
    private static final String TOKEN = "4646:sender-test-token-abcdefghijklmnopqr";
    private static final long CHAT = 7001;
    private static final long SECOND = 1_000_000_000L;
    private static final String TOO_MANY = "Too Many Requests: retry after 7";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final AtomicLong now = new AtomicLong(123 * SECOND);
    private final long start = now.get();
    private FakeTelegramServer telegram;
    private TelegramConnection connection;
    private LogCapture logs;
    private RuntimeStats stats;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogCapture();
        telegram = new FakeTelegramServer(TOKEN);
        connection = new TelegramConnection(TOKEN, telegram.url(), BotApplication.objectMapper(), nanos -> { });
        stats = new RuntimeStats(clock, new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        connection.close();
        telegram.close();
        logs.close();
    }

    /** The real pacer (30/s, one a second per chat) on the fake clock; waiting moves the wall clock too. */
    private ReplySender sender(Duration maxAge) {
        SendPacer pacer = new SendPacer(30, true, now::get, nanos -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            now.addAndGet(nanos);
            clock.advance(Duration.ofNanos(nanos));
        });
        return new ReplySender(connection, stats, chat -> { }, pacer, clock, maxAge);
    }

    private void refuse(long chat, int times, int retryAfterSeconds) {
        telegram.failSendsTo(chat, times, 429, "Too Many Requests: retry after " + retryAfterSeconds,
                "{\"retry_after\":" + retryAfterSeconds + "}");
    }

    private List<String> delivered(long chat) {
        return telegram.answered("sendmessage").stream().filter(c -> c.chatId() == chat).map(Call::text).toList();
    }

    private long elapsedSeconds() {
        return (now.get() - start) / SECOND;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aMessageRefusedWithManyTooManyRequestsInARowIsDeliveredOnceAfterTheWaits() {
        refuse(CHAT, 10, 7);
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.text(CHAT, "hello"), 1));
        assertEquals(List.of("hello"), delivered(CHAT), "delivered, once");
        assertEquals(11, telegram.calls("sendmessage").size(), "ten refused tries, then the one that went through");
        assertTrue(elapsedSeconds() >= 70, "each retry_after was waited out: " + elapsedSeconds());
        assertEquals(0, stats.sendDroppedCount());
        assertEquals(1, count(logs.text(), "Telegram asks to wait 7 s"), "one line for the chat's wait, not one per try");
    }

    @Test
    void aMessageTelegramDoesNotTakeWithinTheMaxAgeIsDroppedWithOneWarningAndCounted() {
        refuse(CHAT, Integer.MAX_VALUE, 7);
        assertTrue(sender(Duration.ofSeconds(60)).send(Reply.of(new Action.Send(CHAT, "first", null),
                new Action.Send(CHAT, "second", null)), 42));
        assertEquals(List.of(), delivered(CHAT));
        assertTrue(elapsedSeconds() <= 60, "not waited past the max age: " + elapsedSeconds());
        assertTrue(elapsedSeconds() >= 49, "tried until the next try would come too late: " + elapsedSeconds());
        assertEquals(2, stats.sendDroppedCount(), "both messages of the reply");
        assertEquals(2, count(logs.text(), "WARN"), "one warning per dropped message: " + logs.text());
        assertTrue(logs.text().contains("Dropped: could not send a message in chat 7001 (update 42)"), logs.text());
        assertTrue(logs.text().contains("telegram.send.max-age-seconds (60 s"), logs.text());
        assertEquals(0, stats.errors(), "dropped messages have their own count");
    }

    @Test
    void aMessageKeptUntilAVisitIsNotDroppedForAgeWhileTheVisitIsAhead() {
        Instant visit = clock.instant().plus(Duration.ofHours(2));
        refuse(CHAT, 30, 60);   // Telegram makes it wait half an hour
        assertTrue(sender(Duration.ofSeconds(60)).send(Reply.of(new Action.Send(CHAT, "reminder", null).keptUntil(visit)), 1));
        assertEquals(List.of("reminder"), delivered(CHAT));
        assertTrue(elapsedSeconds() >= 30 * 60, "kept past the max age: " + elapsedSeconds());
        assertEquals(0, stats.sendDroppedCount());
    }

    @Test
    void aMessageKeptUntilAVisitIsDroppedOnceTheVisitIsNoLongerAhead() {
        Instant visit = clock.instant().plus(Duration.ofMinutes(5));
        refuse(CHAT, Integer.MAX_VALUE, 60);
        assertTrue(sender(Duration.ofSeconds(60)).send(Reply.of(new Action.Send(CHAT, "reminder", null).keptUntil(visit)), 1));
        assertEquals(List.of(), delivered(CHAT));
        assertEquals(1, stats.sendDroppedCount());
        assertTrue(elapsedSeconds() >= 4 * 60 && elapsedSeconds() <= 5 * 60, "until the visit: " + elapsedSeconds());
        assertFalse(clock.instant().isAfter(visit));
    }

    @Test
    void aServerErrorOrANetworkFailureIsTriedAgainPastTheOldFourTries() {
        telegram.failSendsTo(CHAT, 8, 502, "Bad Gateway", null);
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.text(CHAT, "after the outage"), 1));
        assertEquals(List.of("after the outage"), delivered(CHAT));
        assertEquals(0, stats.sendDroppedCount());
    }

    @Test
    void aRefusalThatWaitingCannotFixIsNotRetried() {
        telegram.failSendsTo(CHAT, 1, 400, "Bad Request: chat not found", null);
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.text(CHAT, "x"), 1));
        assertEquals(1, telegram.calls("sendmessage").size());
        assertEquals(1, stats.errors());
        assertEquals(0, stats.sendDroppedCount());
    }

    @Test
    void aLongTextGoesAsSeveralMessagesInOrderCutAtLineBreaksWithTheButtonsOnTheLast() {
        String para1 = "Первый абзац. ".repeat(200).strip();     // 2,799 characters
        String para2 = "Второй абзац. ".repeat(200).strip();
        String para3 = "Третий абзац. ".repeat(100).strip();
        Keyboard keyboard = Keyboard.builder().row(Button.callback("Дальше", "next")).build();
        refuse(CHAT, 3, 2);  // the first part is refused three times: the others still come after it
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.of(new Action.Send(CHAT, para1 + "\n\n" + para2 + "\n\n" + para3,
                keyboard)), 1));

        List<Call> sent = telegram.answered("sendmessage");
        assertEquals(List.of(para1, para2, para3), sent.stream().map(Call::text).toList());
        assertEquals(List.of(), sent.get(0).buttonTexts());
        assertEquals(List.of(), sent.get(1).buttonTexts());
        assertEquals(List.of("Дальше"), sent.get(2).buttonTexts(), "the buttons under the last part");
    }

    @Test
    void anEmojiAtTheBoundaryOfFourThousandNinetySixIsNeverCut() {
        String family = "👨‍👩‍👧‍👦";
        String text = "a".repeat(4093) + family + "b".repeat(50);   // the emoji spans 4093..4104
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.text(CHAT, text), 1));
        List<String> parts = delivered(CHAT);
        assertEquals(List.of("a".repeat(4093), family + "b".repeat(50)), parts);
    }

    @Test
    void anEditedMessageCannotBecomeSeveralAndIsCutAtACharacterBoundary() {
        String text = "a".repeat(4094) + "🙂🙂";
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.of(new Action.Edit(CHAT, 77, text, null)), 1));
        Call edit = telegram.answered("editmessagetext").get(0);
        assertEquals("a".repeat(4094) + "…", edit.text(), "no half of a surrogate pair before the ellipsis");
    }

    @Test
    void aLongCaptionGoesWithTheDocumentAndTheRestFollowsAsAMessage() {
        String caption = "строка подписи\n".repeat(100).strip();  // 1,499 characters
        assertTrue(sender(Duration.ofMinutes(10)).send(Reply.of(new Action.SendDocument(CHAT, "export.json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), caption)), 1));
        Call document = telegram.answered("senddocument").get(0);
        assertTrue(document.caption().length() <= ReplySender.MAX_CAPTION, document.caption().length() + "");
        String rest = delivered(CHAT).get(0);
        assertEquals(caption, document.caption() + "\n" + rest);
    }

    @Test
    void interruptedWhileTelegramMakesItWaitTheReplyStopsAndSaysSo() {
        refuse(CHAT, 1, 30);
        ReplySender sender = sender(Duration.ofMinutes(10));
        Thread.currentThread().interrupt();
        try {
            assertFalse(sender.send(Reply.of(new Action.Send(CHAT, "one", null), new Action.Send(CHAT, "two", null)), 5));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the worker");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), delivered(CHAT));
        assertEquals(0, stats.sendDroppedCount(), "not dropped: the update stays in the inbox for the next start");
    }
}
