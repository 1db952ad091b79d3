package io.github.yclientsbot.console;

import java.util.Optional;

/** A console-only command (never sent to the bot), like the demo's salon-side changes: {@code /demo move …}. */
public interface ConsoleCommand {

    /** What to print for {@code line}, or empty when the line is not this command's (it then goes to the bot). */
    Optional<String> handle(String line);
}
