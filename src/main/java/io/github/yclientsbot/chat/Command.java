package io.github.yclientsbot.chat;

import io.github.yclientsbot.setup.Role;

/** One chat command. Returns what to do; never calls Telegram itself. */
public interface Command {
    /** The name after the slash, lower case. */
    String name();

    Role requiredRole();

    Reply handle(Context ctx, CommandLine line);
}
