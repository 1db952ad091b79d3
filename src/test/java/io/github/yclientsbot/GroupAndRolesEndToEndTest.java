package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group through Telegram: only commands addressed to this bot (by the username Telegram gave it) are answered, and
 * a token pasted there is deleted and refused, and {@code /status} asked there is answered in the private chat. The claim code, languages and the other group scenarios run on the
 * chat harness ({@code scenario.GroupAndRolesScenarioTest}).
 */
class GroupAndRolesEndToEndTest extends EndToEndBase {
    @Test
    void inAGroupOnlyCommandsForThisBotAreAnsweredAndATokenIsRefusedAndNotSaved() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();

        // a command for another bot, and plain chatter: the bot stays silent
        List<Call> ignored = exchange(() -> {
            telegram.sendText(GROUP, "supergroup", CUSTOMER, "ru", "/services@OtherBot");
            telegram.sendText(GROUP, "supergroup", CUSTOMER, "ru", "Девочки, кто записан на субботу?");
            telegram.sendText(GROUP, "supergroup", CUSTOMER, "ru", "/nosuchcommand");
        });
        assertEquals(List.of(), ignored);

        // addressed to this bot: answered in the group, with the booking buttons
        Call list = askInGroup(CUSTOMER, "/services@" + FakeTelegramServer.BOT_USERNAME);
        // the form link, and "📅 Here" as the link into the private chat (booking in the chat works only there)
        assertEquals(List.of(link(FORM, 13700211, 0), "https://t.me/" + FakeTelegramServer.BOT_USERNAME + "?start=book"),
                list.buttonUrls());
        Call unknown = askInGroup(CUSTOMER, "/nosuchcommand@" + FakeTelegramServer.BOT_USERNAME);
        assertTrue(unknown.text().contains("Такой команды я не знаю"), unknown.text());

        // an admin pastes a token into the group: refused with the advice to revoke it, deletion attempted
        String leaked = "leakedTOKEN-in-group-0123456789";
        int[] leakedMessage = new int[1];
        List<Call> calls = exchange(() -> leakedMessage[0] = telegram.sendText(GROUP, "supergroup", ADMIN, "ru",
                "/settoken partner " + leaked));
        Call delete = single(calls, "deletemessage");
        assertEquals(GROUP, delete.chatId());
        assertEquals(leakedMessage[0], delete.body().path("message_id").asInt());
        Call refusal = single(calls, "sendmessage");
        assertEquals(GROUP, refusal.chatId());
        assertTrue(refusal.text().contains("отзовите его в YCLIENTS"), refusal.text());
        assertFalse(refusal.text().contains("сохранён"), refusal.text());

        // nothing was saved: the partner token in effect is still the one set in private
        Call status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("part…cdef"), status.text());
        assertNowhere(leaked);

        // /status asked in the group: the report goes to the asker's private chat, nothing to the group
        Call report = single(exchange(() -> telegram.sendText(GROUP, "supergroup", SUPPORT, "ru",
                "/status@" + FakeTelegramServer.BOT_USERNAME)), "sendmessage");
        assertEquals(SUPPORT, report.chatId());
        assertTrue(report.text().startsWith("📊 Состояние бота"), report.text());
        // the asker never started the bot (Telegram refuses the private message): the group is told to ask there
        telegram.failNext("sendmessage", 403, "Forbidden: bot can't initiate conversation with a user");
        List<Call> calls2 = exchange(() -> telegram.sendText(GROUP, "supergroup", SUPPORT, "ru",
                "/status@" + FakeTelegramServer.BOT_USERNAME));
        Call askThere = single(calls2.stream().filter(c -> c.resultMessageId() > 0).toList(), "sendmessage");
        assertEquals(GROUP, askThere.chatId());
        assertTrue(askThere.text().contains("написать вам первым не могу"), askThere.text());
        assertEquals(List.of("https://t.me/" + FakeTelegramServer.BOT_USERNAME), askThere.buttonUrls());
        assertEquals(SUPPORT, calls2.get(0).chatId(), "the private message was tried first: " + calls2);
    }
}
