package io.github.yclientsbot.scenario;

import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, admins: with several branches, /setservice, /delservice and /yservices without {@code branch=} ask the
 * branch with one button per branch; the press runs the command for that branch and the question becomes its answer.
 * Only the asking admin may answer, once; a question from before a restart (or older than 30 minutes) is out of date.
 */
class BranchAskScenarioTest extends ScenarioBase {
    static final long EKB = Salon.BRANCH_EKB;
    static final long OTHER_ADMIN = 4004;
    /** A title long enough that the command could never ride in a button's 64 bytes. */
    static final String LONG_TITLE = "Мужская стрижка машинкой и ножницами с мытьём головы";

    private int groupUpdates = 900_000;

    @BeforeEach
    void twoBranches() {
        Salon.serveBranches(yclients);
    }

    private ServiceMappings mappings() {
        return bot.database().serviceMappings();
    }

    /** The salon set up with its haircut button, then the Yekaterinburg branch added: two branches. */
    private void twoBranchSalon() {
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));
    }

    /** The button of {@code question} for {@code branch}. */
    private static String buttonFor(Outgoing question, long branch) {
        return question.callbackData().stream().filter(d -> d.endsWith(":" + branch)).findFirst()
                .orElseThrow(() -> new AssertionError("no button for branch " + branch + " in " + question));
    }

    /** A press by {@code user} on a button of message {@code messageId} in the salon's group. */
    private Turn pressInGroup(long user, int messageId, String data) {
        int update = ++groupUpdates;
        return bot.send(Incoming.callback(update, GROUP, ChatType.SUPERGROUP, user, "User" + user, "ru", messageId,
                "gcb" + update, data));
    }

    @Test
    void setServiceWithoutBranchIsAskedAndThePressSavesTheButtonInThatBranchOnly() {
        twoBranchSalon();

        // WHEN the admin adds a button without branch=
        Outgoing question = ask(ADMIN, "/setservice 13700215 " + LONG_TITLE);

        // THEN asked, one button per branch (its title and city), nothing saved yet
        assertTrue(question.text().contains("Для какого филиала /setservice 13700215 " + LONG_TITLE + "?"), question.text());
        assertEquals(List.of("Студия «Лён», Москва", "Студия «Лён» Екатеринбург, Екатеринбург"), question.buttonTexts());
        assertTrue(("/setservice 13700215 " + LONG_TITLE).getBytes(StandardCharsets.UTF_8).length > 64, "the test's point");
        for (String data : question.callbackData()) {
            assertTrue(data.startsWith("abr:") && data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
        }
        assertEquals(0, mappings().count(EKB));

        // WHEN the Yekaterinburg branch is pressed
        Turn pressed = press(ADMIN, question.messageId(), buttonFor(question, EKB));

        // THEN the question becomes the command's answer, and the button is that branch's, with the admin's title
        Outgoing answer = pressed.edit();
        assertEquals(question.messageId(), answer.messageId());
        assertTrue(answer.text().contains(LONG_TITLE), answer.text());
        assertTrue(answer.callbackData().isEmpty(), "the branch buttons are gone");
        assertTrue(pressed.messages().isEmpty(), pressed.messages().toString());
        assertEquals(1, pressed.answers().size());
        assertEquals(LONG_TITLE, mappings().find(EKB, 13700215, 0).orElseThrow().title());
        assertEquals(1, mappings().count(EKB));
        assertEquals(1, mappings().count(COMPANY), "the first branch keeps only its haircut");

        // AND a second press (the same button, or the other branch's) does nothing again
        Turn again = press(ADMIN, question.messageId(), buttonFor(question, EKB));
        assertTrue(again.answer().text().contains("Уже выполнено"), again.answer().text());
        assertTrue(again.edits().isEmpty() && again.messages().isEmpty(), again.all().toString());
        Turn other = press(ADMIN, question.messageId(), buttonFor(question, COMPANY));
        assertTrue(other.answer().text().contains("Уже выполнено"), other.answer().text());
        assertEquals(1, mappings().count(COMPANY));
        assertEquals(1, mappings().count(EKB));

        // AND branch= still works without a question; a malformed or unknown one gets the usage line naming the branches
        assertTrue(ask(ADMIN, "/setservice 13700342 branch=" + EKB).text().contains("Маникюр"));
        String unknown = ask(ADMIN, "/setservice 13700342 branch=42").text();
        assertTrue(unknown.contains("укажите филиал") && unknown.contains("branch=611205"), unknown);
        // and a bad line is refused before any question
        assertTrue(ask(ADMIN, "/setservice abc").text().startsWith("Использование: /setservice"));
        assertTrue(ask(ADMIN, "/delservice").text().startsWith("Использование: /delservice"));
    }

    @Test
    void delServiceAndYservicesAreAskedToo() {
        twoBranchSalon();
        assertTrue(ask(ADMIN, "/setservice 13700211 branch=" + EKB).text().contains("Женская стрижка"));

        // /delservice: the pressed branch's button goes, the other branch's stays
        Outgoing del = ask(ADMIN, "/delservice 13700211");
        assertTrue(del.text().contains("/delservice 13700211?"), del.text());
        assertEquals(1, mappings().count(EKB));
        Outgoing deleted = press(ADMIN, del.messageId(), buttonFor(del, EKB)).edit();
        assertTrue(deleted.text().contains("13700211"), deleted.text());
        assertEquals(0, mappings().count(EKB));
        assertEquals(1, mappings().count(COMPANY));

        // /yservices: the question becomes the branch's list, its ➕ buttons that branch's
        Outgoing which = ask(ADMIN, "/yservices");
        assertTrue(which.text().contains("Для какого филиала /yservices?"), which.text());
        Outgoing first = press(ADMIN, which.messageId(), buttonFor(which, COMPANY)).edit();
        assertEquals(which.messageId(), first.messageId());
        assertTrue(first.buttonTexts().contains("✅ Женская стрижка"), first.buttonTexts().toString());
        assertTrue(first.callbackData().contains("ysm:13700342:" + COMPANY), first.callbackData().toString());

        Outgoing again = ask(ADMIN, "/yservices");
        Outgoing ekb = press(ADMIN, again.messageId(), buttonFor(again, EKB)).edit();
        assertTrue(ekb.buttonTexts().contains("➕ Женская стрижка"), "not a button in Yekaterinburg any more: " + ekb.buttonTexts());
        press(ADMIN, ekb.messageId(), "ysm:13700342:" + EKB);
        assertEquals(1, mappings().count(EKB));
        assertEquals(1, mappings().count(COMPANY));
    }

    @Test
    void onlyTheAskingAdminMayAnswer() throws Exception {
        // GIVEN two admins in the salon's group
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.put("BOT_ADMINS", ADMIN + "," + OTHER_ADMIN);
        ownBot(dir, env);
        twoBranchSalon();
        Outgoing question = askInGroup(ADMIN, "/setservice@" + ChatHarness.BOT_USERNAME + " 13700215");
        assertTrue(question.text().contains("Для какого филиала"), question.text());

        // WHEN a customer presses: refused like the command
        Turn customer = pressInGroup(CUSTOMER, question.messageId(), buttonFor(question, EKB));
        assertTrue(customer.answer().text().contains("только для администраторов"), customer.answer().text());
        // AND another admin: the question is not theirs
        Turn other = pressInGroup(OTHER_ADMIN, question.messageId(), buttonFor(question, EKB));
        assertTrue(other.answer().text().contains("другому администратору"), other.answer().text());
        assertTrue(customer.edits().isEmpty() && other.edits().isEmpty());
        assertEquals(0, mappings().count(EKB), "nothing saved");

        // THEN the asking admin's press still works
        Outgoing answer = pressInGroup(ADMIN, question.messageId(), buttonFor(question, EKB)).edit();
        assertTrue(answer.text().contains("Мужская стрижка"), answer.text());
        assertEquals(1, mappings().count(EKB));
    }

    @Test
    void aQuestionFromBeforeARestartOrTooOldIsOutOfDate() throws Exception {
        twoBranchSalon();
        Outgoing before = ask(ADMIN, "/setservice 13700215");

        // WHEN the bot restarts: the question was in memory only
        bot.restart();
        Outgoing after = ask(ADMIN, "/setservice 13700342");
        Turn old = press(ADMIN, before.messageId(), buttonFor(before, EKB));
        assertTrue(old.answer().text().contains("устарел. Отправьте команду ещё раз"), old.answer().text());
        assertTrue(old.edits().isEmpty());
        assertEquals(0, mappings().count(EKB), "the old question ran nothing");

        // AND a question older than 30 minutes is out of date too
        clock.set(NOW.plus(Duration.ofMinutes(31)));
        Turn late = press(ADMIN, after.messageId(), buttonFor(after, EKB));
        assertTrue(late.answer().text().contains("устарел"), late.answer().text());
        assertEquals(0, mappings().count(EKB));

        // AND a branch removed since the question was asked is not applied
        Outgoing third = ask(ADMIN, "/setservice 13700342");
        assertTrue(ask(ADMIN, "/delbranch " + EKB).text().contains("убран"));
        assertTrue(press(ADMIN, third.messageId(), buttonFor(third, EKB)).answer().text().contains("устарел"));
        assertEquals(0, mappings().count(EKB));
    }

    @Test
    void anAdminKeepsTheirLatestFiveQuestions() {
        twoBranchSalon();
        Outgoing oldest = ask(ADMIN, "/delservice 13700211");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            ask(ADMIN, "/yservices");
        }
        assertTrue(press(ADMIN, oldest.messageId(), buttonFor(oldest, COMPANY)).answer().text().contains("устарел"));
        assertEquals(1, mappings().count(COMPANY), "the oldest question was dropped, not run");
    }

    @Test
    void askedInEnglishAndOneBranchIsNeverAsked() {
        twoBranchSalon();
        Outgoing en = askInLanguage(ADMIN, "en", "/yservices");
        assertTrue(en.text().contains("Which branch is /yservices for?"), en.text());

        assertTrue(ask(ADMIN, "/delbranch " + EKB).text().contains("убран"));
        Outgoing one = ask(ADMIN, "/setservice 13700215");
        assertTrue(one.text().contains("Мужская стрижка"), one.text());
        assertFalse(one.callbackData().stream().anyMatch(d -> d.startsWith("abr:")));
        assertEquals(2, mappings().count(COMPANY));
    }
}
