package io.github.yclientsbot;

import io.github.yclientsbot.testing.FakeTelegramServer;
import io.github.yclientsbot.testing.FakeTelegramServer.Call;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups, the one-time claim code, and what customers see in their own language. */
class GroupAndRolesEndToEndTest extends EndToEndBase {
    private static final Pattern CLAIM = Pattern.compile("/claim ([A-Z0-9-]+)");
    private static final long OWNER = 4004;
    private static final long LATECOMER = 5005;

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
    }

    @Test
    void aTokenInAGroupBeforeAnyTokenWasSetLeavesThePartnerTokenUnset() throws Exception {
        startBot();
        List<Call> calls = exchange(() -> telegram.sendText(GROUP, "group", ADMIN, "ru", "/settoken partner groupTOKEN-0123456789"));
        assertEquals(1, only(calls, "deletemessage").size(), calls.toString());
        assertTrue(single(calls, "sendmessage").text().contains("отзовите"));

        Call status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("Партнёрский токен: не задан"), status.text());
        assertTrue(yclients.requests().isEmpty(), "nothing was checked against YCLIENTS: " + yclients.requests());
    }

    @Test
    void withoutAdminsTheOneTimeClaimCodeFromTheLogMakesTheFirstClaimantAdmin() throws Exception {
        Map<String, String> env = env();
        env.remove("BOT_ADMINS");
        startBot(env);
        Matcher m = CLAIM.matcher(logs.text());
        assertTrue(m.find(), "the claim code is in the start-up log:\n" + logs.text());
        String code = m.group(1);

        // not an admin yet
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));

        // a wrong code is refused, and the message carrying it is deleted all the same
        int[] wrongMessage = new int[1];
        List<Call> wrong = exchange(() -> wrongMessage[0] = telegram.sendPrivateText(OWNER, "/claim WRONG"));
        assertTrue(single(wrong, "sendmessage").text().contains("Код неверный"));
        assertEquals(wrongMessage[0], single(wrong, "deletemessage").body().path("message_id").asInt());
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));

        // the right code in a group is refused (claims are private), and the bot tries to take it out of sight
        int[] groupMessage = new int[1];
        List<Call> inGroup = exchange(() -> groupMessage[0] = telegram.sendText(GROUP, "supergroup", OWNER, "ru", "/claim " + code));
        assertTrue(single(inGroup, "sendmessage").text().contains("в личный чат"), inGroup.toString());
        assertEquals(GROUP, single(inGroup, "sendmessage").chatId());
        assertEquals(groupMessage[0], single(inGroup, "deletemessage").body().path("message_id").asInt());
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));
        // the whole group saw that code: it no longer works, and a new one is in the log
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("New code: /claim ([A-Z0-9-]+)").matcher(logs.text());
        assertTrue(fresh.find(), "a new claim code is logged");
        String newCode = fresh.group(1);
        assertTrue(!newCode.equals(code));
        assertTrue(ask(OWNER, "/claim " + code).text().contains("Код неверный"), "the code seen in the group is dead");

        // the new code in private: admin, and the message is deleted
        int[] claimMessage = new int[1];
        List<Call> claimed = exchange(() -> claimMessage[0] = telegram.sendPrivateText(OWNER, "/claim " + newCode));
        assertTrue(single(claimed, "sendmessage").text().contains("теперь вы администратор"), claimed.toString());
        Call delete = single(claimed, "deletemessage");
        assertEquals(OWNER, delete.chatId());
        assertEquals(claimMessage[0], delete.body().path("message_id").asInt());
        assertTrue(ask(OWNER, "/admin").text().startsWith("Команды настройки"));
        assertTrue(ask(OWNER, "/whoami").text().contains("администратор"));
        // the new admin's chat gets the admin menu once they write as admin
        Call menu = telegram.await(c -> c.method().equals("setmycommands") && c.body().path("scope").path("chat_id").asLong() == OWNER,
                1, WAIT).get(0);
        assertTrue(menu.body().toString().contains("\"settoken\""), menu.body().toString());

        // the code is spent: another user gets nothing from it
        Call second = ask(LATECOMER, "/claim " + code);
        assertTrue(second.text().contains("нечего получать"), second.text());
        assertTrue(ask(LATECOMER, "/admin").text().contains("только для администраторов"));
        assertTrue(logs.text().contains("User " + OWNER + " claimed the bot"), "the claim is logged with the user id");

        // the code never appeared in anything the bot sent (it was typed into the group, but never echoed)
        for (Call c : telegram.calls()) {
            assertFalse(c.body().toString().contains(code) || c.body().toString().contains(newCode), "claim code in " + c.method() + ": " + c.body());
        }

        // claimed admins are stored: still admin after a restart, and no new code is printed
        stopBot();
        int codesBefore = countClaimCodes();
        startBot(env);
        assertEquals(codesBefore, countClaimCodes(), "no claim code once an admin exists");
        assertTrue(ask(OWNER, "/admin").text().startsWith("Команды настройки"));
    }

    private int countClaimCodes() {
        Matcher m = CLAIM.matcher(logs.text());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void customersGetHintsGreetingsAndTheirOwnLanguage() throws Exception {
        startBot();
        setUpCompany();
        mapHaircut();

        // a sticker, an unknown command, a plain text: short hints, never silence or a crash
        telegram.sendSticker(CUSTOMER);
        Call sticker = telegram.await(sendTo(CUSTOMER), 1, WAIT).get(0);
        assertTrue(sticker.text().contains("не умею это читать"), sticker.text());
        assertTrue(ask(CUSTOMER, "/nosuchcommand").text().contains("Такой команды я не знаю"));
        assertTrue(ask(CUSTOMER, "хочу на стрижку").text().contains("/services"));

        // /start greets with the business's name and shows the buttons
        Call start = ask(CUSTOMER, "/start");
        assertTrue(start.text().contains("Здравствуйте") && start.text().contains(COMPANY_TITLE), start.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), start.buttonUrls());

        // /whoami: the id and the role
        Call who = ask(CUSTOMER, "/whoami");
        assertTrue(who.text().contains(Long.toString(CUSTOMER)) && who.text().contains("клиент"), who.text());
        Call supportWho = ask(SUPPORT, "/whoami");
        assertTrue(supportWho.text().contains(Long.toString(SUPPORT)) && supportWho.text().contains("поддержка"), supportWho.text());
        Call groupWho = askInGroup(CUSTOMER, "/whoami@" + FakeTelegramServer.BOT_USERNAME);
        assertTrue(groupWho.text().contains(Long.toString(GROUP)), "in a group /whoami also names the chat: " + groupWho.text());

        // an English user gets English; a German one gets bot.language (ru by default)
        long english = 6006;
        long german = 7007;
        Call en = askInLanguage(english, "en", "/start");
        assertTrue(en.text().startsWith("Hello! This is the online booking bot of " + COMPANY_TITLE), en.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), en.buttonUrls());
        Call enWho = askInLanguage(english, "en-GB", "/whoami");
        assertTrue(enWho.text().contains("customer"), enWho.text());
        Call enRefused = askInLanguage(english, "en", "/setcompany 1");
        assertFalse(enRefused.text().matches("(?s).*[А-Яа-я].*"), "no Russian in the English refusal: " + enRefused.text());
        Call de = askInLanguage(german, "de", "/whoami");
        assertTrue(de.text().contains("Ваш Telegram id") && de.text().contains("клиент"), de.text());
        Call deHint = askInLanguage(german, "de", "guten Tag");
        assertTrue(deHint.text().contains("Я понимаю команды"), deHint.text());
    }

    @Test
    void botLanguageEnglishIsTheDefaultForOtherLanguages() throws Exception {
        Map<String, String> env = env();
        env.put("BOT_LANGUAGE", "en");
        startBot(env);
        Call de = askInLanguage(7007, "de", "/whoami");
        assertTrue(de.text().contains("customer"), de.text());
        Call ru = askInLanguage(7008, "ru", "/whoami");
        assertTrue(ru.text().contains("клиент"), ru.text());
    }
}
