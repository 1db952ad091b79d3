package io.github.yclientsbot;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.telegram.ChatHandler;

import java.util.List;

/** The chat bot as the Telegram transport's {@link ChatHandler}: the one place the two layers meet. */
final class ChatBotHandler implements ChatHandler {
    private final ChatBot bot;

    ChatBotHandler(ChatBot bot) {
        this.bot = bot;
    }

    @Override
    public Reply preflight(Incoming in) {
        return bot.preflight(in);
    }

    @Override
    public Reply handle(Incoming in) {
        return bot.handle(in);
    }

    @Override
    public String apology(Incoming in) {
        return bot.apology(in);
    }

    @Override
    public String floodNotice(Incoming in) {
        return bot.floodNotice(in);
    }

    @Override
    public boolean isStaff(long userId) {
        return bot.isStaff(userId);
    }

    @Override
    public void staffMenuFailed(long chatId) {
        bot.staffMenuFailed(chatId);
    }

    @Override
    public List<Action.CommandInfo> customerMenu(String lang) {
        return bot.customerMenu(lang);
    }
}
