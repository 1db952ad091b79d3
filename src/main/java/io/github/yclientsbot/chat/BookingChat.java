package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingDrafts;
import io.github.yclientsbot.booking.BookingOutcomeUnknown;
import io.github.yclientsbot.booking.BookingQuotas;
import io.github.yclientsbot.booking.BookingService;
import io.github.yclientsbot.booking.CalendarFile;
import io.github.yclientsbot.booking.CustomerName;
import io.github.yclientsbot.booking.PhoneNumber;
import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.booking.PrivacyConsent;
import io.github.yclientsbot.booking.RememberedContacts;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.CustomerContacts;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The in-chat booking, step by step: service → specialist → day → time → phone → summary → confirm. One
 * message is edited in place while the customer presses buttons; the phone step needs a new message (a reply
 * keyboard with "share my number"), and so does the summary after it. Where the customer is lives in the
 * database ({@link BookingDrafts}), so a restart mid-way continues.
 */
final class BookingChat {
    private static final Logger log = LoggerFactory.getLogger(BookingChat.class);

    static final String PREFIX = "bk:";
    static final String SERVICE = PREFIX + "svc:";
    private static final String SERVICE_PAGE = PREFIX + "sp:";
    private static final String STAFF = PREFIX + "st:";
    private static final String STAFF_PAGE = PREFIX + "stp:";
    private static final String MONTH = PREFIX + "m:";
    private static final String DAY = PREFIX + "d:";
    private static final String TIME = PREFIX + "t:";
    private static final String TIME_PAGE = PREFIX + "tp:";
    private static final String BACK = PREFIX + "b";
    private static final String CANCEL = PREFIX + "x";
    private static final String CONFIRM = PREFIX + "ok";
    private static final String AGREE = PREFIX + "agree";
    /** A calendar cell that books nothing: a weekday name or a day outside the month. */
    private static final String NOOP = PREFIX + "n";
    /** A day of the month without free time. */
    private static final String CLOSED_DAY = PREFIX + "n:d";
    private static final String RESEND = PREFIX + "rc";
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2009\\u202F\\-‐‑‒–—_.]+");
    private static final Pattern CODE_DIGITS = Pattern.compile("[0-9]{3,8}");
    private static final String EDIT_NAME = PREFIX + "nm";
    private static final String OTHER_PHONE = PREFIX + "ph";
    private static final String REMEMBER_YES = PREFIX + "rm:y";
    private static final String REMEMBER_NO = PREFIX + "rm:n";

    static final int PAGE = 8;
    static final int TIMES_PAGE = 24;

    private final BookingService booking;
    private final BookingDrafts drafts;
    private final ServiceMenu menu;
    private final PriceFormat prices;
    private final Supplier<String> botUsername;
    private final PrivacyConsent consent;
    private final BookingReferences references;
    private final MyBookingsChat mine;
    private final BookingQuotas quotas;
    private final RememberedContacts remembered;

    BookingChat(BookingService booking, BookingDrafts drafts, ServiceMenu menu, PriceFormat prices, Supplier<String> botUsername,
                PrivacyConsent consent, BookingReferences references, BookingQuotas quotas, RememberedContacts remembered) {
        this.booking = booking;
        this.quotas = quotas;
        this.remembered = remembered;
        this.references = references;
        this.mine = new MyBookingsChat(booking, references);
        this.consent = consent;
        this.drafts = drafts;
        this.menu = menu;
        this.prices = prices;
        this.botUsername = botUsername;
    }

    private record View(String text, Keyboard keyboard) {}

    /** A failure to show instead of the step: YCLIENTS down, not set up… */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient View view;

        StepFailed(View view) {
            super(null, null, false, false);
            this.view = view;
        }
    }

    boolean inChatEnabled() {
        return booking.mode() != BookingService.Mode.FORM;
    }

    // --- entry points ------------------------------------------------------------------------------

    /** /book (and /start book): in a private chat the first step; in a group a link into the private chat. */
    Reply start(Context ctx) {
        if (!ctx.isPrivate()) {
            String bot = botUsername.get();
            if (bot == null || bot.isBlank()) {
                return ctx.say("bookflow.group.nolink");
            }
            return Reply.of(ctx.send(ctx.t("bookflow.group"), Keyboard.builder()
                    .row(Button.url(ctx.t("bookflow.group.button"), "https://t.me/" + bot + "?start=book")).build()));
        }
        if (menu.linksUnavailable().isPresent() || booking.services().isEmpty()) {
            return ctx.say("services.unavailable");
        }
        drafts.start(ctx.userId(), BookingDraft.start());
        View v = services(ctx, 0);
        return Reply.of(ctx.send(v.text(), v.keyboard()));
    }

    /** /mybookings: the customer's upcoming bookings made in chat. */
    Reply myBookings(Context ctx) {
        return mine.list(ctx);
    }

    /**
     * /forgetme: the conversation, the stored consent, the remembered contact and the booking references are
     * deleted. The counters of the booking limits are kept on purpose (else /forgetme would reset the limits);
     * they hold no phone number and are deleted after two days.
     */
    Reply forget(Context ctx) {
        drafts.end(ctx.userId());
        boolean hadConsent = consent.forget(ctx.userId());
        boolean hadContact = remembered.forget(ctx.userId());
        int bookings = references.deleteAll(ctx.userId());
        log.info("User {} asked to be forgotten; consent {}, remembered contact {}, {} booking reference(s) deleted",
                ctx.userId(), hadConsent ? "deleted" : "none stored", hadContact ? "deleted" : "none stored", bookings);
        return ctx.say("forgetme.done");
    }

    /** A typed message is wanted at the phone step (the number), the SMS code step (the code) and the name step (the name). */
    boolean wantsText(long userId) {
        return drafts.find(userId).map(v -> v.draft().step() == Step.CONTACT || v.draft().step() == Step.CODE
                || v.draft().step() == Step.NAME).orElse(false);
    }

    /** A button of the booking ({@link #PREFIX}). */
    Reply callback(Context ctx) {
        String data = ctx.in().callbackData();
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        if (!ctx.isPrivate()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.group.button.private")));
        }
        if (data.startsWith(MyBookingsChat.PREFIX)) {
            return mine.callback(ctx);
        }
        if (data.equals(NOOP)) {
            return Reply.of(ack);
        }
        if (data.equals(CLOSED_DAY)) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.day.closed")));
        }
        if (data.startsWith(SERVICE)) {
            return chooseService(ctx, data.substring(SERVICE.length())).before(ack);
        }
        Optional<BookingDrafts.Versioned> found = drafts.find(ctx.userId());
        if (found.isEmpty() && (data.equals(REMEMBER_YES) || data.equals(REMEMBER_NO))) {
            return Reply.of(ack, edit(ctx, new View(ctx.t("bookflow.remember.expired"), Keyboard.NONE)));
        }
        if (found.isEmpty()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t(
                    isConfirm(data) ? "bookflow.already" : "bookflow.expired.short")),
                    edit(ctx, new View(ctx.t("bookflow.expired"), Keyboard.NONE)));
        }
        BookingDrafts.Versioned v = found.get();
        BookingDraft d = v.draft();
        if (d.step() == Step.REMEMBER) {
            return rememberAnswer(ctx, v, data);
        }
        try {
            if (data.equals(CANCEL) && d.step() == Step.CONSENT) {
                // the customer would rather not give their phone here: nothing is stored, the form is the way
                drafts.end(ctx.userId());
                log.info("User {} declined the privacy consent", ctx.userId());
                return Reply.of(ack, edit(ctx, new View(ctx.t("bookflow.consent.declined"), formOnly(ctx, d))));
            }
            if (data.equals(CANCEL)) {
                drafts.end(ctx.userId());
                Reply r = Reply.of(ack, edit(ctx, new View(ctx.t("bookflow.cancelled"), Keyboard.NONE)));
                // the "share my number" keyboard of the phone step would stay on screen otherwise
                return d.step() == Step.CONTACT ? r.then(ctx.send(ctx.t("bookflow.contact.closed"), Keyboard.REMOVE_REPLY)) : r;
            }
            if (data.equals(BACK)) {
                return back(ctx, v).before(ack);
            }
            if (isConfirm(data)) {
                if (d.step() == Step.SUMMARY && data.startsWith(CONFIRM + ":") && !data.equals(confirmData(d))) {
                    // an older summary (another time, number or name than the one now chosen) books nothing
                    return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.summary.outdated")));
                }
                return confirm(ctx, v);
            }
            if (data.equals(RESEND) && d.step() == Step.CODE) {
                return resend(ctx, v);
            }
            if (data.equals(AGREE) && d.step() == Step.CONSENT) {
                consent.give(ctx.userId());
                log.info("User {} consented to the privacy policy", ctx.userId());
                return phoneStep(ctx, v, d).before(ack);
            }
            if (data.equals(EDIT_NAME) && d.step() == Step.SUMMARY) {
                BookingDraft next = d.step(Step.NAME);
                drafts.save(ctx.userId(), v.version(), next);
                return Reply.of(ack, edit(ctx, nameAsk(ctx, next)));
            }
            if (data.equals(OTHER_PHONE) && d.step() == Step.SUMMARY) {
                // the name stays (it may have been typed or remembered); only the number is asked again
                return askContact(ctx, v, d.contact(null, d.name())).before(ack);
            }
            if (data.startsWith(SERVICE_PAGE) && d.step() == Step.SERVICE) {
                return Reply.of(ack, edit(ctx, services(ctx, number(data, SERVICE_PAGE))));
            }
            if (data.startsWith(STAFF_PAGE) && d.step() == Step.STAFF) {
                return Reply.of(ack, edit(ctx, staff(ctx, d, number(data, STAFF_PAGE))));
            }
            if (data.startsWith(STAFF) && d.step() == Step.STAFF) {
                return chooseStaff(ctx, v, data.substring(STAFF.length())).before(ack);
            }
            if (data.startsWith(MONTH) && d.step() == Step.DAY) {
                BookingDraft next = d.month(data.substring(MONTH.length()));
                drafts.save(ctx.userId(), v.version(), next);
                return Reply.of(ack, edit(ctx, days(ctx, next)));
            }
            if (data.startsWith(DAY) && d.step() == Step.DAY) {
                return chooseDay(ctx, v, data.substring(DAY.length())).before(ack);
            }
            if (data.startsWith(TIME_PAGE) && d.step() == Step.TIME) {
                return Reply.of(ack, edit(ctx, times(ctx, d, number(data, TIME_PAGE), null)));
            }
            if (data.startsWith(TIME) && d.step() == Step.TIME) {
                return chooseTime(ctx, v, data.substring(TIME.length())).before(ack);
            }
        } catch (StepFailed failed) {
            return Reply.of(ack, edit(ctx, failed.view));
        }
        // a button of a step the customer has left (an older message)
        return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.stale")));
    }

    /** A typed phone number at the phone step, the SMS code at the code step, or a typed name at the name step. */
    Reply text(Context ctx) {
        Optional<BookingDrafts.Versioned> found = drafts.find(ctx.userId());
        if (found.isPresent() && found.get().draft().step() == Step.CODE) {
            return code(ctx, found.get());
        }
        if (found.isPresent() && found.get().draft().step() == Step.NAME) {
            return name(ctx, found.get());
        }
        return phone(ctx, ctx.in().text(), null);
    }

    /** A shared contact: accepted only when it is the sender's own. */
    Reply contact(Context ctx) {
        Incoming.Contact c = ctx.in().contact();
        if (!ctx.isPrivate()) {
            // a phone number shared in a group is not taken into a booking
            return Reply.NONE;
        }
        Optional<BookingDrafts.Versioned> found = drafts.find(ctx.userId());
        if (found.isEmpty() || found.get().draft().step() != Step.CONTACT) {
            // a "share my number" keyboard left from a booking that ended: say so and take it away
            return Reply.of(ctx.send(ctx.t("bookflow.contact.nostep"), Keyboard.REMOVE_REPLY));
        }
        if (c.contactUserId() == null || c.contactUserId() != ctx.userId()) {
            log.info("User {} shared a contact that is not their own; refused", ctx.userId());
            return Reply.of(ctx.send(ctx.t("bookflow.contact.foreign"), Keyboard.requestContact(ctx.t("bookflow.contact.button"))));
        }
        String name = String.join(" ", nonBlank(c.firstName(), c.lastName()));
        String shared = PhoneNumber.normalizeShared(c.phoneNumber()).map(d -> "+" + d).orElse(c.phoneNumber()); // usually without "+"
        return phone(ctx, shared, name.isBlank() ? null : name);
    }

    // --- steps -------------------------------------------------------------------------------------

    private Reply chooseService(Context ctx, String arg) {
        long mappingId;
        try {
            mappingId = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.stale")));
        }
        Optional<ServiceButton> m = booking.service(mappingId);
        if (m.isEmpty() || !inChatEnabled()) {
            return Reply.of(edit(ctx, new View(ctx.t("bookflow.service.gone"), Keyboard.NONE)));
        }
        ServiceButton s = m.get();
        try {
            String zone = zone(ctx);
            BookingDraft d = BookingDraft.start().service(s.serviceId(), s.title(), s.priceMin(), s.priceMax(),
                    s.staffId(), s.staffId() != ServiceButton.NO_STAFF, zone);
            if (d.staffFixed()) {
                d = d.staff(s.staffId(), staffName(ctx, s.serviceId(), s.staffId())).step(Step.DAY);
                drafts.start(ctx.userId(), d);
                return Reply.of(edit(ctx, days(ctx, d)));
            }
            d = d.step(Step.STAFF);
            drafts.start(ctx.userId(), d);
            return Reply.of(edit(ctx, staff(ctx, d, 0)));
        } catch (StepFailed failed) {
            return Reply.of(edit(ctx, failed.view));
        }
    }

    private Reply chooseStaff(Context ctx, BookingDrafts.Versioned v, String arg) throws StepFailed {
        long staffId = parseLong(arg);
        String name = staffId > 0 ? staffName(ctx, v.draft().serviceId(), staffId) : null;
        BookingDraft next = v.draft().staff(staffId, name).step(Step.DAY);
        drafts.save(ctx.userId(), v.version(), next);
        return Reply.of(edit(ctx, days(ctx, next)));
    }

    private Reply chooseDay(Context ctx, BookingDrafts.Versioned v, String arg) throws StepFailed {
        LocalDate day;
        try {
            day = LocalDate.parse(arg);
        } catch (RuntimeException e) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.stale")));
        }
        BookingDraft d = v.draft();
        List<BookTime> free = call(ctx, d, () -> booking.times(d.serviceId(), d.staffId(), day));
        BookingDraft next = d.day(day.toString(), pairs(free)).step(Step.TIME);
        drafts.save(ctx.userId(), v.version(), next);
        return Reply.of(edit(ctx, times(ctx, next, 0, null)));
    }

    private Reply chooseTime(Context ctx, BookingDrafts.Versioned v, String arg) {
        BookingDraft d = v.draft();
        String[] parts = arg.split(":", 2);
        int index = parts.length == 2 && d.date() != null && parts[0].equals(d.date().replace("-", "")) ? (int) parseLong(parts[1]) : -1;
        if (index < 0 || index >= d.times().size()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.stale")));
        }
        List<String> slot = d.times().get(index);
        BookingDraft chosen = d.time(slot.get(0), slot.get(1));
        if (chosen.phone() != null) {
            BookingDraft next = chosen.step(Step.SUMMARY);
            drafts.save(ctx.userId(), v.version(), next);
            return Reply.of(edit(ctx, summary(ctx, next)));
        }
        if (!consent.given(ctx.userId())) {
            BookingDraft next = chosen.step(Step.CONSENT);
            drafts.save(ctx.userId(), v.version(), next);
            Keyboard.Builder kb = Keyboard.builder().row(Button.callback(ctx.t("bookflow.button.agree"), AGREE));
            consent.policyUrl().ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.policy"), url)));
            addNav(ctx, next, kb, true);
            String policy = consent.policyUrl().map(url -> ctx.t("bookflow.consent.link", "url", url)).orElse("");
            return Reply.of(edit(ctx, new View(header(ctx, next) + "\n\n" + ctx.t("bookflow.consent", "policy", policy), kb.build())));
        }
        return phoneStep(ctx, v, chosen);
    }

    /** After the consent: a remembered contact goes straight to the summary, otherwise the phone is asked for. */
    private Reply phoneStep(Context ctx, BookingDrafts.Versioned v, BookingDraft chosen) {
        Optional<CustomerContacts.Contact> saved = remembered.forNextBooking(ctx.userId());
        if (saved.isEmpty()) {
            return askContact(ctx, v, chosen);
        }
        BookingDraft next = chosen.contact(saved.get().phone(), saved.get().name()).step(Step.SUMMARY);
        drafts.save(ctx.userId(), v.version(), next);
        return Reply.of(edit(ctx, summary(ctx, next)));
    }

    /** The phone step: the flow message says so, and a new message carries the share-contact keyboard. */
    private Reply askContact(Context ctx, BookingDrafts.Versioned v, BookingDraft chosen) {
        BookingDraft next = chosen.step(Step.CONTACT);
        drafts.save(ctx.userId(), v.version(), next);
        return Reply.of(
                edit(ctx, new View(header(ctx, next) + "\n\n" + ctx.t("bookflow.contact.header",
                        "button", ctx.t("bookflow.contact.button")), nav(ctx, next, true))),
                ctx.send(ctx.t("bookflow.contact.ask"), Keyboard.requestContact(ctx.t("bookflow.contact.button"))));
    }

    private Reply phone(Context ctx, String raw, String nameFromContact) {
        Optional<BookingDrafts.Versioned> found = drafts.find(ctx.userId());
        if (found.isEmpty() || found.get().draft().step() != Step.CONTACT) {
            return ctx.say("hint.text");
        }
        Optional<String> phone = PhoneNumber.normalize(raw);
        if (phone.isEmpty()) {
            return Reply.of(ctx.send(ctx.t("bookflow.contact.invalid"), Keyboard.requestContact(ctx.t("bookflow.contact.button"))));
        }
        // a name typed or remembered earlier in this booking stays; otherwise the Telegram profile's
        String kept = found.get().draft().name();
        String name = kept != null ? kept : nameFromContact != null ? nameFromContact
                : ctx.in().firstName() == null || ctx.in().firstName().isBlank() ? ctx.t("bookflow.name.unknown") : ctx.in().firstName();
        BookingDraft next = found.get().draft().contact(phone.get(), name).step(Step.SUMMARY);
        drafts.save(ctx.userId(), found.get().version(), next);
        View v = summary(ctx, next);
        return Reply.of(
                ctx.send(ctx.t("bookflow.contact.ok", "phone", PhoneNumber.display(phone.get())), Keyboard.REMOVE_REPLY),
                ctx.send(v.text(), v.keyboard()));
    }

    /** The name step: the summary message asks for the name the salon should use; Back returns to the summary. */
    private View nameAsk(Context ctx, BookingDraft d) {
        String text = ctx.t("bookflow.name.ask", "min", CustomerName.MIN, "max", CustomerName.MAX, "name", d.name() == null ? "" : d.name());
        return new View(text, nav(ctx, d, true));
    }

    /** A typed name at the name step: accepted → the summary again (a new message); refused → why, and asked again. */
    private Reply name(Context ctx, BookingDrafts.Versioned v) {
        CustomerName.Checked checked = CustomerName.check(ctx.in().text());
        if (!checked.ok()) {
            String why = ctx.t("bookflow.name.invalid." + checked.problem().name().toLowerCase(Locale.ROOT),
                    "min", CustomerName.MIN, "max", CustomerName.MAX);
            return Reply.of(ctx.send(why, Keyboard.NONE));
        }
        BookingDraft next = v.draft().contact(v.draft().phone(), checked.name()).step(Step.SUMMARY);
        drafts.save(ctx.userId(), v.version(), next);
        View s = summary(ctx, next);
        return Reply.of(ctx.send(s.text(), s.keyboard()));
    }

    /** After a booking: may the phone and name be kept for the next one? A new message, answered Yes or No. */
    private Action rememberAsk(Context ctx, BookingDraft d) {
        Keyboard kb = Keyboard.builder()
                .row(Button.callback(ctx.t("bookflow.remember.yes"), REMEMBER_YES), Button.callback(ctx.t("bookflow.remember.no"), REMEMBER_NO))
                .build();
        return ctx.send(ctx.t("bookflow.remember.ask", "phone", PhoneNumber.display(d.phone()), "name", d.name()), kb);
    }

    /** Ask "remember?" unless exactly this phone and name are remembered already; a storage hiccup skips the question. */
    private boolean shouldAskToRemember(Context ctx, BookingDraft d) {
        try {
            return !remembered.remembers(ctx.userId(), d.phone(), d.name());
        } catch (RuntimeException e) {
            log.warn("Booking of user {} made; not asking to remember the contact: {}", ctx.userId(), e.toString());
            return false;
        }
    }

    /** The answer to "remember?": only Yes stores the contact; either way the finished booking's draft goes. */
    private Reply rememberAnswer(Context ctx, BookingDrafts.Versioned v, String data) {
        BookingDraft d = v.draft();
        if (!data.equals(REMEMBER_YES) && !data.equals(REMEMBER_NO)) {
            // Back, Cancel or Confirm of a message of the booking just made
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.already")));
        }
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        if (data.equals(REMEMBER_NO)) {
            drafts.end(ctx.userId());
            return Reply.of(ack, edit(ctx, new View(ctx.t("bookflow.remember.declined"), Keyboard.NONE)));
        }
        remembered.remember(ctx.userId(), d.phone(), d.name());
        drafts.end(ctx.userId());
        log.info("User {} asked the bot to remember their contact for the next booking", ctx.userId());
        return Reply.of(ack, edit(ctx, new View(ctx.t("bookflow.remember.saved", "phone", PhoneNumber.display(d.phone())),
                Keyboard.NONE)));
    }

    private Reply back(Context ctx, BookingDrafts.Versioned v) throws StepFailed {
        BookingDraft d = v.draft();
        Step to = switch (d.step()) {
            case SERVICE, STAFF -> Step.SERVICE;
            case DAY -> d.staffFixed() ? Step.SERVICE : Step.STAFF;
            case TIME -> Step.DAY;
            case CONSENT, CONTACT, SUMMARY, BOOKING, CODE, REMEMBER -> Step.TIME;
            case NAME -> Step.SUMMARY;
        };
        if (d.step() == Step.BOOKING) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.busy")));
        }
        BookingDraft next = d.step(to);
        drafts.save(ctx.userId(), v.version(), next);
        View view = switch (to) {
            case SERVICE -> services(ctx, 0);
            case STAFF -> staff(ctx, next, 0);
            case DAY -> days(ctx, next);
            case SUMMARY -> summary(ctx, next);
            default -> times(ctx, next, 0, null);
        };
        Reply r = Reply.of(edit(ctx, view));
        return d.step() == Step.CONTACT ? r.then(ctx.send(ctx.t("bookflow.contact.dropped"), Keyboard.REMOVE_REPLY)) : r;
    }

    /**
     * Confirm: the summary becomes "booking" in one guarded transition (a second tap finds it taken). Then the
     * bookings limit; when the company wants the phone confirmed, the SMS code is sent and asked for; else
     * {@code book_check} right before {@code book_record}.
     */
    private Reply confirm(Context ctx, BookingDrafts.Versioned v) {
        BookingDraft d = v.draft();
        if (d.step() != Step.SUMMARY || !drafts.save(ctx.userId(), v.version(), d.step(Step.BOOKING))) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(),
                    ctx.t(d.step() == Step.BOOKING ? "bookflow.busy" : "bookflow.stale")));
        }
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        try {
            Optional<BookingQuotas.Over> over = quotas.checkBooking(ctx.userId());
            if (over.isPresent()) {
                return Reply.of(ack, edit(ctx, overLimit(ctx, d, over.get(), Step.SUMMARY)));
            }
            if (phoneConfirmation(ctx)) {
                return Reply.of(ack, edit(ctx, sendCode(ctx, d, true)));
            }
            return book(ctx, d, null).before(ack);
        } catch (RuntimeException e) {
            throw unstuck(ctx, d, Step.SUMMARY, e);
        }
    }

    /**
     * Something unexpected (a database hiccup) after the draft was moved to BOOKING: it goes back to {@code to},
     * so Confirm works again instead of "being booked" for 30 minutes; the error goes on to the generic answer.
     */
    private RuntimeException unstuck(Context ctx, BookingDraft d, Step to, RuntimeException e) {
        try {
            drafts.find(ctx.userId()).filter(v -> v.draft().step() == Step.BOOKING)
                    .ifPresent(v -> drafts.save(ctx.userId(), v.version(), d.step(to)));
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
        return e;
    }

    /**
     * {@code book_check} and {@code book_record} (with the typed SMS code, or none). From Confirm the flow
     * message is edited; after a typed code new messages are sent (a customer's message cannot be edited).
     */
    private Reply book(Context ctx, BookingDraft d, String code) {
        boolean fromButton = code == null;
        try {
            List<BookedRecord> records = booking.book(d, code);
            boolean ask = shouldAskToRemember(ctx, d);
            if (ask) {
                // the phone and name stay in the draft only until the customer answers (or it expires)
                backTo(ctx, d, Step.REMEMBER);
            } else {
                drafts.end(ctx.userId());
            }
            log.info("User {} booked service {} with staff {} in chat: record {}", ctx.userId(), d.serviceId(), d.staffId(),
                    records.get(0).recordId());
            countBooking(ctx, d);
            Company company = companyOrNull(ctx);
            remember(ctx, d, records);
            String text = ctx.t("bookflow.done", "details", details(ctx, d), "record", records.get(0).recordId());
            Reply done = Reply.of(show(ctx, new View(text, Keyboard.NONE), fromButton));
            Optional<Action.SendDocument> ics = calendarFile(ctx, d, records.get(0), company);
            done = ics.isPresent() ? done.then(ics.get()) : done;
            return ask ? done.then(rememberAsk(ctx, d)) : done;
        } catch (BookingOutcomeUnknown e) {
            // no Confirm again: the booking may exist, and with "any specialist" a retry could book someone else
            drafts.end(ctx.userId());
            countBooking(ctx, d);
            log.warn("Booking of user {} may or may not have been made (no usable answer to book_record): {}", ctx.userId(),
                    e.getMessage());
            String phone = salonPhone();
            return Reply.of(show(ctx, new View(ctx.t("bookflow.error.unknown", "phone", phone.isEmpty() ? "" : " " + phone),
                    Keyboard.NONE), fromButton));
        } catch (NotReadyException e) {
            backTo(ctx, d, fromButton ? Step.SUMMARY : Step.CODE);
            return Reply.of(show(ctx, new View(ctx.t("services.unavailable"), formOnly(ctx, d)), fromButton));
        } catch (YclientsException e) {
            log.info("Booking for user {} refused by YCLIENTS: {}", ctx.userId(), e.getMessage());
            if (isWrongCode(e) && code != null) {
                return Reply.of(show(ctx, wrongCode(ctx, d), false));
            }
            if (isWrongCode(e)) {
                // YCLIENTS wants a code although the company (as cached) did not say so: ask for one
                return Reply.of(show(ctx, sendCode(ctx, d, true), true));
            }
            return Reply.of(show(ctx, refused(ctx, d, e), fromButton));
        }
    }

    // --- SMS confirmation -----------------------------------------------------------------------------

    /** {@code phone_confirmation} of the company; unknown (YCLIENTS down) counts as no, a 432 still asks for a code. */
    private boolean phoneConfirmation(Context ctx) {
        try {
            return booking.phoneConfirmation();
        } catch (YclientsException | NotReadyException e) {
            log.debug("Phone confirmation of the company unknown for user {}: {}", ctx.userId(), e.getMessage());
            return false;
        }
    }

    /**
     * Sends an SMS code: the SMS limits first (nothing reaches YCLIENTS over them), then on the first send
     * {@code book_check} (no SMS for a slot already taken), then {@code book_code}; the draft moves to CODE.
     * {@code first == false}: "send the code again", where a failure leaves the customer at the code step.
     */
    private View sendCode(Context ctx, BookingDraft d, boolean first) {
        Optional<BookingQuotas.Over> over = quotas.checkSms(ctx.userId(), d.phone());
        if (over.isPresent()) {
            return overLimit(ctx, d, over.get(), first ? Step.SUMMARY : Step.CODE);
        }
        // "send again" waits for the minute to pass (see resend); so does a Confirm after going back to another time
        java.time.Duration wait = quotas.resendWait(ctx.userId());
        try {
            if (first) {
                booking.check(d);
            }
            if (!wait.isZero()) {
                backTo(ctx, d, Step.CODE);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return new View(ctx.t("bookflow.code.recent", "phone", PhoneNumber.display(d.phone()), "seconds", seconds)
                        + "\n\n" + details(ctx, d) + "\n\n" + ctx.t("bookflow.code.ask"), codeKeyboard(ctx, d));
            }
            booking.sendCode(d);
        } catch (NotReadyException e) {
            backTo(ctx, d, first ? Step.SUMMARY : Step.CODE);
            return new View(ctx.t("services.unavailable"), formOnly(ctx, d));
        } catch (YclientsException e) {
            log.info("SMS code for user {} not sent: {}", ctx.userId(), e.getMessage());
            if (first) {
                return refused(ctx, d, e);
            }
            String key = e.isUnavailable() ? "bookflow.error.unavailable" : "bookflow.code.resend.failed";
            return new View(ctx.t(key), codeKeyboard(ctx, d));
        }
        countSms(ctx, d);
        log.info("SMS code sent for the booking of user {}", ctx.userId());
        backTo(ctx, d, Step.CODE);
        String intro = ctx.t(first ? "bookflow.code.sent" : "bookflow.code.resent", "phone", PhoneNumber.display(d.phone()));
        return new View(intro + "\n\n" + details(ctx, d) + "\n\n" + ctx.t("bookflow.code.ask"), codeKeyboard(ctx, d));
    }

    /** "Send the code again": not sooner than a minute after the last one, and within the SMS limits. */
    private Reply resend(Context ctx, BookingDrafts.Versioned v) {
        java.time.Duration wait = quotas.resendWait(ctx.userId());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(),
                    ctx.t("bookflow.code.wait", "seconds", seconds)));
        }
        if (!drafts.save(ctx.userId(), v.version(), v.draft())) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("bookflow.busy")));
        }
        Action.AnswerCallback ack = new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null);
        return Reply.of(ack, edit(ctx, sendCode(ctx, v.draft(), false)));
    }

    /** A message at the code step: the code (spaces and dashes dropped), booked in one guarded transition. */
    private Reply code(Context ctx, BookingDrafts.Versioned v) {
        BookingDraft d = v.draft();
        String code = cleanCode(ctx.in().text());
        if (code == null) {
            return Reply.of(ctx.send(ctx.t("bookflow.code.invalid"), codeKeyboard(ctx, d)));
        }
        if (quotas.wrongCodes(ctx.userId()) >= BookingQuotas.MAX_WRONG_CODES) {
            return Reply.of(ctx.send(ctx.t("bookflow.code.exhausted"), codeKeyboard(ctx, d)));
        }
        Optional<BookingQuotas.Over> over = quotas.checkBooking(ctx.userId());
        if (over.isPresent()) {
            return Reply.of(show(ctx, overLimit(ctx, d, over.get(), Step.CODE), false));
        }
        if (!drafts.save(ctx.userId(), v.version(), d.step(Step.BOOKING))) {
            return ctx.say("bookflow.busy");
        }
        try {
            return book(ctx, d, code);
        } catch (RuntimeException e) {
            throw unstuck(ctx, d, Step.CODE, e);
        }
    }

    /** 432: one more wrong code counted; the customer types again, or (after the last try) asks for a new code. */
    private View wrongCode(Context ctx, BookingDraft d) {
        quotas.wrongCode(ctx.userId(), d.phone());
        backTo(ctx, d, Step.CODE);
        int left = BookingQuotas.MAX_WRONG_CODES - quotas.wrongCodes(ctx.userId());
        String text = left > 0 ? ctx.t("bookflow.code.wrong", "left", left) : ctx.t("bookflow.code.exhausted");
        return new View(text, codeKeyboard(ctx, d));
    }

    /** The code with spaces and dashes dropped, or null when what is left is not 3 to 8 digits. */
    static String cleanCode(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = CODE_SEPARATORS.matcher(typed.strip()).replaceAll("");
        return CODE_DIGITS.matcher(digits).matches() ? digits : null;
    }

    private static boolean isWrongCode(YclientsException e) {
        return e.apiCode() != null && e.apiCode() == 432;
    }

    private Keyboard codeKeyboard(Context ctx, BookingDraft d) {
        Keyboard.Builder kb = Keyboard.builder().row(Button.callback(ctx.t("bookflow.button.resend"), RESEND));
        addNav(ctx, d, kb, true);
        return kb.build();
    }

    // --- limits -----------------------------------------------------------------------------------------

    /** A limit reached: said plainly, nothing sent to YCLIENTS, the draft kept at {@code keep}, the form offered. */
    private View overLimit(Context ctx, BookingDraft d, BookingQuotas.Over over, Step keep) {
        log.info("User {} reached the booking limit {} ({})", ctx.userId(), over.which(), over.limit());
        backTo(ctx, d, keep);
        String key = switch (over.which()) {
            case SMS_PER_PHONE -> "bookflow.limit.sms.phone";
            case SMS_PER_USER -> "bookflow.limit.sms.user";
            case BOOKINGS_PER_USER -> "bookflow.limit.bookings";
        };
        boolean form = formLink(d).isPresent();
        String text = ctx.t(key, "limit", over.limit()) + "\n\n" + ctx.t(form ? "bookflow.limit.form" : "bookflow.limit.phone");
        if (keep == Step.CODE) {
            text += "\n" + ctx.t("bookflow.limit.code.still");
        }
        return new View(text, overLimitKeyboard(ctx, d));
    }

    private Keyboard overLimitKeyboard(Context ctx, BookingDraft d) {
        Keyboard.Builder kb = Keyboard.builder();
        formLink(d).ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.form"), url)));
        kb.row(Button.callback(ctx.t("bookflow.button.cancel"), CANCEL));
        return kb.build();
    }

    /** A code YCLIENTS sent counts toward the SMS limits; a failure to count does not stop the booking. */
    private void countSms(Context ctx, BookingDraft d) {
        try {
            quotas.smsSent(ctx.userId(), d.phone());
        } catch (RuntimeException e) {
            log.warn("SMS code for user {} sent but not counted for the limits: {}", ctx.userId(), e.toString());
        }
    }

    /** A booking YCLIENTS accepted counts toward the limit; a failure to count does not undo the booking. */
    private void countBooking(Context ctx, BookingDraft d) {
        try {
            quotas.booked(ctx.userId(), d.phone());
        } catch (RuntimeException e) {
            log.warn("Booking of user {} made but not counted for the limits: {}", ctx.userId(), e.toString());
        }
    }

    /** The records and their hashes are kept with the customer for /mybookings; a failure here does not undo the booking. */
    private void remember(Context ctx, BookingDraft d, List<BookedRecord> records) {
        try {
            long company = booking.company();
            for (BookedRecord r : records) {
                references.add(ctx.userId(), company, r.recordId(), r.recordHash(), d.datetime());
            }
        } catch (NotReadyException | RuntimeException e) {
            log.warn("Booking of user {} made but not stored for /mybookings: {}", ctx.userId(), e.toString());
        }
    }

    /** The salon's phone from the (cached) company, or "" when unknown. */
    private String salonPhone() {
        try {
            String phone = booking.companyInfo().phone();
            return phone == null ? "" : phone.strip();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            return "";
        }
    }

    private Company companyOrNull(Context ctx) {
        try {
            return booking.companyInfo();
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.debug("No company details for the calendar file of user {}: {}", ctx.userId(), e.getMessage());
            return null;
        }
    }

    /** The "add to calendar" file: the booked time in UTC, as long as the slot YCLIENTS offered, at the company's address. */
    private Optional<Action.SendDocument> calendarFile(Context ctx, BookingDraft d, BookedRecord record, Company company) {
        Optional<java.time.Instant> start = CalendarFile.start(d.datetime(), d.zone());
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String summary = company == null ? d.serviceTitle() : d.serviceTitle() + " — " + company.displayTitle();
        String location = company == null ? null : company.address();
        long companyId = company == null ? 0 : company.id();
        byte[] ics = CalendarFile.event("yclients-" + companyId + "-" + record.recordId() + "@yclients-telegram-bot",
                start.get(), java.time.Duration.ofSeconds(length(d)), summary, location, booking.now());
        return Optional.of(new Action.SendDocument(ctx.chatId(), "booking-" + record.recordId() + ".ics", ics,
                ctx.t("bookflow.ics.caption")));
    }

    /** The slot's length in seconds as YCLIENTS offered it (the third item of a free time), 0 when unknown. */
    private static long length(BookingDraft d) {
        for (List<String> t : d.times()) {
            if (t.size() > 2 && t.get(1).equals(d.datetime())) {
                return Math.max(0, parseLong(t.get(2)));
            }
        }
        return 0;
    }

    /** What a refusal of book_check / book_record means to the customer, and where they go from there. */
    private View refused(Context ctx, BookingDraft d, YclientsException e) {
        Integer code = e.apiCode();
        if (code == null || e.isUnavailable()) {
            backTo(ctx, d, Step.SUMMARY);
            String key = e.isUnavailable() ? "bookflow.error.unavailable" : "bookflow.error.generic";
            View s = summary(ctx, d);
            return new View(ctx.t(key) + "\n\n" + s.text(), s.keyboard());
        }
        String message = ctx.t(switch (code) {
            case 431, 432, 433, 434, 435, 436, 437, 438 -> "bookflow.error." + code;
            default -> "bookflow.error.generic";
        });
        switch (code) {
            case 433, 436, 437 -> {
                try {
                    return nearest(ctx, d, message);
                } catch (StepFailed failed) {
                    drafts.end(ctx.userId());
                    return new View(message + "\n\n" + failed.view.text(), failed.view.keyboard());
                }
            }
            case 431 -> {
                backTo(ctx, d.contact(null, null), Step.TIME);
                try {
                    return times(ctx, d.step(Step.TIME), 0, message);
                } catch (StepFailed failed) {
                    return failed.view;
                }
            }
            case 434, 438 -> {
                drafts.end(ctx.userId());
                return new View(message, formOnly(ctx, d));
            }
            default -> {
                backTo(ctx, d, Step.SUMMARY);
                View s = summary(ctx, d);
                return new View(message + "\n\n" + s.text(), s.keyboard());
            }
        }
    }

    /** The slot went: the nearest free times, that day or the next bookable days. */
    private View nearest(Context ctx, BookingDraft d, String message) throws StepFailed {
        LocalDate day = LocalDate.parse(d.date());
        List<BookTime> free = call(ctx, d, () -> booking.times(d.serviceId(), d.staffId(), day)).stream()
                .filter(t -> !t.datetime().equals(d.datetime())).toList();
        LocalDate shown = day;
        if (free.isEmpty()) {
            for (LocalDate next : call(ctx, d, () -> booking.days(d.serviceId(), d.staffId(), d.zone()))) {
                if (next.isAfter(day)) {
                    List<BookTime> t = call(ctx, d, () -> booking.times(d.serviceId(), d.staffId(), next));
                    if (!t.isEmpty()) {
                        free = t;
                        shown = next;
                        break;
                    }
                }
            }
        }
        BookingDraft next = d.day(shown.toString(), pairs(free)).step(Step.TIME);
        backTo(ctx, next, Step.TIME);
        if (free.isEmpty()) {
            return new View(message + "\n\n" + ctx.t("bookflow.day.none"), formOnly(ctx, d));
        }
        return times(ctx, next, 0, message + "\n" + ctx.t("bookflow.nearest"));
    }

    /** After a failed confirm: the draft goes back to a step the customer can act on. */
    private void backTo(Context ctx, BookingDraft d, Step step) {
        drafts.find(ctx.userId()).ifPresent(v -> drafts.save(ctx.userId(), v.version(), d.step(step)));
    }

    // --- views -------------------------------------------------------------------------------------

    private View services(Context ctx, int page) {
        List<ServiceButton> all = booking.services();
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        Keyboard.Builder kb = Keyboard.builder();
        for (ServiceButton m : all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE))) {
            String price = prices.format(m.priceMin(), m.priceMax()).map(x -> " · " + x).orElse("");
            kb.row(Button.callback(cut(m.title(), 60 - price.length()) + price, SERVICE + m.id()));
        }
        kb.row(pager(p, pages, SERVICE_PAGE));
        kb.row(Button.callback(ctx.t("bookflow.button.cancel"), CANCEL));
        return new View(ctx.t("bookflow.service.header"), kb.build());
    }

    private View staff(Context ctx, BookingDraft d, int page) throws StepFailed {
        List<BookStaff> all = call(ctx, d, () -> booking.staff(d.serviceId()));
        int pages = Math.max(1, (all.size() + PAGE - 1) / PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        Keyboard.Builder kb = Keyboard.builder();
        kb.row(Button.callback(ctx.t("bookflow.staff.any"), STAFF + 0));
        for (BookStaff s : all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE))) {
            String spec = s.specialization() == null ? "" : " · " + s.specialization();
            kb.row(Button.callback(cut(s.name() + spec, 60), STAFF + s.id()));
        }
        kb.row(pager(p, pages, STAFF_PAGE));
        addNav(ctx, d, kb, true);
        String text = header(ctx, d) + "\n\n" + ctx.t("bookflow.staff.header");
        return new View(text, kb.build());
    }

    private View days(Context ctx, BookingDraft d) throws StepFailed {
        List<LocalDate> all = call(ctx, d, () -> booking.days(d.serviceId(), d.staffId(), d.zone()));
        Keyboard.Builder kb = Keyboard.builder();
        if (all.isEmpty()) {
            addNav(ctx, d, kb, true);
            return new View(header(ctx, d) + "\n\n" + ctx.t("bookflow.day.none"), kb.build());
        }
        TreeMap<YearMonth, List<LocalDate>> byMonth = new TreeMap<>();
        all.forEach(day -> byMonth.computeIfAbsent(YearMonth.from(day), k -> new ArrayList<>()).add(day));
        YearMonth month = byMonth.firstKey();
        if (d.month() != null) {
            try {
                YearMonth wanted = YearMonth.parse(d.month());
                month = byMonth.containsKey(wanted) ? wanted : month;
            } catch (RuntimeException ignored) {
                // an odd month in the state: show the first one
            }
        }
        Locale locale = Locale.forLanguageTag(ctx.lang());
        calendar(ctx, kb, month, byMonth.get(month), locale);
        List<Button> months = new ArrayList<>();
        Map.Entry<YearMonth, List<LocalDate>> before = byMonth.lowerEntry(month);
        Map.Entry<YearMonth, List<LocalDate>> after = byMonth.higherEntry(month);
        if (before != null) {
            months.add(Button.callback("‹ " + monthName(before.getKey(), locale), MONTH + before.getKey()));
        }
        if (after != null) {
            months.add(Button.callback(monthName(after.getKey(), locale) + " ›", MONTH + after.getKey()));
        }
        kb.row(months);
        addNav(ctx, d, kb, true);
        String text = header(ctx, d) + "\n\n" + ctx.t("bookflow.day.header", "month", monthName(month, locale));
        return new View(text, kb.build());
    }

    /**
     * A month as a calendar grid, Monday first: a bookable day is its number and books, any other day of the
     * month is "·" (a tap says there is no free time), cells outside the month are blank. Only the weeks that
     * hold a bookable day are shown, so a month with free time in its last week does not take a screen.
     */
    private static void calendar(Context ctx, Keyboard.Builder kb, YearMonth month, List<LocalDate> bookable, Locale locale) {
        List<Button> weekdays = new ArrayList<>();
        for (DayOfWeek dow : DayOfWeek.values()) {
            String name = dow.getDisplayName(TextStyle.SHORT_STANDALONE, locale);
            weekdays.add(Button.inert(name.substring(0, 1).toUpperCase(locale) + name.substring(1), NOOP));
        }
        kb.row(weekdays);
        java.util.Set<LocalDate> open = new java.util.HashSet<>(bookable);
        LocalDate first = bookable.get(0).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = bookable.get(bookable.size() - 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Button> week = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!YearMonth.from(day).equals(month)) {
                week.add(Button.inert(" ", NOOP));
            } else if (open.contains(day)) {
                week.add(Button.callback(Integer.toString(day.getDayOfMonth()), DAY + day));
            } else {
                week.add(Button.inert("·", CLOSED_DAY));
            }
            if (week.size() == 7) {
                kb.row(week);
                week = new ArrayList<>();
            }
        }
    }

    private View times(Context ctx, BookingDraft d, int page, String intro) throws StepFailed {
        Keyboard.Builder kb = Keyboard.builder();
        String head = (intro == null ? "" : intro + "\n\n") + header(ctx, d) + "\n\n";
        if (d.times().isEmpty()) {
            addNav(ctx, d, kb, true);
            return new View(head + ctx.t("bookflow.time.none"), kb.build());
        }
        int pages = (d.times().size() + TIMES_PAGE - 1) / TIMES_PAGE;
        int p = Math.max(0, Math.min(page, pages - 1));
        String dateKey = d.date().replace("-", "");
        List<Button> row = new ArrayList<>();
        for (int i = p * TIMES_PAGE; i < Math.min(d.times().size(), (p + 1) * TIMES_PAGE); i++) {
            row.add(Button.callback(d.times().get(i).get(0), TIME + dateKey + ":" + i));
            if (row.size() == 4) {
                kb.row(row);
                row = new ArrayList<>();
            }
        }
        kb.row(row);
        kb.row(pager(p, pages, TIME_PAGE));
        addNav(ctx, d, kb, true);
        return new View(head + ctx.t("bookflow.time.header"), kb.build());
    }

    /** Confirm, plain (buttons shown before this stamp existed) or stamped with the summary it sits on. */
    private static boolean isConfirm(String data) {
        return data.equals(CONFIRM) || data.startsWith(CONFIRM + ":");
    }

    /**
     * Confirm carries a stamp of what its summary shows (service, specialist, time, phone, name), so a summary
     * left on screen after the customer changed something cannot book what it does not show.
     */
    static String confirmData(BookingDraft d) {
        String shown = d.serviceId() + "|" + d.staffId() + "|" + d.datetime() + "|" + d.phone() + "|" + d.name();
        return CONFIRM + ":" + Integer.toHexString(shown.hashCode());
    }

    private View summary(Context ctx, BookingDraft d) {
        Keyboard.Builder kb = Keyboard.builder();
        kb.row(Button.callback(ctx.t("bookflow.button.confirm"), confirmData(d)));
        kb.row(Button.callback(ctx.t("bookflow.button.name"), EDIT_NAME), Button.callback(ctx.t("bookflow.button.phone"), OTHER_PHONE));
        addNav(ctx, d, kb, true);
        String text = ctx.t("bookflow.summary", "details", details(ctx, d));
        if (d.phone() != null && remembered.forNextBooking(ctx.userId()).map(c -> c.phone().equals(d.phone())).orElse(false)) {
            text += "\n\n" + ctx.t("bookflow.contact.remembered", "button", ctx.t("bookflow.button.phone"));
        }
        return new View(text, kb.build());
    }

    /** Service, specialist, date, time (with the company's time zone), price, name and phone. */
    private String details(Context ctx, BookingDraft d) {
        StringBuilder s = new StringBuilder();
        s.append(ctx.t("bookflow.line.service", "service", d.serviceTitle())).append('\n');
        s.append(ctx.t("bookflow.line.staff", "staff", staffLabel(ctx, d))).append('\n');
        if (d.date() != null) {
            s.append(ctx.t("bookflow.line.date", "date", dateLabel(ctx, LocalDate.parse(d.date())))).append('\n');
        }
        if (d.time() != null) {
            s.append(d.zone() == null ? ctx.t("bookflow.line.time", "time", d.time())
                    : ctx.t("bookflow.line.time.zone", "time", d.time(), "zone", d.zone())).append('\n');
        }
        s.append(ctx.t("bookflow.line.price", "price", prices.format(d.priceMin(), d.priceMax())
                .orElse(ctx.t("bookflow.price.unknown"))));
        if (d.phone() != null) {
            s.append('\n').append(ctx.t("bookflow.line.name", "name", d.name()));
            s.append('\n').append(ctx.t("bookflow.line.phone", "phone", PhoneNumber.display(d.phone())));
        }
        return s.toString();
    }

    /** What was chosen so far, on top of each step. */
    private String header(Context ctx, BookingDraft d) {
        StringBuilder s = new StringBuilder(ctx.t("bookflow.line.service", "service", d.serviceTitle()));
        if (d.step().ordinal() > Step.STAFF.ordinal()) {
            s.append('\n').append(ctx.t("bookflow.line.staff", "staff", staffLabel(ctx, d)));
        }
        if (d.step().ordinal() > Step.DAY.ordinal() && d.date() != null) {
            s.append('\n').append(ctx.t("bookflow.line.date", "date", dateLabel(ctx, LocalDate.parse(d.date()))));
        }
        if (d.step().ordinal() > Step.TIME.ordinal() && d.time() != null) {
            s.append('\n').append(ctx.t("bookflow.line.time", "time", d.time()));
        }
        return s.toString();
    }

    private static String staffLabel(Context ctx, BookingDraft d) {
        if (d.staffId() > 0 && d.staffName() != null) {
            return d.staffName();
        }
        // a button tied to a specialist YCLIENTS did not list as bookable: not "any", the one on the button
        return d.staffId() > 0 ? ctx.t("bookflow.staff.fixed") : ctx.t("bookflow.staff.any");
    }

    private static String dateLabel(Context ctx, LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.forLanguageTag(ctx.lang())).format(day);
    }

    private static String monthName(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }

    /** Back and Cancel, and in mode "both" the booking form for this service as a fallback. */
    private void addNav(Context ctx, BookingDraft d, Keyboard.Builder kb, boolean withBack) {
        List<Button> row = new ArrayList<>();
        if (withBack) {
            row.add(Button.callback(ctx.t("bookflow.button.back"), BACK));
        }
        row.add(Button.callback(ctx.t("bookflow.button.cancel"), CANCEL));
        kb.row(row);
        if (booking.mode() == BookingService.Mode.BOTH) {
            formLink(d).ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.form"), url)));
        }
    }

    private Keyboard nav(Context ctx, BookingDraft d, boolean withBack) {
        Keyboard.Builder kb = Keyboard.builder();
        addNav(ctx, d, kb, withBack);
        return kb.build();
    }

    /** Only the booking form (when there is one): where the customer goes when the chat cannot book. */
    private Keyboard formOnly(Context ctx, BookingDraft d) {
        return formLink(d).map(url -> Keyboard.builder().row(Button.url(ctx.t("bookflow.button.form"), url)).build())
                .orElse(Keyboard.NONE);
    }

    private Optional<String> formLink(BookingDraft d) {
        try {
            return menu.link(d.serviceId(), d.staffId()).map(ServiceMenu.ServiceLink::url);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Button> pager(int page, int pages, String prefix) {
        List<Button> nav = new ArrayList<>();
        if (pages <= 1) {
            return nav;
        }
        if (page > 0) {
            nav.add(Button.callback("‹", prefix + (page - 1)));
        }
        nav.add(Button.callback((page + 1) + "/" + pages, prefix + page));
        if (page < pages - 1) {
            nav.add(Button.callback("›", prefix + (page + 1)));
        }
        return nav;
    }

    // --- helpers -----------------------------------------------------------------------------------

    private interface Call<T> {
        T get() throws YclientsException, NotReadyException;
    }

    /** A YCLIENTS call of a step; a failure becomes the view to show (with the form as a fallback). */
    private <T> T call(Context ctx, BookingDraft d, Call<T> call) throws StepFailed {
        try {
            return call.get();
        } catch (NotReadyException e) {
            throw new StepFailed(new View(ctx.t("services.unavailable"), nav(ctx, d, false)));
        } catch (YclientsException e) {
            log.info("Booking step for user {} failed: {}", ctx.userId(), e.getMessage());
            String key = e.isUnavailable() ? "bookflow.error.unavailable" : "bookflow.error.generic";
            Keyboard.Builder kb = Keyboard.builder();
            formLink(d).ifPresent(url -> kb.row(Button.url(ctx.t("bookflow.button.form"), url)));
            kb.row(Button.callback(ctx.t("bookflow.button.cancel"), CANCEL));
            throw new StepFailed(new View(ctx.t(key), kb.build()));
        }
    }

    private String zone(Context ctx) {
        try {
            return booking.timezone();
        } catch (YclientsException | NotReadyException e) {
            log.debug("No company time zone for the booking of user {}: {}", ctx.userId(), e.getMessage());
            return null;
        }
    }

    private String staffName(Context ctx, long serviceId, long staffId) throws StepFailed {
        BookingDraft probe = BookingDraft.start();
        return call(ctx, probe, () -> booking.staff(serviceId)).stream().filter(s -> s.id() == staffId)
                .map(BookStaff::name).findFirst().orElse(null);
    }

    private static List<List<String>> pairs(List<BookTime> times) {
        return times.stream().map(t -> List.of(t.time(), t.datetime(), String.valueOf(t.seanceLength()))).toList();
    }

    private static Action.Edit edit(Context ctx, View v) {
        return new Action.Edit(ctx.chatId(), ctx.in().messageId(), v.text(), v.keyboard());
    }

    /** The flow message edited (after a button) or a new message (after a typed message). */
    private static Action show(Context ctx, View v, boolean editFlow) {
        return editFlow ? edit(ctx, v) : ctx.send(v.text(), v.keyboard());
    }

    private static int number(String data, String prefix) {
        return (int) Math.min(Integer.MAX_VALUE, parseLong(data.substring(prefix.length())));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
