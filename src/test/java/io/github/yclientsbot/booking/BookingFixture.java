package io.github.yclientsbot.booking;

import io.github.yclientsbot.config.BookingLimits;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.storage.BookingLimitEvents;
import io.github.yclientsbot.storage.BookingReferences;
import io.github.yclientsbot.storage.BookingStates;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.storage.SecretBox;
import io.github.yclientsbot.testing.TestClock;
import io.github.yclientsbot.testing.TestDatabase;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.BookedRecord;
import io.github.yclientsbot.yclients.Company;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The booking flow over a real (in-memory) database — drafts, consent, remembered contacts, limits, references —
 * with YCLIENTS's calls ({@link BookingService}) and the service menu stubbed as the salon of the end-to-end tests
 * has them: a haircut with Анна at 10:00 or 11:30 on 1 December 2026.
 */
final class BookingFixture implements AutoCloseable {
    static final long ANN = 7_000_000_001L;
    static final long COMPANY = 555;
    static final long SERVICE = 13700211;
    static final long ANNA = 2290341;
    static final long ANY_BUTTON = 1;
    static final long ANNA_BUTTON = 2;
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final LocalDate DEC_9 = LocalDate.of(2026, 12, 9);
    static final String TEN = "2026-12-01T10:00:00+03:00";
    static final String PHONE = "79161234567";
    static final long RECORD = 784512093;

    final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    final BookingService yclients = mock(BookingService.class);
    final ServiceMenu menu = mock(ServiceMenu.class);
    final Database database;
    final SecretBox box = new SecretBox(new byte[32]);
    final BookingDrafts drafts;
    final PrivacyConsent consent;
    final RememberedContacts remembered;
    final BookingReferences references;
    final AcceptedBookings accepted;
    final BookingFlow flow;
    final ReminderPlan plan = mock(ReminderPlan.class);
    final VisitChanges changes;
    final VisitMoves moves;

    /** The stores the flow writes to: the database's own, or Mockito spies of them ({@link #BookingFixture(BookingLimits, boolean)}). */
    final BookingStates states;
    final BookingLimitEvents limitEvents;

    BookingFixture(BookingLimits limits) throws Exception {
        this(limits, false);
    }

    /** @param spyStores the drafts', references' and limit counters' stores are spies, so a test can make them fail */
    BookingFixture(BookingLimits limits, boolean spyStores) throws Exception {
        database = TestDatabase.H2.prepare(BookingFixture.class, "jdbc:h2:mem:flow-" + System.nanoTime()).open(clock);
        states = spyStores ? spy(database.bookingStates()) : database.bookingStates();
        limitEvents = spyStores ? spy(database.bookingLimitEvents()) : database.bookingLimitEvents();
        Settings settings = mock(Settings.class);
        when(settings.get(SettingKey.BOOKING_PRIVACY_URL))
                .thenReturn(new Settings.Value("https://salon.example/privacy", Source.FILE, false));
        drafts = new BookingDrafts(states, box);
        consent = new PrivacyConsent(settings, database.bookingConsents());
        remembered = new RememberedContacts(database.customerContacts(box), consent);
        references = spyStores ? spy(database.bookingReferences()) : database.bookingReferences();
        BookingQuotas quotas = new BookingQuotas(limits, limitEvents, phone -> "h:" + phone, clock);
        RefusalPolicy policy = new RefusalPolicy();
        BookingSteps steps = new BookingSteps(yclients, remembered, policy);
        accepted = new AcceptedBookings(drafts, quotas, references);
        changes = new CompanyVisitChanges(yclients);
        moves = new VisitMoves(yclients, drafts, references, steps, changes, plan);
        flow = new BookingFlow(yclients, drafts, menu, consent, remembered, references, steps,
                new BookingConfirmation(yclients, drafts, quotas, remembered, accepted, steps, policy), accepted, moves);

        ServiceButton any = new ServiceButton(ANY_BUTTON, SERVICE, 0, "Женская стрижка", false, new BigDecimal("2500"), null);
        ServiceButton withAnna = new ServiceButton(ANNA_BUTTON, SERVICE, ANNA, "Стрижка — Анна", true, null, null);
        when(menu.linksUnavailable()).thenReturn(Optional.empty());
        when(yclients.mode()).thenReturn(BookingService.Mode.BOTH);
        when(yclients.services()).thenReturn(List.of(any, withAnna));
        when(yclients.service(ANY_BUTTON)).thenReturn(Optional.of(any));
        when(yclients.service(ANNA_BUTTON)).thenReturn(Optional.of(withAnna));
        when(yclients.timezone()).thenReturn("Europe/Moscow");
        when(yclients.staff(SERVICE)).thenReturn(List.of(new BookStaff(ANNA, "Анна Соколова", "стилист", true),
                new BookStaff(2290355, "Мария", null, true)));
        when(yclients.days(SERVICE, ANNA, "Europe/Moscow")).thenReturn(List.of(DEC_1, DEC_9));
        when(yclients.times(SERVICE, ANNA, DEC_1)).thenReturn(List.of(new BookTime("10:00", TEN, 5400),
                new BookTime("11:30", "2026-12-01T11:30:00+03:00", 5400)));
        when(yclients.times(SERVICE, ANNA, DEC_9)).thenReturn(List.of(new BookTime("15:00", "2026-12-09T15:00:00+03:00", 5400)));
        when(yclients.book(any(), any())).thenReturn(List.of(new BookedRecord(RECORD, "h4sh")));
        when(yclients.company()).thenReturn(COMPANY);
        when(yclients.companyInfo()).thenReturn(new Company(COMPANY, "Лён", "Салон «Лён»", "Москва", "Тверская, 1",
                " +7 495 000-00-00 ", "Europe/Moscow", false, List.of()));
        when(yclients.now()).thenAnswer(i -> clock.instant());
        when(yclients.bookingEnabled()).thenReturn(true);
    }

    /** Service → Анна → 1 December → 10:00 (→ the consent, given, the first time) → the phone typed. */
    BookingOutcome.Summary walkToSummary() {
        flow.start(ANN);
        flow.press(ANN, new Choice.Service(ANY_BUTTON));
        flow.press(ANN, new Choice.Staff(ANNA));
        flow.press(ANN, new Choice.Day(DEC_1));
        BookingOutcome afterTime = flow.press(ANN, new Choice.Time(DEC_1, 0));
        if (afterTime instanceof BookingOutcome.ConsentAsked) {
            afterTime = flow.press(ANN, new Choice.Agree());
        }
        if (afterTime instanceof BookingOutcome.Summary remembered) {
            return remembered;
        }
        return ((BookingOutcome.ContactTaken) flow.typed(ANN, "+7 916 123-45-67", "Анна")).summary();
    }

    BookingDraft.Step step() {
        return drafts.find(ANN).map(v -> v.draft().step()).orElse(null);
    }

    @Override
    public void close() {
        database.close();
    }
}
