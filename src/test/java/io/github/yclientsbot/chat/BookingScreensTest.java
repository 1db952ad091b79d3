package io.github.yclientsbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingDraft.Step;
import io.github.yclientsbot.booking.BookingForm;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.BookingQuotas;
import io.github.yclientsbot.booking.CalendarInvite;
import io.github.yclientsbot.booking.CustomerName;
import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.booking.RefusalPolicy;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.setup.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How each outcome of the booking reaches the customer: after a button the booking's message is edited and the
 * button answered first; after a typed message new messages are sent. Every outcome has a view.
 */
class BookingScreensTest {
    private static final long CHAT = 7_000_000_001L;
    private static final int FLOW_MESSAGE = 501;
    private static final String FORM = "https://n123.yclients.com/company/555/personal/menu?o=s13700211";

    private final Messages messages = new Messages("ru");
    private final BookingForm form = mock(BookingForm.class);
    private final BookingLayout layout = new BookingLayout(new PriceFormat("₽"), form);

    BookingScreensTest() {
        when(form.link(any())).thenReturn(Optional.of(FORM));
        when(form.alongside()).thenReturn(true);
    }

    private Screen button() {
        return Screen.afterButton(new Context(Incoming.callback(1, CHAT, ChatType.PRIVATE, CHAT, "Анна", "ru", FLOW_MESSAGE,
                "cb1", "bk:x"), Role.CUSTOMER, "ru", messages), layout);
    }

    private Screen message() {
        return Screen.afterMessage(new Context(Incoming.text(2, CHAT, ChatType.PRIVATE, CHAT, "Анна", "ru", 777, "…"),
                Role.CUSTOMER, "ru", messages), layout);
    }

    private static BookingDraft draft(Step step) {
        return BookingDraft.start().service(13700211, "Женская стрижка", new BigDecimal("2500"), null, 0, false, "Europe/Moscow")
                .staff(2290341, "Анна Соколова")
                .day("2026-12-01", List.of(List.of("10:00", "2026-12-01T10:00:00+03:00", "5400"),
                        List.of("11:30", "2026-12-01T11:30:00+03:00", "5400")))
                .time("10:00", "2026-12-01T10:00:00+03:00").contact("79161234567", "Анна").step(step);
    }

    /** One of each outcome. */
    private static List<BookingOutcome> everyOutcome() {
        BookingDraft d = draft(Step.SUMMARY);
        BookingOutcome.Summary summary = new BookingOutcome.Summary(d, "33247670", true);
        BookingOutcome.TimeList times = new BookingOutcome.TimeList(d.step(Step.TIME), 0);
        return List.of(
                new BookingOutcome.ServiceList(List.of(new ServiceButton(1, 13700211, 0, "Стрижка", false, null, null)), 0),
                new BookingOutcome.SpecialistList(d.step(Step.STAFF), List.of(new BookingOutcome.Specialist(2290341, "Анна", null)), 0),
                new BookingOutcome.Calendar(d.step(Step.DAY), List.of(LocalDate.of(2026, 12, 1))),
                times,
                new BookingOutcome.ConsentAsked(d.step(Step.CONSENT), Optional.of("https://salon.example/privacy")),
                new BookingOutcome.ContactAsked(d.step(Step.CONTACT)),
                summary,
                new BookingOutcome.NameAsked(d.step(Step.NAME)),
                new BookingOutcome.CodeAsked(d.step(Step.CODE), BookingOutcome.CodeSent.RECENT, 42),
                new BookingOutcome.Booked(d, 784512093, Optional.of(new CalendarInvite("booking-784512093.ics", new byte[] {1})), true),
                new BookingOutcome.ContactTaken(summary),
                new BookingOutcome.ContactRefused(BookingOutcome.ContactProblem.FOREIGN),
                new BookingOutcome.NameRefused(CustomerName.Problem.NO_LETTER),
                new BookingOutcome.CodeProblem(d.step(Step.CODE), BookingOutcome.CodeTrouble.WRONG, 2),
                new BookingOutcome.ResendTooSoon(17),
                new BookingOutcome.RememberAnswered(BookingOutcome.Remembering.SAVED, "79161234567"),
                new BookingOutcome.ContactDropped(times),
                new BookingOutcome.Cancelled(true),
                new BookingOutcome.ConsentDeclined(d),
                new BookingOutcome.ServiceGone(),
                new BookingOutcome.Ended(true),
                new BookingOutcome.Ignored(BookingOutcome.Why.OUTDATED_SUMMARY),
                new BookingOutcome.Forgotten(),
                new BookingOutcome.NoBooking(ServiceMenu.Unavailable.NO_SERVICES),
                new BookingOutcome.StepFailed(d, RefusalPolicy.Reason.UNAVAILABLE),
                new BookingOutcome.StepNotReady(d),
                new BookingOutcome.NotReady(d),
                new BookingOutcome.Refused(d, RefusalPolicy.Reason.TIME_TAKEN, true, times),
                new BookingOutcome.NothingFree(d),
                new BookingOutcome.OutcomeUnknown("+7 495 000-00-00"),
                new BookingOutcome.OverLimit(d, new BookingQuotas.Over(BookingQuotas.Exceeded.SMS_PER_PHONE, 3), true),
                new BookingOutcome.MoveAsked(moving(Step.SUMMARY), "33247670"),
                new BookingOutcome.Moved(moving(Step.BOOKING), "2026-12-01T11:30:00+03:00",
                        Optional.of(new CalendarInvite("booking-784512093.ics", new byte[] {1}))),
                new BookingOutcome.MoveRefused(BookingOutcome.MoveTrouble.TAKEN, "2026-12-01T10:00:00+03:00",
                        "+7 495 000-00-00", new BookingOutcome.TimeList(moving(Step.TIME), 0)),
                new BookingOutcome.MoveDropped("2026-12-01T10:00:00+03:00"));
    }

    /** A draft moving the visit of 1 December, 10:00, to 11:30. */
    private static BookingDraft moving(Step step) {
        return draft(step).contact(null, null).time("11:30", "2026-12-01T11:30:00+03:00")
                .moving(new BookingDraft.Moving(7, "2026-12-01T10:00:00+03:00"));
    }

    @Test
    void aMoveShowsBothTimesAndNoBookingFormAndEveryRefusalKeepsTheOldTime() {
        Action.Edit asked = (Action.Edit) BookingScreens.reply(button(),
                new BookingOutcome.MoveAsked(moving(Step.SUMMARY), "33247670")).actions().get(1);
        assertTrue(asked.text().contains("вторник, 1 декабря 2026, 10:00") && asked.text().contains("11:30"), asked.text());
        assertEquals(List.of("bk:ok:33247670", "bk:b", "bk:x"), data(asked.keyboard()));
        assertTrue(asked.keyboard().rows().stream().flatMap(List::stream).allMatch(b -> b.url() == null),
                "no booking form while moving: it would book a second visit");
        for (BookingOutcome.MoveTrouble t : BookingOutcome.MoveTrouble.values()) {
            Action.Edit e = (Action.Edit) BookingScreens.reply(button(), new BookingOutcome.MoveRefused(t,
                    "2026-12-01T10:00:00+03:00", "+7 495 000-00-00", null)).actions().get(1);
            assertFalse(Messages.isMissingMarker(e.text()), t.toString());
            if (t != BookingOutcome.MoveTrouble.GONE) {
                assertTrue(e.text().contains("1 декабря 2026, 10:00") && e.text().contains("+7 495 000-00-00"),
                        t + ": " + e.text());
            }
        }
    }

    @Test
    void everyOutcomeHasAViewWithNoMissingText() {
        Set<Class<?>> shown = everyOutcome().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(BookingOutcome.class.getPermittedSubclasses()), shown, "an outcome without a case here");
        for (BookingOutcome o : everyOutcome()) {
            for (Reply r : List.of(BookingScreens.reply(button(), o), BookingScreens.reply(message(), o))) {
                assertFalse(r.isEmpty(), o.toString());
                String texts = r.actions().stream().flatMap(BookingScreensTest::texts).collect(Collectors.joining("\n"));
                assertFalse(Messages.isMissingMarker(texts), o + ": " + texts);
            }
        }
    }

    @Test
    void afterAButtonItIsAnsweredFirstAndTheBookingsMessageEdited() {
        Reply r = BookingScreens.reply(button(), new BookingOutcome.ContactAsked(draft(Step.CONTACT)));
        assertEquals(3, r.actions().size(), r.toString());
        assertEquals(new Action.AnswerCallback(CHAT, "cb1", null), r.actions().get(0));
        Action.Edit edit = assertInstanceOf(Action.Edit.class, r.actions().get(1));
        assertEquals(FLOW_MESSAGE, edit.messageId());
        assertTrue(edit.text().contains("Шаг 5 из 5"), edit.text());
        assertEquals(List.of("bk:b", "bk:x"), data(edit.keyboard()));
        Action.Send ask = assertInstanceOf(Action.Send.class, r.actions().get(2));
        assertFalse(ask.keyboard().isInline(), "the share-contact keyboard comes with a new message");
    }

    @Test
    void afterATypedMessageNewMessagesAreSent() {
        BookingOutcome.Summary summary = new BookingOutcome.Summary(draft(Step.SUMMARY), "33247670", false);
        Reply r = BookingScreens.reply(message(), new BookingOutcome.ContactTaken(summary));
        assertEquals(2, r.actions().size(), r.toString());
        Action.Send ok = assertInstanceOf(Action.Send.class, r.actions().get(0));
        assertTrue(ok.keyboard().removeReply() && ok.text().contains("+7 916 123-45-67"), ok.toString());
        Action.Send shown = assertInstanceOf(Action.Send.class, r.actions().get(1));
        assertEquals(List.of("bk:ok:33247670", "bk:nm", "bk:ph", "bk:b", "bk:x"), data(shown.keyboard()));
        assertEquals(List.of(FORM), shown.keyboard().rows().stream().flatMap(List::stream).map(Button::url)
                .filter(Objects::nonNull).toList(), "mode both: the form next to every step");
    }

    @Test
    void aRefusalIsSaidAboveTheScreenTheCustomerWentBackTo() {
        BookingDraft d = draft(Step.SUMMARY);
        BookingOutcome.TimeList nearest = new BookingOutcome.TimeList(d.step(Step.TIME), 0);
        Action.Edit edit = (Action.Edit) BookingScreens.reply(button(),
                new BookingOutcome.Refused(d, RefusalPolicy.Reason.TIME_TAKEN, true, nearest)).actions().get(1);
        String times = ((Action.Edit) BookingScreens.reply(button(), nearest).actions().get(1)).text();
        assertEquals(messages.get("ru", "bookflow.error.433") + "\n" + messages.get("ru", "bookflow.nearest") + "\n\n" + times,
                edit.text());
        assertEquals(List.of("bk:t:20261201:0", "bk:t:20261201:1", "bk:b", "bk:x"), data(edit.keyboard()));

        Action.Edit formOnly = (Action.Edit) BookingScreens.reply(button(),
                new BookingOutcome.Refused(d, RefusalPolicy.Reason.NOT_ONLINE, false, null)).actions().get(1);
        assertEquals(messages.get("ru", "bookflow.error.438"), formOnly.text());
        assertEquals(List.of(), data(formOnly.keyboard()), "only the form's link");
        assertEquals(1, formOnly.keyboard().rows().size());
    }

    @Test
    void aNoticeIsTheButtonsAnswerOrAMessage() {
        BookingOutcome stale = new BookingOutcome.Ignored(BookingOutcome.Why.STALE);
        assertEquals(Reply.of(new Action.AnswerCallback(CHAT, "cb1", messages.get("ru", "bookflow.stale"))),
                BookingScreens.reply(button(), stale));
        assertEquals(Reply.text(CHAT, messages.get("ru", "bookflow.busy")),
                BookingScreens.reply(message(), new BookingOutcome.Ignored(BookingOutcome.Why.BUSY)));
        Reply ended = BookingScreens.reply(button(), new BookingOutcome.Ended(false));
        assertEquals(new Action.AnswerCallback(CHAT, "cb1", messages.get("ru", "bookflow.expired.short")), ended.actions().get(0));
        assertEquals(messages.get("ru", "bookflow.expired"), ((Action.Edit) ended.actions().get(1)).text());
    }

    @Test
    void aBookingComesWithItsCalendarFileAndTheRememberQuestion() {
        BookingDraft d = draft(Step.BOOKING);
        Reply r = BookingScreens.reply(button(), new BookingOutcome.Booked(d, 784512093,
                Optional.of(new CalendarInvite("booking-784512093.ics", new byte[] {1, 2})), true));
        assertEquals(List.of(Action.AnswerCallback.class, Action.Edit.class, Action.SendDocument.class, Action.Send.class),
                r.actions().stream().map(Object::getClass).toList());
        assertEquals("booking-784512093.ics", ((Action.SendDocument) r.actions().get(2)).fileName());
        assertEquals(List.of("bk:rm:y", "bk:rm:n"), data(((Action.Send) r.actions().get(3)).keyboard()));
    }

    private static List<String> data(Keyboard keyboard) {
        return keyboard.rows().stream().flatMap(List::stream).map(Button::callbackData).filter(Objects::nonNull).toList();
    }

    private static Stream<String> texts(Action a) {
        if (a instanceof Action.Send s) {
            return Stream.concat(Stream.of(s.text()), buttonTexts(s.keyboard()));
        } else if (a instanceof Action.Edit e) {
            return Stream.concat(Stream.of(e.text()), buttonTexts(e.keyboard()));
        } else if (a instanceof Action.AnswerCallback c) {
            return Stream.ofNullable(c.text());
        } else if (a instanceof Action.SendDocument d) {
            return Stream.of(d.caption());
        }
        return Stream.empty();
    }

    private static Stream<String> buttonTexts(Keyboard k) {
        return Stream.concat(k.rows().stream().flatMap(List::stream).map(Button::text), Stream.ofNullable(k.contactButton()));
    }
}
