package io.github.yclientsbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.booking.BookingDraft;
import io.github.yclientsbot.booking.BookingOutcome;
import io.github.yclientsbot.booking.VisitsElsewhere;
import io.github.yclientsbot.i18n.Messages;
import io.github.yclientsbot.setup.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The question about visits booked elsewhere never costs the customer the booking's own answer. */
class VisitsElsewhereChatTest {
    private static final long CHAT = 3003;

    private final VisitsElsewhere visits = mock(VisitsElsewhere.class);
    private final VisitsElsewhereChat chat = new VisitsElsewhereChat(visits);
    private final Context ctx = new Context(Incoming.callback(1, CHAT, ChatType.PRIVATE, CHAT, "Анна", "ru", 501, "cb1",
            "bk:ok"), Role.CUSTOMER, "ru", new Messages("ru"));
    private final BookingOutcome booked = new BookingOutcome.Booked(BookingDraft.start(), 784512093, Optional.empty(),
            false);
    private final Reply shown = Reply.text(CHAT, "Вы записаны");

    @Test
    void aDatabaseFailureLeavesTheBookingsAnswerAsItWas() {
        when(visits.askAfterBooking(anyLong())).thenThrow(new IllegalStateException("database down"));
        assertSame(shown, chat.afterBooking(ctx, booked, shown));

        when(visits.offer(anyLong())).thenThrow(new IllegalStateException("database down"));
        assertTrue(chat.myBookingsButton(ctx).isEmpty());
    }

    @Test
    void theQuestionFollowsTheBookingWhenItIsToBeAsked() {
        when(visits.askAfterBooking(anyLong())).thenReturn(true);
        when(visits.salon()).thenReturn(Optional.of("Студия «Лён»"));

        Reply reply = chat.afterBooking(ctx, booked, shown);

        assertEquals(2, reply.actions().size());
        Action.Send question = (Action.Send) reply.actions().get(1);
        assertTrue(question.text().contains("Напоминать обо всех ваших записях в «Студия «Лён»»?"), question.text());
        assertSame(shown, chat.afterBooking(ctx, new BookingOutcome.Booked(BookingDraft.start(), 1, Optional.empty(),
                true), shown), "not while remember-my-number waits");
    }
}
