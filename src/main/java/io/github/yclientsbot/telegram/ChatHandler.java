package io.github.yclientsbot.telegram;

import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;

import java.util.List;

/**
 * What the transport needs from whoever answers the users: the transport converts an update, asks here, and
 * carries out the reply. Owned by the transport so it depends on no chat implementation; the composition root
 * connects the chat bot to it.
 */
public interface ChatHandler {
    /** What must happen before handling (deleting a message that carried a secret). */
    Reply preflight(Incoming in);

    Reply handle(Incoming in);

    /** The short apology sent when handling failed unexpectedly. */
    String apology(Incoming in);

    /** The one notice a user gets when sending too many updates. */
    String floodNotice(Incoming in);

    /** Admins and support: exempt from flood control. */
    boolean isStaff(long userId);

    /** A staff chat's command menu could not be set: try again next time. */
    void staffMenuFailed(long chatId);

    /** The default command menu in one language. */
    List<Action.CommandInfo> customerMenu(String lang);
}
