package io.github.yclientsbot.chat;

import io.github.yclientsbot.config.Source;

import java.util.Locale;

/** Where a value came from, in the reader's language (the config's own labels are English: "chat", "environment"). */
final class SourceNames {
    private SourceNames() {
    }

    static String of(Context ctx, String label) {
        for (Source s : Source.values()) {
            if (s.label().equals(label)) {
                return ctx.t("source." + s.name().toLowerCase(Locale.ROOT));
            }
        }
        return label; // e.g. "YCLIENTS": a name, the same in every language
    }
}
