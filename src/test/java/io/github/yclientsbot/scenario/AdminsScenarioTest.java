package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who the admins are and what reaches them: {@code /admins}, {@code /deladmin}, admins named in an {@code /import}
 * file, {@code /status} asked in a group, forwarded messages, and secrets sent as a caption.
 */
class AdminsScenarioTest extends ScenarioBase {
    private static final String LEAKED = "captionTOKEN-0123456789abcdef";

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
