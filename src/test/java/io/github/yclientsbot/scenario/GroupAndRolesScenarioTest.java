package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups, the one-time claim code, and what customers see in their own language. */
class GroupAndRolesScenarioTest extends ScenarioBase {
    private static final Pattern CLAIM = Pattern.compile("/claim ([A-Z0-9-]+)");
    private static final long OWNER = 4004;
    private static final long LATECOMER = 5005;

    @Test
    void inAGroupOnlyCommandsForThisBotAreAnsweredAndATokenIsRefusedAndNotSaved() throws Exception {
        setUpCompany();
        mapHaircut();

        // a command for another bot, and plain chatter: the bot stays silent
        for (String chatter : List.of("/services@OtherBot", "Девочки, кто записан на субботу?", "/nosuchcommand")) {
            Turn ignored = bot.text(GROUP, ChatType.SUPERGROUP, CUSTOMER, "ru", chatter);
            assertEquals(List.of(), ignored.all(), chatter);
        }

        // addressed to this bot: answered in the group, with the booking buttons
        Outgoing list = askInGroup(CUSTOMER, "/services@" + ChatHarness.BOT_USERNAME);
        // the form link, and "📅 Here" as the link into the private chat (booking in the chat works only there)
        assertEquals(List.of(link(FORM, 13700211, 0), "https://t.me/" + ChatHarness.BOT_USERNAME + "?start=book"),
                list.buttonUrls());
        Outgoing unknown = askInGroup(CUSTOMER, "/nosuchcommand@" + ChatHarness.BOT_USERNAME);
        assertTrue(unknown.text().contains("Такой команды я не знаю"), unknown.text());

        // an admin pastes a token into the group: refused with the advice to revoke it, deletion attempted
        String leaked = "leakedTOKEN-in-group-0123456789";
        Turn calls = bot.text(GROUP, ChatType.SUPERGROUP, ADMIN, "ru", "/settoken partner " + leaked);
        Outgoing delete = calls.delete();
        assertEquals(GROUP, delete.chatId());
        assertEquals(bot.lastUserMessageId(), delete.messageId());
        Outgoing refusal = calls.message();
        assertEquals(GROUP, refusal.chatId());
        assertTrue(refusal.text().contains("отзовите его в YCLIENTS"), refusal.text());
        assertFalse(refusal.text().contains("сохранён"), refusal.text());

        // nothing was saved: the partner token in effect is still the one set in private
        Outgoing status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("part…cdef"), status.text());
        assertNowhere(leaked);
    }

    @Test
    void aTokenInAGroupBeforeAnyTokenWasSetLeavesThePartnerTokenUnset() throws Exception {
        Turn calls = bot.text(GROUP, ChatType.GROUP, ADMIN, "ru", "/settoken partner groupTOKEN-0123456789");
        assertEquals(1, calls.deletes().size(), calls.toString());
        assertTrue(calls.message().text().contains("отзовите"));

        Outgoing status = ask(ADMIN, "/status");
        assertTrue(status.text().contains("Партнёрский токен: не задан"), status.text());
        assertTrue(yclients.requests().isEmpty(), "nothing was checked against YCLIENTS: " + yclients.requests());
    }

    @Test
    void withoutAdminsTheOneTimeClaimCodeFromTheLogMakesTheFirstClaimantAdmin() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("BOT_ADMINS");
        ownBot(dir, env);
        Matcher m = CLAIM.matcher(logs.text());
        assertTrue(m.find(), "the claim code is in the start-up log:\n" + logs.text());
        String code = m.group(1);

        // not an admin yet
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));

        // a wrong code is refused, and the message carrying it is deleted all the same
        Turn wrong = say(OWNER, "/claim WRONG");
        assertTrue(wrong.message().text().contains("Код неверный"));
        assertEquals(bot.lastUserMessageId(), wrong.delete().messageId());
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));

        // anyone may post a wrong code in a group: answered and deleted like the right one, but the code stays as it
        // is (replacing it for every post would let anyone keep the owner from ever claiming)
        for (String wrongInGroup : List.of("/claim AAAAA-BBBBB", "/claim@" + ChatHarness.BOT_USERNAME + " x", "/claim")) {
            Turn answered = bot.text(GROUP, ChatType.SUPERGROUP, LATECOMER, "ru", wrongInGroup);
            assertTrue(answered.message().text().contains("в личный чат"), answered.toString());
        }
        assertFalse(logs.text().contains("New code"), "a wrong code in a group replaced the code:\n" + logs.text());

        // the right code in a group is refused (claims are private), and the bot tries to take it out of sight
        Turn inGroup = bot.text(GROUP, ChatType.SUPERGROUP, OWNER, "ru", "/claim " + code);
        assertTrue(inGroup.message().text().contains("в личный чат"), inGroup.toString());
        assertEquals(GROUP, inGroup.message().chatId());
        assertEquals(bot.lastUserMessageId(), inGroup.delete().messageId());
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));
        // the whole group saw that code: it no longer works, and a new one is in the log
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("New code: /claim ([A-Z0-9-]+)").matcher(logs.text());
        assertTrue(fresh.find(), "a new claim code is logged");
        String newCode = fresh.group(1);
        assertTrue(!newCode.equals(code));
        assertTrue(ask(OWNER, "/claim " + code).text().contains("Код неверный"), "the code seen in the group is dead");

        // the new code in private: admin, and the message is deleted
        Turn claimed = say(OWNER, "/claim " + newCode);
        assertTrue(claimed.message().text().contains("теперь вы администратор"), claimed.toString());
        Outgoing delete = claimed.delete();
        assertEquals(OWNER, delete.chatId());
        assertEquals(bot.lastUserMessageId(), delete.messageId());
        assertTrue(ask(OWNER, "/admin").text().startsWith("Команды настройки"));
        assertTrue(ask(OWNER, "/whoami").text().contains("администратор"));
        // the new admin's chat gets the admin menu once they write as admin
        Outgoing menu = bot.history().stream().filter(o -> o.isMenu() && o.chatId() == OWNER).findFirst().orElseThrow();
        assertTrue(menu.commands().contains("settoken"), menu.toString());

        // the code is spent: another user gets nothing from it
        Outgoing second = ask(LATECOMER, "/claim " + code);
        assertTrue(second.text().contains("нечего получать"), second.text());
        assertTrue(ask(LATECOMER, "/admin").text().contains("только для администраторов"));
        assertTrue(logs.text().contains("User " + OWNER + " claimed the bot"), "the claim is logged with the user id");

        // the code never appeared in anything the bot sent (it was typed into the group, but never echoed)
        for (Outgoing c : bot.history()) {
            assertFalse(c.toString().contains(code) || c.toString().contains(newCode), "claim code in " + c);
        }

        // claimed admins are stored: still admin after a restart, and no new code is printed
        int codesBefore = countClaimCodes();
        bot.restart();
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
        setUpCompany();
        mapHaircut();

        // a sticker, an unknown command, a plain text: short hints, never silence or a crash
        Outgoing sticker = bot.other(CUSTOMER).message();
        assertTrue(sticker.text().contains("не умею это читать"), sticker.text());
        assertTrue(ask(CUSTOMER, "/nosuchcommand").text().contains("Такой команды я не знаю"));
        assertTrue(ask(CUSTOMER, "хочу на стрижку").text().contains("/services"));

        // /start greets with the business's name and shows the buttons
        Outgoing start = ask(CUSTOMER, "/start");
        assertTrue(start.text().contains("Здравствуйте") && start.text().contains(COMPANY_TITLE), start.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), start.buttonUrls());

        // /whoami: the id and the role
        Outgoing who = ask(CUSTOMER, "/whoami");
        assertTrue(who.text().contains(Long.toString(CUSTOMER)) && who.text().contains("клиент"), who.text());
        Outgoing supportWho = ask(SUPPORT, "/whoami");
        assertTrue(supportWho.text().contains(Long.toString(SUPPORT)) && supportWho.text().contains("поддержка"), supportWho.text());
        Outgoing groupWho = askInGroup(CUSTOMER, "/whoami@" + ChatHarness.BOT_USERNAME);
        assertTrue(groupWho.text().contains(Long.toString(GROUP)), "in a group /whoami also names the chat: " + groupWho.text());

        // an English user gets English; a German one gets bot.language (ru by default)
        long english = 6006;
        long german = 7007;
        Outgoing en = askInLanguage(english, "en", "/start");
        assertTrue(en.text().startsWith("Hello! This is the online booking bot of " + COMPANY_TITLE), en.text());
        assertEquals(List.of(link(FORM, 13700211, 0)), en.buttonUrls());
        Outgoing enWho = askInLanguage(english, "en-GB", "/whoami");
        assertTrue(enWho.text().contains("customer"), enWho.text());
        Outgoing enRefused = askInLanguage(english, "en", "/setcompany 1");
        assertFalse(enRefused.text().matches("(?s).*[А-Яа-я].*"), "no Russian in the English refusal: " + enRefused.text());
        Outgoing de = askInLanguage(german, "de", "/whoami");
        assertTrue(de.text().contains("Ваш Telegram id") && de.text().contains("клиент"), de.text());
        Outgoing deHint = askInLanguage(german, "de", "guten Tag");
        assertTrue(deHint.text().contains("Я понимаю команды"), deHint.text());
    }

    @Test
    void botLanguageEnglishIsTheDefaultForOtherLanguages() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.put("BOT_LANGUAGE", "en");
        ownBot(dir, env);
        Outgoing de = askInLanguage(7007, "de", "/whoami");
        assertTrue(de.text().contains("customer"), de.text());
        Outgoing ru = askInLanguage(7008, "ru", "/whoami");
        assertTrue(ru.text().contains("клиент"), ru.text());
    }
}
