package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.company.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.storage.AdminStore;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.storage.ContentRestore;
import io.github.yclientsbot.storage.ContentRestore.MappingRow;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /export} and {@code /import}: the bot's plain settings, service buttons and admins added in chat as an
 * {@link ExportFile}, and back (the admins only after a yes). The way to move to PostgreSQL, to a new server, or
 * across an H2 upgrade. Tokens never leave the database.
 */
public final class ExportImport {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final ServiceMappings mappings;
    private final AdminStore admins;
    private final ContentRestore restore;
    private final AuditLog audit;
    private final YclientsDirectory yclients;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String botVersion;
    private final Roles roles;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextTicket = new AtomicLong(new SecureRandom().nextInt(1_000_000));

    public ExportImport(Settings settings, ServiceMappings mappings, AdminStore admins, ContentRestore restore, AuditLog audit,
                        YclientsDirectory yclients, Roles roles, ObjectMapper mapper, Clock clock, String botVersion) {
        this.settings = settings;
        this.mappings = mappings;
        this.admins = admins;
        this.restore = restore;
        this.audit = audit;
        this.yclients = yclients;
        this.mapper = mapper;
        this.clock = clock;
        this.botVersion = botVersion;
        this.roles = roles;
    }

    /** The file and what it holds (for the caption). */
    public record Export(String fileName, byte[] json, int settings, int buttons, int admins) {
        @Override
        public String toString() {
            return "Export[" + fileName + ", " + json.length + " bytes]";
        }
    }

    /** What an import restored; {@code admins}: how many were added. */
    public record Imported(int settings, int buttons, int admins, Instant exportedAt) implements ImportStep {}

    /** What came of a file sent with {@code /import}. */
    public sealed interface ImportStep {}

    /**
     * The file names admins who are not admins here: nothing is changed until the admin who sent it answers
     * {@link #confirm} with {@code ticket} (yes: they become admins too; no: everything else is imported).
     */
    public record AdminsToConfirm(long ticket, List<Long> newAdmins) implements ImportStep {
        public AdminsToConfirm {
            newAdmins = List.copyOf(newAdmins);
        }
    }

    /** A file waiting for the yes or no about its admins: the admin's latest one only. */
    private record Pending(long ticket, ExportFile file, Set<Long> newAdmins, Instant expiresAt) {}

    /** How long the question about a file's admins can be answered. */
    static final Duration QUESTION_LIFETIME = Duration.ofMinutes(30);

    public Export export(long userId) {
        Instant now = clock.instant();
        List<MappingRow> buttons = mappings.all().stream().map(ExportImport::row).toList();
        ExportFile file = new ExportFile(now, botVersion, settings.exportableStored(), buttons, admins.all());
        byte[] json = file.toJson(mapper);
        String company = settings.companyId().isPresent() ? "-" + settings.companyId().getAsLong() : "";
        audit.record(userId, "export", file.settings().size() + " settings, " + buttons.size() + " buttons");
        return new Export("yclients-bot" + company + "-" + FILE_TIME.format(now) + ".json", json,
                file.settings().size(), buttons.size(), file.admins().size());
    }

    /**
     * Reads an export file. When it names no admin who is not an admin here, its plain settings and service buttons
     * replace the current ones at once, in one transaction (tokens stay as they are). Otherwise nothing is changed
     * yet: the new admins' ids are returned for a yes or no ({@link #confirm}), because becoming an admin must never
     * ride along unseen with a settings file.
     *
     * @throws ExportFile.InvalidException when the file is not a valid export; nothing is changed then
     */
    public ImportStep importFile(byte[] bytes, long userId) throws ExportFile.InvalidException {
        ExportFile file = ExportFile.parse(bytes, mapper);
        Set<Long> current = roles.admins();
        Set<Long> newAdmins = new TreeSet<>(file.admins());
        newAdmins.removeAll(current);
        if (newAdmins.isEmpty()) {
            pending.remove(userId);
            return restore(file, Set.of(), userId);
        }
        long ticket = nextTicket.incrementAndGet();
        pending.put(userId, new Pending(ticket, file, newAdmins, clock.instant().plus(QUESTION_LIFETIME)));
        return new AdminsToConfirm(ticket, List.copyOf(newAdmins));
    }

    /**
     * The answer to {@link AdminsToConfirm}: the file is imported, with its new admins when {@code withAdmins} (they
     * are admins at once). Empty when there is no such question any more (answered, replaced by a newer file, older
     * than {@link #QUESTION_LIFETIME}, or asked before a restart).
     */
    public Optional<Imported> confirm(long userId, long ticket, boolean withAdmins) {
        Pending p = pending.get(userId);
        if (p == null || p.ticket() != ticket || !pending.remove(userId, p)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(p.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(restore(p.file(), withAdmins ? p.newAdmins() : Set.of(), userId));
    }

    private Imported restore(ExportFile file, Set<Long> admins, long userId) {
        restore.restore(file.settings(), Settings::exportable, file.buttons(), admins, userId, "import");
        settings.reload();
        io.github.yclientsbot.company.ServiceButtons.settle(settings, mappings);
        yclients.invalidate();
        if (!admins.isEmpty()) {
            roles.refresh();
        }
        audit.record(userId, "import", file.settings().size() + " settings, " + file.buttons().size() + " buttons, "
                + (admins.isEmpty() ? "no admins" : "admins added: " + admins) + " (exported " + file.exportedAt() + ")");
        return new Imported(file.settings().size(), file.buttons().size(), admins.size(), file.exportedAt());
    }

    private static MappingRow row(ServiceMapping m) {
        return new MappingRow(m.serviceId(), m.staffId(), m.title(), m.customTitle(), m.priceMin(), m.priceMax(),
                m.position(), m.companyId());
    }
}
