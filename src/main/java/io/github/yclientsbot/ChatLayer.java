package io.github.yclientsbot;

import io.github.yclientsbot.booking.AcceptedBookings;
import io.github.yclientsbot.booking.Attendance;
import io.github.yclientsbot.booking.AttendanceConfirmation;
import io.github.yclientsbot.booking.CompanyZone;
import io.github.yclientsbot.booking.BookAgain;
import io.github.yclientsbot.booking.FollowupTimes;
import io.github.yclientsbot.booking.MyReminders;
import io.github.yclientsbot.booking.VisitFollowups;
import io.github.yclientsbot.chat.FollowupView;
import io.github.yclientsbot.booking.ReminderSchedule;
import io.github.yclientsbot.booking.ReminderTimes;
import io.github.yclientsbot.booking.VisitReminders;
import io.github.yclientsbot.booking.BookingConfirmation;
import io.github.yclientsbot.booking.BookingDrafts;
import io.github.yclientsbot.booking.BookingFlow;
import io.github.yclientsbot.booking.BranchChoice;
import io.github.yclientsbot.booking.BookingForm;
import io.github.yclientsbot.booking.BookingQuotas;
import io.github.yclientsbot.booking.BookingService;
import io.github.yclientsbot.booking.BookingSteps;
import io.github.yclientsbot.booking.CompanyVisitChanges;
import io.github.yclientsbot.booking.MyBookings;
import io.github.yclientsbot.booking.PriceFormat;
import io.github.yclientsbot.booking.PrivacyConsent;
import io.github.yclientsbot.booking.RefusalPolicy;
import io.github.yclientsbot.booking.RememberedContacts;
import io.github.yclientsbot.booking.ReminderPlan;
import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.booking.VisitChanges;
import io.github.yclientsbot.booking.VisitMoves;
import io.github.yclientsbot.booking.StaffRecords;
import io.github.yclientsbot.booking.VisitsElsewhere;
import io.github.yclientsbot.booking.WaitingTurn;
import io.github.yclientsbot.booking.WatchStatus;
import io.github.yclientsbot.chat.AdminCommands;
import io.github.yclientsbot.chat.AdminRosterCommands;
import io.github.yclientsbot.chat.BookingChat;
import io.github.yclientsbot.chat.BookingLayout;
import io.github.yclientsbot.chat.BranchCommands;
import io.github.yclientsbot.chat.BranchQuestions;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.CustomerCommands;
import io.github.yclientsbot.chat.DocumentDownloader;
import io.github.yclientsbot.chat.MyBookingsChat;
import io.github.yclientsbot.chat.ReminderView;
import io.github.yclientsbot.chat.RemindersChat;
import io.github.yclientsbot.chat.ServiceButtonCommands;
import io.github.yclientsbot.chat.ServiceListView;
import io.github.yclientsbot.chat.StatusCommand;
import io.github.yclientsbot.chat.TransferCommands;
import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.chat.VisitsElsewhereChat;
import io.github.yclientsbot.chat.WebhookCommand;
import io.github.yclientsbot.company.ServiceButtons;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.health.AttendanceStats;
import io.github.yclientsbot.setup.AdminRoster;
import io.github.yclientsbot.setup.BranchSetup;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.setup.ClaimCode;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.setup.ExportImport;
import io.github.yclientsbot.setup.ReminderStatus;
import io.github.yclientsbot.setup.Roles;
import io.github.yclientsbot.setup.ServiceSetup;
import io.github.yclientsbot.setup.StatusReport;
import io.github.yclientsbot.setup.TokenSetup;
import io.github.yclientsbot.setup.WebhookSetup;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.yclients.BookingLinkBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The second layer: the admin and customer use cases and the {@link ChatBot} that routes updates to them — the
 * same for every transport. The transport supplies only the bot's username (null while unknown, always in the
 * console) and how files users send are fetched.
 *
 * @param menu         the customers' service buttons (also served on the HTTP port)
 * @param companySetup finds the booking form (at start and in the background, on the background share of YCLIENTS)
 * @param drafts       booking conversations (expired ones are deleted in the background)
 * @param accepted     bookings YCLIENTS accepted whose writes failed (written again in the background)
 * @param attendance   "I'll come": a visit's attendance confirmed in YCLIENTS (with the user token)
 * @param elsewhere    visits booked elsewhere: a {@code RecordWatch} for the record poll and webhooks, and what
 *                     {@code /reminders off} calls ({@link VisitsElsewhere#withdraw})
 * @param watchStatus  what the record poll and the webhook last did (the background writes it, /status shows it)
 * @param reminders    the reminders of known visits, told of every visit added, moved or cancelled
 */
public record ChatLayer(ChatBot bot, ServiceMenu menu, CompanySetup companySetup, BookingDrafts drafts,
                        AcceptedBookings accepted, Roles roles, Attendance attendance, VisitsElsewhere elsewhere,
                        WatchStatus watchStatus, Reminders reminders) {

    /**
     * The reminders of visits: their durable plan ({@link ReminderSchedule}, told by the booking and /mybookings), what
     * a due one says ({@link VisitReminders}) and how it reads ({@link ReminderView}); the schedule's runner
     * ({@link ReminderScheduler}) is built with the transport's outbox.
     */
    public record Reminders(ReminderSchedule schedule, VisitReminders visits, ReminderView view, VisitFollowups followups,
                            FollowupView followupView, CallerScope callers) {}

    private static final Logger log = LoggerFactory.getLogger(ChatLayer.class);

    public static ChatLayer build(CoreServices core, Supplier<String> botUsername, DocumentDownloader downloader)
            throws StartupException {
        BotConfig config = core.config();
        Database database = core.database();
        Roles roles = new Roles(config.roles().admins(), config.roles().support(), database.admins());
        ClaimCode claim = new ClaimCode(database.admins(), roles, database.auditLog());
        if (!roles.hasAnyAdmin()) {
            String code = claim.open(new SecureRandom());
            log.warn("No admin is configured. To become the admin, send this to the bot in a private chat: /claim {}"
                    + " (the code works once; or list your Telegram id in bot.admins / BOT_ADMINS)", code);
        }
        PriceFormat prices = new PriceFormat(config.locale().currency());
        BookingLinkBuilder links;
        try {
            links = new BookingLinkBuilder(config.yclients().bookingTemplate());
        } catch (IllegalArgumentException e) {
            throw new StartupException("yclients.booking.template (YCLIENTS_BOOKING_TEMPLATE): " + e.getMessage(), 2);
        }
        ServiceMenu menu = new ServiceMenu(core.settings(), database.serviceMappings(), links, prices, core.branches());
        // YCLIENTS's rate limit is shared: admin and support commands on the admins' share, the bot's own work on the
        // capped background share, and the customer use cases on the share of the customer being served
        YclientsDirectory forAdmins = core.yclients().forCaller(Caller.ADMIN);
        Branches branchesForAdmins = core.branches().forCaller(Caller.ADMIN);
        CallerScope customers = new CallerScope();
        // the records with the user token ("I'll come", visits booked elsewhere), on the share of whom it is done for
        StaffRecords staffRecords = new StaffRecords(core.settings(), core.yclients(), customers);
        AttendanceStats attendanceStats = new AttendanceStats(core.clock(), core.metrics());
        Attendance attendance = new AttendanceConfirmation(staffRecords, database.bookingReferences(), core.clock(),
                result -> attendanceStats.record(result.name()));
        StatusReport status = new StatusReport(core.settings(), forAdmins, database.serviceMappings(),
                database.auditLog(), core.stats(), database::ping, Version.current(), branchesForAdmins,
                attendanceStats::failedToday);
        CompanySetup companySetup = new CompanySetup(core.settings(), forAdmins, database.serviceMappings(),
                database.auditLog());
        CompanySetup backgroundSetup = new CompanySetup(core.settings(), core.yclients().forCaller(Caller.BACKGROUND),
                database.serviceMappings(), database.auditLog());
        WatchStatus watchStatus = new WatchStatus(core.stats());
        BookingDrafts drafts = new BookingDrafts(database.bookingStates(), core.secrets());
        PrivacyConsent consent = new PrivacyConsent(core.settings(), database.bookingConsents());
        BookingService bookingService = new BookingService(core.settings(), core.yclients(),
                new ServiceButtons(database.serviceMappings(), core.settings()), core.clock(), customers);
        BookingQuotas quotas = new BookingQuotas(config.booking().limits(), database.bookingLimitEvents(),
                core.secrets()::fingerprint, core.clock());
        RememberedContacts remembered = new RememberedContacts(database.customerContacts(core.secrets()), consent);
        RefusalPolicy refusals = new RefusalPolicy();
        BookingSteps steps = new BookingSteps(bookingService, remembered, refusals);
        // what a customer may change at this distance from a visit: the company's own rules (cached with the company)
        VisitChanges changes = new CompanyVisitChanges(bookingService);
        CompanyZone zone = new CompanyZone(bookingService);
        // a chain's reminders are timed and worded in their own branch's zone; one company: its zone as before
        LongFunction<ZoneId> branchZone = company -> bookingService.branches().size() > 1 ? zone.of(company) : zone.get();
        // the follow-up after a visit rides on the reminders' schedule (same task, its own instance id)
        ReminderSchedule reminderSchedule = new ReminderSchedule(ReminderScheduler.client(database.dataSource()),
                database.bookingReferences(), database.reminders(), new ReminderTimes(config.reminders()),
                new FollowupTimes(config.followup(), config.reminders()), branchZone, core.clock());
        Reminders reminders = new Reminders(reminderSchedule,
                new VisitReminders(database.bookingReferences(), database.reminders(), bookingService, reminderSchedule,
                        attendance, changes, core.stats(), core.clock()),
                new ReminderView(core.messages(), branchZone),
                new VisitFollowups(database.bookingReferences(), database.reminders(), bookingService, reminderSchedule,
                        core.stats()::followup, core.clock()),
                new FollowupView(core.messages(), config.followup().reviewUrl()), customers);
        AcceptedBookings accepted = new AcceptedBookings(drafts, quotas, database.bookingReferences(), reminderSchedule);
        VisitMoves moves = new VisitMoves(bookingService, drafts, database.bookingReferences(), steps, changes,
                reminderSchedule);
        BookingFlow flow = new BookingFlow(bookingService, drafts, menu, consent, remembered, database.bookingReferences(),
                steps, new BookingConfirmation(bookingService, drafts, quotas, remembered, accepted, steps, refusals),
                accepted, moves);
        BookingLayout layout = new BookingLayout(prices, new BookingForm(menu, bookingService));
        VisitsElsewhere elsewhere = new VisitsElsewhere(core.settings(), staffRecords, database.visitWatch(),
                database.bookingReferences(), phone -> core.secrets().fingerprint("verified phone", phone),
                reminderSchedule, core.clock());
        VisitsElsewhereChat elsewhereChat = new VisitsElsewhereChat(elsewhere);
        // /reminders off also takes back "remind me of all my visits"
        RemindersChat remindersChat = new RemindersChat(new MyReminders(database.bookingReferences(), database.reminders(),
                reminderSchedule, attendance, core.stats(), elsewhere), config.reminders().enabled());
        MyBookingsChat mine = new MyBookingsChat(new MyBookings(bookingService, database.bookingReferences(), staffRecords,
                changes, reminderSchedule), layout, elsewhereChat, moves);
        BookingChat bookingChat = new BookingChat(flow, mine, layout, botUsername, new WaitingTurn(bookingService, drafts),
                elsewhereChat, remindersChat, new BookAgain(bookingService, drafts, steps));
        // "which branch?" questions are kept in memory only: a restart forgets them (their buttons say "send again")
        BranchCommands branchCommands = new BranchCommands(new BranchSetup(core.settings(), branchesForAdmins, forAdmins,
                database.serviceMappings(), database.auditLog()), branchesForAdmins, new BranchQuestions(core.clock()));
        ChatBot bot = new ChatBot(core.messages(), roles, botUsername,
                new CustomerCommands(menu, new ServiceListView(menu, bookingService::mode, botUsername), claim,
                        bookingChat, mine, remindersChat,
                        new BranchChoice(core.branches(), database.customerBranches(), customers)),
                new AdminCommands(new TokenSetup(core.settings(), forAdmins, database.auditLog()), companySetup,
                        new ServiceButtonCommands(new ServiceSetup(forAdmins, database.serviceMappings(),
                                database.auditLog()), prices, branchCommands), branchCommands),
                new AdminRosterCommands(new AdminRoster(roles, database.admins(), database.auditLog())),
                new TransferCommands(new ExportImport(core.settings(), database.serviceMappings(), database.admins(),
                        database.restore(), database.auditLog(), forAdmins, roles, core.mapper(), core.clock(),
                        Version.current()), downloader),
                new StatusCommand(status, menu, botUsername, watchStatus, new ReminderStatus(database.reminders(),
                        ReminderSchedule.TASK, config.reminders().enabled(), config.followup().enabled(), forAdmins,
                        core.clock())),
                new WebhookCommand(new WebhookSetup(core.settings(), forAdmins.client().hooks(), config.recordWatch(),
                        config.http().port().isPresent(), database.auditLog())),
                bookingChat, customers);
        return new ChatLayer(bot, menu, backgroundSetup, drafts, accepted, roles, attendance, elsewhere, watchStatus,
                reminders);
    }

    /** No files outside Telegram. */
    static final DocumentDownloader NO_DOWNLOADS = (fileId, maxBytes) -> {
        throw new DocumentDownloader.DownloadException("files come only through Telegram", false);
    };
}
