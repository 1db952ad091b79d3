package io.github.yclientsbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.SecretCommands;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the inbox keeps of an update: the secret commands' arguments, phone numbers and the bot's own echoed messages
 * are masked; everything the worker needs to route an update stays; the update in memory is untouched.
 */
class InboxMaskingTest {
    private static final String HIDDEN = SecretCommands.HIDDEN;
    private static final String TOKEN = "partnerTOKEN0123456789abcdef";
    private final ObjectMapper mapper = BotApplication.objectMapper();

    private static String message(String fields) {
        return "{\"update_id\":7,\"message\":{\"message_id\":70,\"date\":1700000000,"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},"
                + "\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Admin\"}," + fields + "}}";
    }

    private static String text(String text) {
        return message("\"text\":\"" + text + "\"");
    }

    private String stored(String updateJson) throws Exception {
        Update update = mapper.readValue(updateJson, Update.class);
        String before = mapper.writeValueAsString(update);
        String payload = InboxMasking.payload(mapper, update);
        assertEquals(before, mapper.writeValueAsString(update), "the update handed to the worker is not changed");
        return payload;
    }

    /** What a worker gets when the stored payload is replayed after a restart. */
    private Incoming replayed(String payload) throws Exception {
        return UpdateConverter.convert(mapper.readValue(payload, Update.class)).orElseThrow();
    }

    @Test
    void theSecretCommandsKeepTheirNameAndArgumentCountButNotTheirArguments() throws Exception {
        assertEquals("/settoken " + HIDDEN + " " + HIDDEN, InboxMasking.text("/settoken partner " + TOKEN));
        assertEquals("/settoken@YcBot " + HIDDEN + " " + HIDDEN, InboxMasking.text("  /settoken@YcBot  user\n" + TOKEN));
        assertEquals("/yclogin " + HIDDEN + " " + HIDDEN + " " + HIDDEN, InboxMasking.text("/yclogin +79161234567 pass word"));
        assertEquals("/claim " + HIDDEN, InboxMasking.text("/CLAIM ABCDE-FGHJK"));
        assertEquals("/settoken", InboxMasking.text("/settoken"), "nothing to hide");
        // other commands are stored as typed, ids and all
        assertEquals("/setcompany 502817", InboxMasking.text("/setcompany 502817"));
        assertEquals("/setservice 13700211 staff=2290341 Стрижка", InboxMasking.text("/setservice 13700211 staff=2290341 Стрижка"));

        String payload = stored(text("/settoken partner " + TOKEN));
        assertFalse(payload.contains(TOKEN), payload);
        Incoming in = replayed(payload);
        assertEquals("/settoken " + HIDDEN + " " + HIDDEN, in.text());
        assertTrue(SecretCommands.hiddenIn(in));
        assertEquals(1001, in.userId());
        assertEquals(70, in.messageId(), "the replay can still delete the message that carried the secret");
    }

    @Test
    void aCaptionIsMaskedLikeAText() throws Exception {
        String payload = stored(message("\"caption\":\"/yclogin@YcBot owner@salon.ru S3cret-Pa55\","
                + "\"document\":{\"file_id\":\"F1\",\"file_unique_id\":\"U1\",\"file_name\":\"a.json\"}"));
        assertFalse(payload.contains("S3cret-Pa55") || payload.contains("owner@salon.ru"), payload);
        assertEquals("/yclogin@YcBot " + HIDDEN + " " + HIDDEN, replayed(payload).text());
        assertEquals("F1", replayed(payload).document().fileId());
    }

    @Test
    void phoneNumbersInAnyOtherTextAreMasked() throws Exception {
        for (String phone : new String[] {"+7 916 123-45-67", "89161234567", "9161234567", "+7 (916) 123 45 67",
                "(916) 123-45-67", "+380 50 123 4567", "8-916-123-45-67", "7.916.123.45.67"}) {
            assertEquals(HIDDEN, InboxMasking.text(phone), phone);
            assertEquals("мой номер " + HIDDEN + ", звоните", InboxMasking.text("мой номер " + phone + ", звоните"), phone);
        }
        // what is not a phone number stays: an SMS code, a name, short numbers
        for (String text : new String[] {"1234", "12 34 56", "Анна Смирнова", "в 10:00, кабинет 12", "привет"}) {
            assertEquals(text, InboxMasking.text(text));
        }
        String payload = stored(text("+7 916 123-45-67"));
        assertFalse(payload.contains("916"), payload);
        assertTrue(SecretCommands.hiddenIn(replayed(payload)));
    }

    @Test
    void aSharedContactKeepsItsOwnerButNotItsNumber() throws Exception {
        String payload = stored(message("\"contact\":{\"phone_number\":\"79161234567\",\"first_name\":\"Анна\","
                + "\"user_id\":1001,\"vcard\":\"BEGIN:VCARD\\nTEL;CELL:+79161234567\\nEND:VCARD\"}"));
        assertFalse(payload.contains("916"), payload);
        Incoming in = replayed(payload);
        assertEquals(HIDDEN, in.contact().phoneNumber());
        assertEquals(1001L, in.contact().contactUserId());
        assertTrue(SecretCommands.hiddenIn(in));
    }

    @Test
    void theBotsOwnMessageUnderAPressedButtonIsNotKeptButTheButtonIs() throws Exception {
        String summary = "Стрижка, 1 декабря 10:00\\nТелефон: +7 916 123-45-67\\nИмя: Анна Смирнова";
        String payload = stored("{\"update_id\":8,\"callback_query\":{\"id\":\"cb1\",\"chat_instance\":\"ci\","
                + "\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Анна\"},\"data\":\"bk:ok:1a2b\","
                + "\"message\":{\"message_id\":71,\"date\":1700000000,\"chat\":{\"id\":1001,\"type\":\"private\"},"
                + "\"from\":{\"id\":42,\"is_bot\":true,\"first_name\":\"Bot\"},\"text\":\"" + summary + "\"}}}");
        assertFalse(payload.contains("916") || payload.contains("Смирнова"), payload);
        Incoming in = replayed(payload);
        assertEquals("bk:ok:1a2b", in.callbackData());
        assertEquals(71, in.messageId());
        assertFalse(SecretCommands.hiddenIn(in), "a button press needs nothing that was masked");
    }

    @Test
    void editsAndQuotedMessagesAreMaskedToo() throws Exception {
        String edited = "{\"update_id\":9,\"edited_message\":{\"message_id\":72,\"date\":1700000000,\"edit_date\":1700000001,"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"text\":\"/settoken user " + TOKEN + "\"}}";
        assertFalse(stored(edited).contains(TOKEN));
        String reply = message("\"text\":\"вот\",\"reply_to_message\":{\"message_id\":69,\"date\":1700000000,"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"text\":\"/claim ABCDE-FGHJK\"}");
        String payload = stored(reply);
        assertFalse(payload.contains("ABCDE-FGHJK"), payload);
        assertEquals("вот", replayed(payload).text());
    }

    @Test
    void aPayloadAnOlderVersionStoredIsMaskedTheSameWayAndOneWithNothingToMaskIsLeftAlone() throws Exception {
        String old = text("/settoken partner " + TOKEN);
        String masked = InboxMasking.maskStored(mapper, old);
        assertFalse(masked.contains(TOKEN), masked);
        assertEquals("/settoken " + HIDDEN + " " + HIDDEN, replayed(masked).text());
        assertSame(masked, InboxMasking.maskStored(mapper, masked), "masking twice changes nothing");
        String plain = text("/services");
        assertSame(plain, InboxMasking.maskStored(mapper, plain));
    }
}
