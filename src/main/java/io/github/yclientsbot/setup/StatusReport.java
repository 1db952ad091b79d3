package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.health.RuntimeStats;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.storage.AuditEntry;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Everything support needs to see at a glance, collected in one pass (with one live YCLIENTS call). */
public final class StatusReport {
    private final Settings settings;
    private final YclientsDirectory yclients;
    private final ServiceMappings mappings;
    private final AuditLog audit;
    private final RuntimeStats stats;
    private final BooleanSupplier databaseUp;
    private final String version;
    private final Branches branches;
    private final LongSupplier attendanceFailedToday;

    /** @param attendanceFailedToday "I'll come" taps YCLIENTS refused or did not answer today */
    public StatusReport(Settings settings, YclientsDirectory yclients, ServiceMappings mappings, AuditLog audit,
                        RuntimeStats stats, BooleanSupplier databaseUp, String version, Branches branches,
                        LongSupplier attendanceFailedToday) {
        this.branches = branches;
        this.attendanceFailedToday = attendanceFailedToday;
        this.settings = settings;
        this.yclients = yclients;
        this.mappings = mappings;
        this.audit = audit;
        this.stats = stats;
        this.databaseUp = databaseUp;
        this.version = version;
    }

    /** A token as /status shows it: masked value and where it came from, or "unreadable". */
    public record TokenView(String masked, String source, boolean set, boolean undecryptable) {}

    public record Snapshot(
            boolean enabled,
            OptionalLong companyId,
            String companySource,
            Optional<String> companyTitle,
            Optional<Settings.BookingForm> bookingForm,
            TokenView partnerToken,
            TokenView userToken,
            LiveCheck live,
            Readiness readiness,
            boolean databaseUp,
            long servicesMapped,
            String version,
            Duration uptime,
            long updatesHandled,
            int updateQueueDepth,
            int sendQueueDepth,
            long sendDropped,
            String sendMaxAgeSeconds,
            long errors,
            Optional<RuntimeStats.LastError> lastError,
            Optional<Change> lastChange,
            String bookingMode,
            String bookingModeSource,
            Optional<BranchesView> branches,
            long attendanceFailedToday) {
        /**
         * The user token is set and readable (with a partner token and a company): the records can be read and
         * written — "I'll come", visits booked elsewhere and the salon's changes work.
         */
        public boolean recordsReadable() {
            return readiness.ready() && userToken.set() && !userToken.undecryptable();
        }
    }

    /**
     * With more than one branch: where they come from, one line each, and the YCLIENTS calls since start (the rate
     * budget is per IP, so every branch shares it).
     */
    public record BranchesView(Settings.BranchSelection selection, List<BranchView> branches, long yclientsCalls,
                               long yclientsBusy) {}

    /** One branch: its title, booking form, live check and buttons ({@code buttons} -1: the database failed). */
    public record BranchView(long id, Optional<String> title, Optional<String> form, LiveCheck live, long buttons) {}

    /** The latest admin change: when, by whom, which command. */
    public record Change(Instant at, long userId, String action) {}

    public Snapshot collect() {
        Readiness readiness = yclients.readiness();
        LiveCheck live = liveCheck(readiness);
        boolean dbUp = databaseUp.getAsBoolean();
        long mapped = -1;
        Optional<Change> lastChange = Optional.empty();
        if (dbUp) {
            try {
                mapped = mappings.count();
                lastChange = audit.latest(1).stream().findFirst().map(e -> new Change(e.at(), e.userId(), e.action()));
            } catch (RuntimeException e) {
                dbUp = false;
            }
        }
        Settings.Value bookingMode = settings.get(SettingKey.BOOKING_MODE);
        Optional<String> title = live instanceof LiveCheck.Ok ok ? Optional.of(ok.companyTitle()) : settings.companyTitle();
        return new Snapshot(
                settings.enabled(),
                settings.companyId(),
                settings.get(SettingKey.YCLIENTS_COMPANY_ID).source().label(),
                title,
                settings.bookingForm(),
                token(SettingKey.YCLIENTS_API_TOKEN),
                token(SettingKey.YCLIENTS_USER_TOKEN),
                live,
                readiness,
                dbUp,
                mapped,
                version,
                stats.uptime(),
                stats.updatesHandled(),
                stats.updateQueueDepth(),
                stats.sendQueueDepth(),
                stats.sendDroppedCount(),
                settings.get(SettingKey.TELEGRAM_SEND_MAX_AGE_SECONDS).value(),
                stats.errors(),
                stats.lastError(),
                lastChange,
                bookingMode.isSet() ? bookingMode.value().strip().toLowerCase(java.util.Locale.ROOT) : "both",
                bookingMode.source().label(),
                branches.several() ? Optional.of(branchesView(dbUp)) : Optional.empty(),
                attendanceFailedToday.getAsLong());
    }

    private BranchesView branchesView(boolean dbUp) {
        List<BranchView> out = new java.util.ArrayList<>();
        OptionalLong first = settings.companyId();
        for (Branches.Branch b : branches.list()) {
            LiveCheck live;
            Optional<String> form = first.equals(OptionalLong.of(b.id()))
                    ? settings.bookingForm().map(Settings.BookingForm::url) : b.form();
            long started = System.nanoTime();
            try {
                Company c = yclients.forBranch(b.id()).companyLive();
                live = new LiveCheck.Ok(c.displayTitle(), (System.nanoTime() - started) / 1_000_000);
            } catch (YclientsException e) {
                live = LiveCheck.of(e);
            } catch (NotReadyException e) {
                live = new LiveCheck.Pending(LiveCheck.Reason.NO_PARTNER_TOKEN);
            }
            long buttons = -1;
            if (dbUp) {
                try {
                    buttons = mappings.count(b.id());
                } catch (RuntimeException e) {
                    buttons = -1;
                }
            }
            out.add(new BranchView(b.id(), b.title(), form, live, buttons));
        }
        java.util.Map<String, Long> calls = stats.yclientsCalls();
        long all = calls.values().stream().mapToLong(Long::longValue).sum();
        return new BranchesView(settings.branchSelection(), out, all, calls.getOrDefault("busy", 0L));
    }

    private LiveCheck liveCheck(Readiness readiness) {
        if (!readiness.ready()) {
            return new LiveCheck.Pending(readiness.missing().contains(Readiness.Missing.COMPANY_ID)
                    ? LiveCheck.Reason.NO_COMPANY : LiveCheck.Reason.NO_PARTNER_TOKEN);
        }
        long started = System.nanoTime();
        try {
            Company c = yclients.companyLive();
            return new LiveCheck.Ok(c.displayTitle(), (System.nanoTime() - started) / 1_000_000);
        } catch (YclientsException e) {
            return LiveCheck.of(e);
        } catch (NotReadyException e) {
            return new LiveCheck.Pending(LiveCheck.Reason.NO_PARTNER_TOKEN);
        }
    }

    private TokenView token(SettingKey key) {
        Settings.Value v = settings.get(key);
        return new TokenView(v.isSet() ? SecretRedactor.mask(v.value()) : "", v.source().label(), v.isSet(), v.undecryptable());
    }

    public List<AuditEntry> recentChanges(int n) {
        return audit.latest(n);
    }
}
