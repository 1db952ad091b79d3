package io.github.yclientsbot.scenario;

import io.github.yclientsbot.booking.Attendance;
import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the records with the user token bring, as admins and customers see it: /status says what works with the
 * tokens given and counts the "I'll come" YCLIENTS did not take today.
 */
class RecordsScenarioTest extends ScenarioBase {
    private static final long RECORD = 784512093;

    @Test
    void statusSaysWhatWorksWithTheTokensGivenAndCountsFailedConfirmations() {
        setUpCompany();
        String partnerOnly = ask(ADMIN, "/status").text();
        assertTrue(partnerOnly.contains("Напоминания и записи: ✅ напоминания о записях из чата; «Приду», записи из формы"
                + " и по телефону, изменения салона — нужен пользовательский токен (/yclogin)"), partnerOnly);
        assertFalse(partnerOnly.contains("«Приду» не удалось"), partnerOnly);
        assertFalse(bot.layer().attendance().possible());

        ask(ADMIN, "/settoken user " + USER_TOKEN);
        String both = ask(ADMIN, "/status").text();
        assertTrue(both.contains("Напоминания и записи: ✅ о записях из чата и сделанных иначе (с согласия клиента),"
                + " ✅ «Приду», ✅ изменения салона"), both);
        assertTrue(both.contains("«Приду» не удалось отметить в YCLIENTS сегодня (UTC): 0"), both);
        assertTrue(bot.layer().attendance().possible());

        Salon.serveRecords(yclients);
        yclients.on("PUT", Salon.RECORD).respondWithFixture(422, "error-422-record.json");
        assertEquals(Attendance.Result.FAILED, bot.layer().attendance().confirm(COMPANY, RECORD));
        String failed = ask(ADMIN, "/status").text();
        assertTrue(failed.contains("⚠️ «Приду» не удалось отметить в YCLIENTS сегодня (UTC): 1"), failed);
        String english = askInLanguage(ADMIN, "en", "/status").text();
        assertTrue(english.contains("⚠️ \"I'll come\" not recorded in YCLIENTS today (UTC): 1"), english);
        assertNowhere(USER_TOKEN);
    }
}
