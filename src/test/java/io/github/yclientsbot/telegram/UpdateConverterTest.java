package io.github.yclientsbot.telegram;

import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.chat.Incoming;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Telegram's JSON, as the Bot API sends it today, read by the library's model and converted: a forward carries
 * {@code forward_origin} (Bot API 7.0; {@code forward_from} and {@code forward_date} are no longer sent).
 */
class UpdateConverterTest {

    private static Incoming convert(String messageFields) throws Exception {
        String json = """
                {"update_id": 9001, "message": {"message_id": 77, "date": 1764000000,
                 "from": {"id": 1001, "is_bot": false, "first_name": "Anna", "language_code": "ru"},
                 "chat": {"id": 1001, "type": "private", "first_name": "Anna"}, %s}}""".formatted(messageFields);
        Update update = CoreServices.objectMapper().readValue(json, Update.class);
        return UpdateConverter.convert(update).orElseThrow();
    }

    @Test
    void aTypedCommandIsNotForwarded() throws Exception {
        Incoming in = convert("""
                "text": "/disable", "entities": [{"type": "bot_command", "offset": 0, "length": 8}]""");
        assertEquals(Incoming.Kind.TEXT, in.kind());
        assertEquals("/disable", in.text());
        assertFalse(in.forwarded());
    }

    @Test
    void aMessageForwardedFromAUserIsMarked() throws Exception {
        Incoming in = convert("""
                "forward_origin": {"type": "user", "date": 1763990000,
                  "sender_user": {"id": 2002, "is_bot": false, "first_name": "Boris"}},
                "text": "/disable", "entities": [{"type": "bot_command", "offset": 0, "length": 8}]""");
        assertTrue(in.forwarded());
        assertEquals(Incoming.Kind.TEXT, in.kind());
        assertEquals(1001, in.userId(), "the one who forwarded it is the sender");
    }

    @Test
    void forwardsFromAHiddenUserAChatAndAChannelAreMarked() throws Exception {
        Incoming hidden = convert("""
                "forward_origin": {"type": "hidden_user", "date": 1763990000, "sender_user_name": "Somebody"},
                "text": "/settoken partner abc"
                """);
        assertTrue(hidden.forwarded());
        Incoming chat = convert("""
                "forward_origin": {"type": "chat", "date": 1763990000,
                  "sender_chat": {"id": -100123, "type": "supergroup", "title": "Salon staff"}},
                "text": "/enable"
                """);
        assertTrue(chat.forwarded());
        Incoming channel = convert("""
                "forward_origin": {"type": "channel", "date": 1763990000, "message_id": 12,
                  "chat": {"id": -100456, "type": "channel", "title": "Salon news"}},
                "document": {"file_id": "f1", "file_unique_id": "u1", "file_name": "export.json", "file_size": 120},
                "caption": "/import"
                """);
        assertTrue(channel.forwarded());
        assertEquals(Incoming.Kind.DOCUMENT, channel.kind());
    }

    @Test
    void aPhotoKeepsItsCaption() throws Exception {
        Incoming in = convert("""
                "photo": [{"file_id": "p1", "file_unique_id": "pu1", "width": 90, "height": 90}],
                "caption": "/settoken partner abc"
                """);
        assertEquals(Incoming.Kind.OTHER, in.kind());
        assertEquals("/settoken partner abc", in.text());
        assertFalse(in.forwarded());
    }
}
