package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Updates are handled in parallel across chats and in order within one chat; they are stored before Telegram
 * is told they arrived, so a stop mid-batch loses nothing and answers nothing twice; one user cannot flood.
 */
class DispatchEndToEndTest extends EndToEndBase {

    private static final String WHOAMI = "Ваш Telegram id";
    private static final String HELP = "/services — услуги";
    private static final String UNKNOWN = "Такой команды я не знаю";

    private List<String> textsTo(long chat) {
        return telegram.calls("sendmessage").stream().filter(c -> c.chatId() == chat).map(Call::text).toList();
    }

    private static void assertKinds(List<String> texts, String... expected) {
        assertEquals(expected.length, texts.size(), "replies: " + texts);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(texts.get(i).contains(expected[i]), "reply " + i + " should contain «" + expected[i] + "»: " + texts);
        }
    }

    @Test
    void manyChatsAreEachAnsweredOnceAndInTheirOrder() throws Exception {
        startBot();
        List<Long> chats = new ArrayList<>();
        for (long user = 70_001; user <= 70_040; user++) {
            chats.add(user);
        }
        exchange(() -> {
            for (long user : chats) {
                telegram.sendPrivateText(user, "/whoami");
            }
            for (long user : chats) {
                telegram.sendPrivateText(user, "/help");
                telegram.sendPrivateText(user, "/nosuchcommand");
            }
        });
        for (long user : chats) {
            assertKinds(textsTo(user), WHOAMI, HELP, UNKNOWN);
        }
        assertEquals(0, app.stats().updateQueueDepth());
        assertEquals(0, app.stats().errors());
        assertEquals(chats.size() * 3L, app.stats().updatesHandled(), "each update handled once");
    }

    @Test
    void aSlowChatDoesNotStallTheOthersAndKeepsItsOwnOrder() throws Exception {
        startBot();
        telegram.holdSendsTo(CUSTOMER);
        telegram.sendPrivateText(CUSTOMER, "/whoami");
        telegram.sendPrivateText(CUSTOMER, "/help");
        // while the customer's first reply hangs, other chats are answered
        for (long user = 80_001; user <= 80_005; user++) {
            assertTrue(answerTo(user, "/whoami").contains(Long.toString(user)));
        }
        assertTrue(textsTo(CUSTOMER).isEmpty(), "the slow chat got nothing yet");
        assertEquals(1, telegram.heldSends(), "only the first reply is under way: /help waits for it");
        awaitQueueDepth(2);
        // support sees the backlog: the customer's two updates — not the /status being answered
        String status = answerTo(SUPPORT, "/status");
        assertTrue(status.contains("Очередь обновлений: 2"), status);
        awaitQueueDepth(2);
        telegram.releaseSendsTo(CUSTOMER);
        awaitHandled();
        assertKinds(textsTo(CUSTOMER), WHOAMI, HELP);
    }

    @Test
    void aReplayedUpdateIsNotAnsweredTwiceEvenAfterARestart() throws Exception {
        startBot();
        exchange(() -> telegram.sendPrivateText(CUSTOMER, "/whoami"));
        int first = telegram.lastUpdateId();
        assertEquals(1, textsTo(CUSTOMER).size());
        long polls = telegram.polls();
        assertEquals(List.of(), exchange(() -> telegram.redeliver(first)));
        assertTrue(telegram.polls() > polls, "the replay was delivered and the bot came back for more");

        stopBot();
        startBot();
        assertEquals(List.of(), exchange(() -> telegram.redeliver(first)));
        assertEquals(1, textsTo(CUSTOMER).size());
        assertEquals(0, app.stats().updatesHandled(), "the restarted bot knew the id: it did not handle it again");
    }

    @Test
    void updatesStoredButNotHandledWhenTheBotStoppedAreAnsweredOnceAfterTheRestart() throws Exception {
        Map<String, String> env = new HashMap<>(env());
        env.put("BOT_SHUTDOWN_BUDGET_SECONDS", "1");
        startBot(env);
        setUpCompany();
        int adminRepliesBefore = textsTo(ADMIN).size();
        // the admin's first update hangs in YCLIENTS past the shutdown budget; the next two wait behind it
        yclients.on("GET", "/api/v1/company/777").respondWithFixture(404, "error-404-company.json").delay(Duration.ofSeconds(3));
        telegram.sendPrivateText(ADMIN, "/setcompany 777");
        int stuck = telegram.lastUpdateId();
        telegram.sendPrivateText(ADMIN, "/whoami");
        telegram.sendPrivateText(ADMIN, "/nosuchcommand");
        long other = 90_001;
        assertTrue(answerTo(other, "/whoami").contains(Long.toString(other)), "others are answered meanwhile");
        awaitYclients("/api/v1/company/777", 1);

        stopBot();
        assertEquals(adminRepliesBefore, textsTo(ADMIN).size(), "nothing was answered while stopping");
        // YCLIENTS answers the first run now: too late, that run's reply is dropped, not sent (unless the stop's
        // interrupt already ended the call: then the update failed) — either way the bot says it gave the update up
        yclients.releaseDelays();
        await().atMost(WAIT).until(() -> logs.text().contains("the reply to update " + stuck + " in chat")
                || logs.text().contains("Failed to handle update " + stuck + " "));

        startBot(env);
        awaitHandled();
        List<String> admin = textsTo(ADMIN);
        assertKinds(admin.subList(adminRepliesBefore, admin.size()), "777", WHOAMI, UNKNOWN);
        assertEquals(1, textsTo(other).size(), "the other chat was answered before the stop and not again");
    }

    private void awaitQueueDepth(int depth) {
        await().atMost(WAIT).until(() -> app.stats().updateQueueDepth() == depth);
    }

    private void awaitYclients(String path, int n) {
        await().atMost(WAIT).until(() -> yclients.requests("GET", path).size() >= n);
    }

    /** A private message; waits for the bot's message to that user only (other chats may still be busy). */
    private String answerTo(long user, String text) {
        int before = textsTo(user).size();
        telegram.sendPrivateText(user, text);
        return telegram.await(sendTo(user), before + 1, WAIT).get(before).text();
    }

    @Test
    void aFloodingUserGetsOneNoticeAndIsNotAnsweredForTheRestOfTheWindowButButtonsStopSpinning() throws Exception {
        Map<String, String> env = new HashMap<>(env());
        env.put("BOT_FLOOD_MAX_UPDATES", "3");
        env.put("BOT_FLOOD_WINDOW_SECONDS", "600");
        startBot(env);
        List<Call> calls = exchange(() -> {
            for (int i = 0; i < 6; i++) {
                telegram.sendPrivateText(CUSTOMER, "/whoami");
            }
            telegram.pressButton(CUSTOMER, 1, "svcpage:1");
        });
        assertKinds(textsTo(CUSTOMER), WHOAMI, WHOAMI, WHOAMI, "Слишком много сообщений");
        Call answer = single(calls, "answercallbackquery");
        assertNull(answer.body().path("text").textValue(), "the spinner stops without a message");
        assertEquals(4, app.stats().floodLimitedCount());
        assertTrue(ask(ADMIN, "/whoami").text().contains(Long.toString(ADMIN)), "others are still answered");
    }
}
