package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.SecretCommands;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An update replayed from the inbox after a restart carries {@link SecretCommands#HIDDEN} where its secret or phone
 * number was (the inbox never stores them; {@code InboxMaskingTest} pins that form): the message is still deleted,
 * the mark is never taken for a token, a password, a claim code or a phone, and the user is asked to send it again.
 */
class InboxReplayScenarioTest extends InChatBookingBase {
    private static final String H = SecretCommands.HIDDEN;
    private static final String RESEND = "Отправьте сообщение ещё раз";
    private static final long OWNER = 5_550_001L;

    @Test
    void aReplayedTokenOrLoginIsDeletedAskedForAgainAndNothingIsStoredOrSentToYclients() {
        Turn token = say(ADMIN, "/settoken " + H + " " + H);
        assertEquals(bot.lastUserMessageId(), token.delete().messageId(), "the message with the token still goes");
        assertTrue(token.message().text().contains(RESEND), token.toString());

        Turn login = say(ADMIN, "/yclogin " + H + " " + H);
        assertEquals(bot.lastUserMessageId(), login.delete().messageId());
        assertTrue(login.message().text().contains(RESEND), login.toString());
        Turn english = bot.text(ADMIN, ChatType.PRIVATE, ADMIN, "en", "/settoken@" + ChatHarness.BOT_USERNAME
                + " " + H + " " + H);
        assertTrue(english.message().text().contains("Please send it again"), english.toString());

        assertTrue(ask(ADMIN, "/status").text().contains("Партнёрский токен: не задан"));
        assertTrue(yclients.requests().isEmpty(), "no login was tried: " + yclients.requests());

        // in a group the answer needs no secret: the token was posted there, so it is to be revoked
        Turn inGroup = bot.text(GROUP, ChatType.SUPERGROUP, ADMIN, "ru", "/settoken " + H + " " + H);
        assertEquals(1, inGroup.deletes().size(), inGroup.toString());
        assertTrue(inGroup.message().text().contains("отзовите"), inGroup.toString());

        // sent again, it works
        setUpCompany();
    }

    @Test
    void aReplayedClaimIsNotCountedAsAWrongCode() throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.remove("BOT_ADMINS");
        ownBot(dir, env);
        Matcher m = Pattern.compile("/claim ([A-Z0-9-]+)").matcher(logs.text());
        assertTrue(m.find(), logs.text());

        for (int i = 0; i < 6; i++) {
            Turn replayed = say(OWNER, "/claim " + H);
            assertTrue(replayed.message().text().contains(RESEND), replayed.toString());
            assertEquals(bot.lastUserMessageId(), replayed.delete().messageId());
        }
        assertTrue(ask(OWNER, "/claim " + m.group(1)).text().contains("теперь вы администратор"),
                "six replays did not use up the five tries");
    }

    @Test
    void aReplayedPhoneNumberIsAskedForAgainAtThePhoneStep() {
        setUpCompany();
        mapHaircut();
        int flow = walkToTimes();
        assertTrue(pickTime(flow, "bk:t:20261201:0").message().asksForContact());

        Outgoing typed = ask(CUSTOMER, H);
        assertTrue(typed.text().contains(RESEND), typed.text());
        Outgoing shared = bot.contact(CUSTOMER, CUSTOMER, H).message();
        assertTrue(shared.text().contains(RESEND), shared.text());
        String draft = bot.database().bookingStates().find(CUSTOMER).orElseThrow().json();
        assertTrue(draft.contains("\"step\":\"CONTACT\"") && !draft.contains(H), "still at the phone step: " + draft);

        Outgoing summary = bot.contact(CUSTOMER, CUSTOMER, "+7 (916) 123-45-67").messages().get(1);
        assertTrue(summary.text().contains("+7 916 123-45-67"), summary.text());
        assertFalse(bot.database().bookingStates().find(CUSTOMER).orElseThrow().json().contains("9161234567"));
    }
}
