package io.github.yclientsbot;

import io.github.yclientsbot.console.ConsoleCommand;
import io.github.yclientsbot.demo.DemoYclients;
import io.github.yclientsbot.i18n.Messages;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The demo's salon side, in the console only ({@code --console --demo}): {@code /demo move <record> <day> <time>},
 * {@code /demo cancel <record>}, {@code /demo elsewhere <phone> <day> <time>} change the demo YCLIENTS's bookings as
 * the salon would, and the record poll runs right away, so what the customer is told shows after the line.
 */
final class DemoConsoleCommand implements ConsoleCommand {
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final DateTimeFormatter YCLIENTS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final DemoYclients demo;
    private final Runnable poll;
    private final Messages messages;
    private final String lang;

    /** @param poll runs the record poll now, on the caller's thread */
    DemoConsoleCommand(DemoYclients demo, Runnable poll, Messages messages, String lang) {
        this.demo = demo;
        this.poll = poll;
        this.messages = messages;
        this.lang = lang;
    }

    @Override
    public Optional<String> handle(String line) {
        if (!line.equals("/demo") && !line.startsWith("/demo ")) {
            return Optional.empty();
        }
        List<String> args = List.of(line.substring(5).strip().split("\\s+"));
        try {
            String done = switch (args.get(0)) {
                case "move" -> args.size() == 4 && demo.moveBySalon(Long.parseLong(args.get(1)), at(args.get(2), args.get(3)))
                        ? t("console.demo.moved", "record", args.get(1), "when", args.get(2) + " " + args.get(3))
                        : args.size() == 4 ? t("console.demo.none", "record", args.get(1)) : null;
                case "cancel" -> args.size() == 2 && demo.cancelBySalon(Long.parseLong(args.get(1)))
                        ? t("console.demo.cancelled", "record", args.get(1))
                        : args.size() == 2 ? t("console.demo.none", "record", args.get(1)) : null;
                case "elsewhere" -> args.size() == 4 ? t("console.demo.elsewhere", "record",
                        demo.bookElsewhere(args.get(1), at(args.get(2), args.get(3))), "when",
                        args.get(2) + " " + args.get(3)) : null;
                default -> null;
            };
            if (done == null) {
                return Optional.of(t("console.demo.usage"));
            }
            poll.run();
            return Optional.of(done);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of(t("console.demo.usage"));
        }
    }

    /** {@code 2026-12-01 15:00} in the demo salon's time (Moscow), as YCLIENTS writes it. */
    private static String at(String day, String time) {
        return YCLIENTS_TIME.format(LocalDate.parse(day).atTime(LocalTime.parse(time)).atOffset(MOSCOW));
    }

    private String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }
}
