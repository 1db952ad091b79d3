package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingService;
import io.github.yclientsbot.booking.CalendarFile;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.storage.BookingReference;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.yclients.RecordInfo;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /mybookings: the customer's upcoming bookings made in chat, read back from YCLIENTS, each with Cancel behind a
 * yes/no. A cancellation is confirmed only after YCLIENTS accepted it; when YCLIENTS refuses, the business's phone
 * and the booking form are given instead.
 */
final class MyBookingsChat {
    private static final Logger log = LoggerFactory.getLogger(MyBookingsChat.class);

    static final String PREFIX = BookingChat.PREFIX + "my:";
    private static final String ASK = PREFIX + "c:";
    private static final String YES = PREFIX + "y:";
    private static final String NO = PREFIX + "n";

    private final BookingService booking;
    private final BookingReferences references;

    MyBookingsChat(BookingService booking, BookingReferences references) {
        this.booking = booking;
        this.references = references;
    }

    private record Upcoming(BookingReference ref, RecordInfo record, Instant start) {}

    /** /mybookings: a new message with the upcoming bookings. */
    Reply list(Context ctx) {
        if (!ctx.isPrivate()) {
            return ctx.say("bookflow.my.group");
        }
        long company;
        try {
            company = booking.company();
        } catch (NotReadyException e) {
            return ctx.say("services.unavailable");
        }
        Instant now = booking.now();
        List<Upcoming> upcoming = new ArrayList<>();
        for (BookingReference ref : references.forUser(ctx.userId())) {
            if (ref.companyId() != company || CalendarFile.start(ref.startsAt(), null).map(s -> !s.isAfter(now)).orElse(false)) {
                continue; // another branch's, or already past: not read back
            }
            try {
                RecordInfo r = booking.record(company, ref.recordId(), ref.recordHash());
                Optional<Instant> start = CalendarFile.start(r.datetime(), null);
                if (!r.deleted() && start.isPresent() && start.get().isAfter(now)) {
                    upcoming.add(new Upcoming(ref, r, start.get()));
                }
            } catch (YclientsException e) {
                if (e.isUnavailable()) {
                    log.info("/mybookings of user {}: YCLIENTS unavailable: {}", ctx.userId(), e.getMessage());
                    return Reply.of(ctx.send(ctx.t("bookflow.error.unavailable"), formOnly(ctx)));
                }
                if (!e.isNotFound()) {
                    // 401/403/licence, a refusal…: the bookings cannot be checked, which is not "you have none"
                    // (the message names method, path without the hash, status and YCLIENTS's text — no secret)
                    log.warn("/mybookings of user {}: record {} not readable: {}", ctx.userId(), ref.recordId(), e.getMessage());
                    return Reply.of(ctx.send(ctx.t("bookflow.error.unavailable"), formOnly(ctx)));
                }
                // YCLIENTS no longer knows the booking (removed there): not listed
                log.info("/mybookings of user {}: record {} is gone: {}", ctx.userId(), ref.recordId(), e.getMessage());
            } catch (NotReadyException e) {
                return ctx.say("services.unavailable");
            }
        }
        if (upcoming.isEmpty()) {
            return ctx.say("bookflow.my.none");
        }
        upcoming.sort(Comparator.comparing(Upcoming::start));
        StringBuilder text = new StringBuilder(ctx.t("bookflow.my.header"));
        Keyboard.Builder kb = Keyboard.builder();
        int n = 1;
        for (Upcoming u : upcoming) {
            String services = u.record().services().isEmpty() ? ctx.t("bookflow.my.service.unknown")
                    : String.join(", ", u.record().services());
            String staff = u.record().staffName() == null ? "" : " · " + u.record().staffName();
            text.append("\n\n").append(ctx.t("bookflow.my.item", "n", n, "when", when(ctx, u.record().datetime()),
                    "services", services + staff));
            kb.row(Button.callback(ctx.t("bookflow.my.button.cancel", "n", n, "when", shortWhen(ctx, u.record().datetime())),
                    ASK + u.ref().id()));
            n++;
        }
        return Reply.of(ctx.send(text.toString(), kb.build()));
    }

    /** A button of /mybookings ({@link #PREFIX}). */
    Reply callback(Context ctx) {
        String data = ctx.in().callbackData();
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        if (data.equals(NO)) {
            return Reply.of(ack, edit(ctx, ctx.t("bookflow.my.kept"), Keyboard.NONE));
        }
        boolean yes = data.startsWith(YES);
        String arg = yes ? data.substring(YES.length()) : data.startsWith(ASK) ? data.substring(ASK.length()) : "";
        long id;
        try {
            id = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.stale")));
        }
        Optional<BookingReference> found = references.find(ctx.userId(), id);
        if (found.isEmpty() && yes) {
            // a second tap on Yes: the first one's answer stays on screen
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.my.gone")));
        }
        if (found.isEmpty()) {
            return Reply.of(ack, edit(ctx, ctx.t("bookflow.my.gone"), Keyboard.NONE));
        }
        BookingReference ref = found.get();
        String when = when(ctx, ref.startsAt());
        if (!yes) {
            Keyboard kb = Keyboard.builder().row(List.of(
                    Button.callback(ctx.t("bookflow.my.button.yes"), YES + ref.id()),
                    Button.callback(ctx.t("bookflow.my.button.no"), NO))).build();
            return Reply.of(ack, edit(ctx, ctx.t("bookflow.my.ask", "when", when), kb));
        }
        try {
            booking.cancel(ref.recordId(), ref.recordHash());
        } catch (NotReadyException e) {
            return Reply.of(ack, edit(ctx, ctx.t("services.unavailable"), formOnly(ctx)));
        } catch (YclientsException e) {
            log.info("Cancellation of record {} by user {} failed: {}", ref.recordId(), ctx.userId(), e.getMessage());
            String key = e.isUnavailable() ? "bookflow.my.cancel.unavailable" : "bookflow.my.cancel.refused";
            return Reply.of(ack, edit(ctx, ctx.t(key, "when", when) + phoneLine(ctx), formOnly(ctx)));
        }
        references.delete(ctx.userId(), ref.id());
        log.info("User {} cancelled record {} in chat", ctx.userId(), ref.recordId());
        return Reply.of(ack, edit(ctx, ctx.t("bookflow.my.cancelled", "when", when), Keyboard.NONE));
    }

    private String phoneLine(Context ctx) {
        try {
            String phone = booking.companyInfo().phone();
            return phone == null || phone.isBlank() ? "" : "\n\n" + ctx.t("bookflow.my.phone", "phone", phone.strip());
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }

    private Keyboard formOnly(Context ctx) {
        return booking.formUrl().map(url -> Keyboard.builder().row(Button.url(ctx.t("bookflow.button.form"), url)).build())
                .orElse(Keyboard.NONE);
    }

    /** The booked time as the business sees it (its own offset): "вторник, 1 декабря 2026, 10:00". */
    private static String when(Context ctx, String datetime) {
        return format(ctx, datetime, "EEEE, d MMMM yyyy, HH:mm");
    }

    private static String shortWhen(Context ctx, String datetime) {
        return format(ctx, datetime, "d MMM, HH:mm");
    }

    private static String format(Context ctx, String datetime, String pattern) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(ctx.lang()));
        try {
            return f.format(OffsetDateTime.parse(datetime.strip()));
        } catch (RuntimeException notOffset) {
            return CalendarFile.start(datetime, null).map(i -> f.format(i.atZone(ZoneId.of("Europe/Moscow")))).orElse(datetime);
        }
    }

    private static Action.Edit edit(Context ctx, String text, Keyboard keyboard) {
        return new Action.Edit(ctx.chatId(), ctx.in().messageId(), text, keyboard);
    }
}
