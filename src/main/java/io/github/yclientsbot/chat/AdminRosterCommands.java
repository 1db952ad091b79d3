package io.github.yclientsbot.chat;

import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.setup.AdminRoster;
import io.github.yclientsbot.setup.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/**
 * {@code /admins} lists the admins (id, where each comes from, since when); {@code /deladmin <id>} removes one added in
 * chat. Admins only, private chat only (like {@code /export}: the list names people).
 */
public final class AdminRosterCommands {
    private static final Logger log = LoggerFactory.getLogger(AdminRosterCommands.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AdminRoster roster;

    public AdminRosterCommands(AdminRoster roster) {
        this.roster = roster;
    }

    List<Command> commands() {
        return List.of(
                simple("admins", Role.ADMIN, (ctx, line) -> list(ctx)),
                simple("deladmin", Role.ADMIN, this::remove));
    }

    private Reply list(Context ctx) {
        if (!ctx.isPrivate()) {
            return ctx.say("admins.private");
        }
        StringBuilder sb = new StringBuilder(ctx.t("admins.header"));
        for (AdminRoster.Admin a : roster.list()) {
            String origin = ctx.t("admins.origin." + a.origin().name().toLowerCase(Locale.ROOT));
            sb.append('\n').append(a.since()
                    .map(at -> ctx.t("admins.item.since", "id", a.userId(), "origin", origin, "at", TIME.format(at)))
                    .orElseGet(() -> ctx.t("admins.item", "id", a.userId(), "origin", origin)));
            if (a.userId() == ctx.userId()) {
                sb.append(' ').append(ctx.t("admins.you"));
            }
        }
        sb.append("\n\n").append(ctx.t("admins.footer"));
        return Reply.text(ctx.chatId(), sb.toString());
    }

    private Reply remove(Context ctx, CommandLine line) {
        if (!ctx.isPrivate()) {
            return ctx.say("admins.private");
        }
        OptionalLong id = line.args().size() == 1 ? Values.parsePositiveLong(line.args().get(0)) : OptionalLong.empty();
        if (id.isEmpty()) {
            return ctx.say("deladmin.usage");
        }
        AdminRoster.Removal r = roster.remove(id.getAsLong(), ctx.userId());
        if (r == AdminRoster.Removal.REMOVED) {
            log.info("Admin {} removed admin {}", ctx.userId(), id.getAsLong());
        }
        String key = "deladmin." + r.name().toLowerCase(Locale.ROOT);
        return ctx.say(key, "id", id.getAsLong());
    }
}
