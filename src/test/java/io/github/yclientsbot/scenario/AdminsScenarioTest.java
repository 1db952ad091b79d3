package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who the admins are and what reaches them: {@code /admins}, {@code /deladmin}, admins named in an {@code /import}
 * file, {@code /status} asked in a group, forwarded messages, and secrets sent as a caption.
 */
class AdminsScenarioTest extends ScenarioBase {
    private static final String LEAKED = "captionTOKEN-0123456789abcdef";
    private static final long OWNER = 4004;
    private static final long HELPER = 5005;
    private static final java.util.List<String> CUSTOMER_MENU = io.github.yclientsbot.chat.ChatBot.CUSTOMER_MENU;

    @Test
    void adminsSaysWhereEachComesFromAndDeladminRemovesOnlyAdminsAddedInChatAtOnce() throws Exception {
        // GIVEN the admin from the configuration, one who claimed the bot and one who came with an import
        bot.database().admins().add(OWNER, "claim");
        clock.advance(java.time.Duration.ofMinutes(90));
        bot.database().admins().add(HELPER, "import");
        bot.restart();

        Outgoing list = ask(ADMIN, "/admins");
        assertEquals("""
                👤 Администраторы бота:
                • 1001 — из настроек (bot.admins) (это вы)
                • 4004 — получил права кодом /claim, 2026-11-20 09:00 UTC
                • 5005 — добавлен из файла /import, 2026-11-20 10:30 UTC""", list.text().substring(0, list.text().indexOf("\n\n")));
        assertTrue(list.text().contains("/deladmin <id>"), list.text());
        assertTrue(ask(HELPER, "/admin").text().startsWith("Команды настройки"));

        // the configuration's admin is removed in the configuration only; a stranger is nobody to remove
        assertTrue(ask(HELPER, "/deladmin 1001").text().contains("из настроек (bot.admins), из чата его не убрать"));
        assertTrue(ask(ADMIN, "/deladmin 777").text().contains("777 не администратор"));
        assertTrue(ask(ADMIN, "/deladmin").text().startsWith("Использование: /deladmin"));
        assertTrue(ask(ADMIN, "/deladmin 5005 4004").text().startsWith("Использование: /deladmin"));

        // removed: effective at once, no restart
        assertTrue(ask(ADMIN, "/deladmin 5005").text().contains("5005 больше не администратор"));
        Turn refused = say(HELPER, "/admin");
        assertTrue(refused.message().text().contains("только для администраторов"));
        // the admin commands leave their chat's menu with their next message
        assertEquals(java.util.List.of(CUSTOMER_MENU), refused.menus().stream().map(Outgoing::commands).toList());
        assertTrue(ask(HELPER, "/deladmin 4004").text().contains("только для администраторов"));
        assertFalse(ask(ADMIN, "/admins").text().contains("5005"));
        assertEquals("deladmin", bot.database().auditLog().latest(1).get(0).action());

        // not in a group (the list names people), and not for customers
        assertTrue(askInGroup(ADMIN, "/admins@" + ChatHarness.BOT_USERNAME).text().contains("только в личном чате"));
        assertTrue(ask(CUSTOMER, "/admins").text().contains("только для администраторов"));
        // the admin's menu and help name both commands
        assertTrue(ask(ADMIN, "/admin").text().contains("/deladmin <id>"));
        Outgoing menu = bot.history().stream().filter(o -> o.isMenu() && o.chatId() == ADMIN).findFirst().orElseThrow();
        assertTrue(menu.commands().containsAll(java.util.List.of("admins", "deladmin")), menu.toString());
    }

    @Test
    void adminsNamedInAnImportFileAreAddedOnlyAfterAYesAndAtOnce() throws Exception {
        // GIVEN an export of a bot set up in chat, with an admin who claimed it
        setUpCompany();
        mapHaircut();
        bot.database().admins().add(OWNER, "claim");
        bot.restart();
        Outgoing export = say(ADMIN, "/export").document();
        java.util.List<String> buttons = ask(CUSTOMER, "/services").buttonUrls();
        assertEquals(1, buttons.size());

        // a fresh bot with only the configuration's admin
        java.nio.file.Path dir = newDir();
        java.util.Map<String, String> env = env(dir);
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        ownBot(dir, env);

        // WHEN the admin sends the file: a yes/no that shows the new admin's id, and nothing is changed yet
        Outgoing question = bot.document(ADMIN, export.fileName(), export.file(), "/import").message();
        assertTrue(question.text().contains("4004") && question.text().contains("ничего не изменено"), question.text());
        assertEquals(java.util.List.of("Да, сделать администраторами", "Нет, загрузить без них"), question.buttonTexts());
        assertTrue(ask(CUSTOMER, "/services").buttonUrls().isEmpty(), "nothing imported before the answer");
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));
        // a customer's press on it (a forged one) changes nothing
        assertTrue(press(CUSTOMER, question.messageId(), question.callbackData().get(0)).answer().text()
                .contains("только для администраторов"));

        // "No": the settings and buttons are imported, the admin is not added
        Outgoing no = press(ADMIN, question.messageId(), question.callbackData().get(1)).edit();
        assertTrue(no.text().startsWith("✅ Загружено") && no.text().contains("добавлено администраторов: 0"), no.text());
        assertEquals(buttons, ask(CUSTOMER, "/services").buttonUrls());
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));
        // the question is answered: its other button is stale now
        assertTrue(press(ADMIN, question.messageId(), question.callbackData().get(0)).answer().text().contains("устарел"));

        // the file again, "Yes": the admin is added and is an admin at once, without a restart
        Outgoing again = bot.document(ADMIN, export.fileName(), export.file(), "/import").message();
        Outgoing yes = press(ADMIN, again.messageId(), again.callbackData().get(0)).edit();
        assertTrue(yes.text().contains("добавлено администраторов: 1"), yes.text());
        assertTrue(ask(OWNER, "/admin").text().startsWith("Команды настройки"));
        assertTrue(ask(ADMIN, "/admins").text().contains("• 4004 — добавлен из файла /import"));

        // a file whose admins are all admins here already imports at once, no question
        Outgoing direct = bot.document(ADMIN, export.fileName(), export.file(), "/import").message();
        assertTrue(direct.text().startsWith("✅ Загружено"), direct.text());

        // an unanswered question expires (a new file, or 30 minutes)
        bot.database().admins().remove(OWNER);
        bot.restart();
        Outgoing late = bot.document(ADMIN, export.fileName(), export.file(), "/import").message();
        clock.advance(java.time.Duration.ofMinutes(31));
        assertTrue(press(ADMIN, late.messageId(), late.callbackData().get(0)).answer().text().contains("устарел"));
        assertTrue(ask(OWNER, "/admin").text().contains("только для администраторов"));

        // more new admins than a message can show: only "without them" is offered — no one becomes an admin unseen
        String ids = java.util.stream.LongStream.rangeClosed(10_001, 10_101).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        String many = new String(export.file(), StandardCharsets.UTF_8)
                .replaceAll("\"admins\"\\s*:\\s*\\[[^\\]]*\\]", "\"admins\" : [" + ids + "]");
        assertTrue(many.contains("10101"), many);
        Outgoing tooMany = bot.document(ADMIN, "many.json", many.getBytes(StandardCharsets.UTF_8), "/import").message();
        assertTrue(tooMany.text().contains("101 администраторов"), tooMany.text());
        assertEquals(java.util.List.of("Нет, загрузить без них"), tooMany.buttonTexts());
    }

    @Test
    void statusAskedInAGroupIsAnsweredInTheAskersPrivateChat() {
        setUpCompany();
        Turn asked = bot.text(GROUP, ChatType.SUPERGROUP, SUPPORT, "ru", "/status@" + ChatHarness.BOT_USERNAME);
        Outgoing report = asked.message();
        assertEquals(SUPPORT, report.chatId(), "the report goes to the private chat: " + asked);
        assertTrue(report.text().startsWith("📊 Состояние бота") && report.text().contains("part…cdef"), report.text());
        // only when Telegram refuses that (the asker never started the bot) is the group told to ask there
        assertEquals(GROUP, report.otherwise().chatId());
        assertTrue(report.otherwise().text().contains("написать вам первым не могу"), report.otherwise().text());
        assertEquals("https://t.me/" + ChatHarness.BOT_USERNAME, report.otherwise().keyboard().rows().get(0).get(0).url());
        assertTrue(asked.all().stream().noneMatch(o -> o.chatId() == GROUP), "nothing else in the group: " + asked);

        // a customer is refused in the group as before; in a private chat the report comes as ever
        assertTrue(askInGroup(CUSTOMER, "/status@" + ChatHarness.BOT_USERNAME).text().contains("поддержки"));
        Outgoing privately = ask(ADMIN, "/status");
        assertTrue(privately.text().startsWith("📊 Состояние бота") && privately.otherwise() == null, privately.toString());
    }

    @Test
    void theLastAdminIsNeverRemoved() throws Exception {
        java.nio.file.Path dir = newDir();
        java.util.Map<String, String> env = env(dir);
        env.remove("BOT_ADMINS");
        ownBot(dir, env);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("/claim ([A-Z0-9-]+)").matcher(logs.text());
        assertTrue(code.find(), logs.text());
        assertTrue(ask(OWNER, "/claim " + code.group(1)).text().contains("теперь вы администратор"));

        assertTrue(ask(OWNER, "/admins").text().contains("• 4004 — получил права кодом /claim, 2026-11-20 09:00 UTC (это вы)"));
        assertTrue(ask(OWNER, "/deladmin 4004").text().contains("единственный администратор"));
        assertTrue(ask(OWNER, "/admin").text().startsWith("Команды настройки"), "still the admin");
    }

    @Test
    void aSecretSentAsACaptionIsDeletedLikeATypedOne() {
        // a file with the caption "/settoken partner …": the message goes at once, before anything else happens
        Turn file = bot.document(ADMIN, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "/settoken partner " + LEAKED);
        assertEquals(bot.lastUserMessageId(), file.delete().messageId());
        assertEquals(ADMIN, file.delete().chatId());
        assertEquals(file.delete(), file.all().get(0), "deleted first: " + file);

        // a photo with such a caption, in a group, from a customer: deleted as well (no command runs from a photo)
        Turn photo = bot.send(Incoming.other(1, GROUP, ChatType.SUPERGROUP, CUSTOMER, "Customer", "ru", 4321,
                "/yclogin@" + ChatHarness.BOT_USERNAME + " +79161234567 " + LEAKED));
        assertEquals(4321, photo.delete().messageId());
        assertEquals(GROUP, photo.delete().chatId());
        assertTrue(photo.messages().isEmpty(), photo.toString());
        assertNowhere(LEAKED);
    }

    @Test
    void aForwardedMessageNeverRunsACommand() {
        setUpCompany();
        mapHaircut();
        // the admin forwards a message that says /disable (or a file captioned /import): nothing runs, a hint says why
        Turn disable = bot.send(Incoming.text(1, ADMIN, ChatType.PRIVATE, ADMIN, "Admin", "ru", 4400, "/disable").asForwarded());
        assertTrue(disable.message().text().contains("Пересланные сообщения"), disable.toString());
        Turn file = bot.send(Incoming.document(2, ADMIN, ChatType.PRIVATE, ADMIN, "Admin", "ru", 4401, "/import",
                new Incoming.Document("file-x", "export.json", 10)).asForwarded());
        assertTrue(file.message().text().contains("Пересланные сообщения"), file.toString());
        // in a group such a forward is not even answered
        assertTrue(bot.send(Incoming.text(3, GROUP, ChatType.SUPERGROUP, ADMIN, "Admin", "ru", 4402,
                "/disable@" + ChatHarness.BOT_USERNAME).asForwarded()).isEmpty());
        assertTrue(ask(ADMIN, "/status").text().contains("включена"), "online booking is still on");
        assertEquals(1, ask(CUSTOMER, "/services").buttonUrls().size());

        // a forwarded secret is still deleted (it is out in the chat either way), and still not run
        Turn secret = bot.send(Incoming.text(4, ADMIN, ChatType.PRIVATE, ADMIN, "Admin", "ru", 4403,
                "/settoken partner " + LEAKED).asForwarded());
        assertEquals(4403, secret.delete().messageId());
        assertTrue(secret.message().text().contains("Пересланные сообщения"), secret.toString());
        assertTrue(ask(ADMIN, "/status").text().contains("part…cdef"), "the partner token did not change");
    }
}
