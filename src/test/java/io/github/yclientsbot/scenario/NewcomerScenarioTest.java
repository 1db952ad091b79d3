package io.github.yclientsbot.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer trips over: the answers must say what really happened and what to do next. */
class NewcomerScenarioTest extends InChatBookingBase {

    @Test
    void aSecondPressOnRememberSaysTheNumberIsRememberedWhenItIs() {
        setUpCompany();
        mapHaircut();
        Outgoing question = confirmAndGetRememberQuestion(walkToSummary());
        assertTrue(tap(question.messageId(), "bk:rm:y").text().contains("Запомнил"));

        // a double tap (Telegram delivers both before the edit removes the buttons), or the other button
        Outgoing again = tap(question.messageId(), "bk:rm:y");
        assertTrue(again.text().contains("Номер +7 916 123-45-67 уже запомнен"), again.text());
        assertFalse(again.text().contains("не сохранён"), again.text());
        Outgoing no = tap(question.messageId(), "bk:rm:n");
        assertTrue(no.text().contains("уже запомнен") && no.text().contains("/forgetme"), no.text());
        assertTrue(bot.database().customerContacts(bot.core().secrets()).find(CUSTOMER).isPresent(), "still remembered");
    }

    @Test
    void setserviceWithARepeatedStaffKeyGetsItsUsageAndSavesNothing() {
        setUpCompany();
        Outgoing repeated = ask(ADMIN, "/setservice 13700211 staff=2290341 staff=2290355");
        assertTrue(repeated.text().startsWith("Использование: /setservice"), repeated.text());
        Outgoing misplaced = ask(ADMIN, "/setservice 13700211 Стрижка staff=2290341");
        assertTrue(misplaced.text().startsWith("Использование: /setservice"), misplaced.text());
        assertTrue(bot.database().serviceMappings().all().isEmpty(), "no button saved");
        assertTrue(ask(CUSTOMER, "/services").buttonUrls().isEmpty(), "customers see no new button");
    }

    @Test
    void bookWithNoServiceOpenSaysSoAndTellsAnAdminWhatToDo() {
        setUpCompany();
        Outgoing customer = ask(CUSTOMER, "/book");
        assertTrue(customer.text().contains("Услуг для онлайн-записи пока нет"), customer.text());
        assertFalse(customer.text().contains("недоступна"), "not \"unavailable, try later\": " + customer.text());
        assertFalse(customer.text().contains("/yservices"), "customers are not given admin commands: " + customer.text());

        Outgoing admin = ask(ADMIN, "/book");
        assertTrue(admin.text().contains("Услуг для онлайн-записи пока нет")
                && admin.text().contains("/yservices") && admin.text().contains("/setservice"), admin.text());
        assertTrue(ask(ADMIN, "/services").text().equals(admin.text()), "/services says the same");

        mapHaircut();
        assertTrue(ask(CUSTOMER, "/book").text().contains("Шаг 1 из 5"), "once a service is mapped, /book books");
    }
}
