package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.Keyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.List;

/** Our {@link Keyboard} as the Bot API's markup. */
final class KeyboardMarkup {
    private KeyboardMarkup() {
    }

    /** A new message's markup: inline buttons, a share-contact or send-location reply keyboard, or the removal of one. */
    static org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard forSend(Keyboard keyboard) {
        if (keyboard != null && (keyboard.contactButton() != null || keyboard.locationButton() != null)) {
            var button = keyboard.contactButton() != null
                    ? org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton.builder()
                            .text(keyboard.contactButton()).requestContact(true).build()
                    : org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton.builder()
                            .text(keyboard.locationButton()).requestLocation(true).build();
            return org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup.builder()
                    .keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow(List.of(button)))
                    .resizeKeyboard(true)
                    .oneTimeKeyboard(true)
                    .build();
        }
        if (keyboard != null && keyboard.removeReply()) {
            return org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove.builder()
                    .removeKeyboard(true).build();
        }
        return inline(keyboard);
    }

    static InlineKeyboardMarkup inline(Keyboard keyboard) {
        if (keyboard == null || keyboard.isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(r -> new InlineKeyboardRow(r.stream().map(KeyboardMarkup::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Button b) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> builder = InlineKeyboardButton.builder().text(b.text());
        return b.url() != null ? builder.url(b.url()).build() : builder.callbackData(b.callbackData()).build();
    }
}
