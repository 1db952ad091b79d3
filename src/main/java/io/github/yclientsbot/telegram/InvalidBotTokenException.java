package io.github.yclientsbot.telegram;

/** Telegram says the bot token is not valid (401/404 on getMe): nothing will work until it is fixed. */
public class InvalidBotTokenException extends Exception {
    public InvalidBotTokenException(String message) {
        super(message);
    }
}
