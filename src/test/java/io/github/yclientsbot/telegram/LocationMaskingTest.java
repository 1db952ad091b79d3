package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Keyboard;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location a customer sends to find the nearest branch (issue 13): the worker gets it from the update in memory;
 * the inbox keeps none of it, so a replay after a restart asks for it again. The button that asks for it is a reply
 * keyboard with {@code request_location}.
 */
class LocationMaskingTest {
    private final ObjectMapper mapper = BotApplication.objectMapper();
    private static final String LOCATION = "{\"update_id\":9,\"message\":{\"message_id\":90,\"date\":1700000000,"
            + "\"chat\":{\"id\":3003,\"type\":\"private\"},\"from\":{\"id\":3003,\"is_bot\":false,\"first_name\":\"Анна\"},"
            + "\"location\":{\"latitude\":56.838011,\"longitude\":60.597474,\"horizontal_accuracy\":12.5}}}";

    @Test
    void aLocationIsHandledFromMemoryAndNotKeptInTheInbox() throws Exception {
        Update update = mapper.readValue(LOCATION, Update.class);

        Incoming in = UpdateConverter.convert(update).orElseThrow();
        assertEquals(Incoming.Kind.LOCATION, in.kind());
        assertEquals(56.838011, in.location().latitude(), 1e-9);
        assertEquals(60.597474, in.location().longitude(), 1e-9);
        assertFalse(in.location().toString().contains("56.8"), "never printed");

        String payload = InboxMasking.payload(mapper, update);
        assertFalse(payload.contains("56.8") || payload.contains("60.5") || payload.contains("12.5"), payload);
        Incoming replayed = UpdateConverter.convert(mapper.readValue(payload, Update.class)).orElseThrow();
        assertEquals(Incoming.Kind.LOCATION, replayed.kind(), "still a location: the customer is asked to send it again");
        assertFalse(replayed.location().known());
    }

    @Test
    void theNearestButtonIsAReplyKeyboardAskingForTheLocation() {
        var markup = (ReplyKeyboardMarkup) KeyboardMarkup.forSend(Keyboard.requestLocation("📍 Отправить, где я"));
        var button = markup.getKeyboard().get(0).get(0);
        assertEquals("📍 Отправить, где я", button.getText());
        assertTrue(button.getRequestLocation());
        assertNull(button.getRequestContact());
    }
}
