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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /export} and {@code /import}: the bot's plain settings, service buttons and claimed admins as an
 * {@link ExportFile}, and back. The way to move to PostgreSQL, to a new server, or across an H2 upgrade.
 * Tokens never leave the database.
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

    public ExportImport(Settings settings, ServiceMappings mappings, AdminStore admins, ContentRestore restore, AuditLog audit,
                        YclientsDirectory yclients, ObjectMapper mapper, Clock clock, String botVersion) {
        this.settings = settings;
        this.mappings = mappings;
        this.admins = admins;
        this.restore = restore;
        this.audit = audit;
        this.yclients = yclients;
        this.mapper = mapper;
        this.clock = clock;
        this.botVersion = botVersion;
    }

    /** The file and what it holds (for the caption). */
    public record Export(String fileName, byte[] json, int settings, int buttons, int admins) {
        @Override
        public String toString() {
            return "Export[" + fileName + ", " + json.length + " bytes]";
        }
    }

    /** What an import restored. */
    public record Imported(int settings, int buttons, int admins, Instant exportedAt) {}

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
     * Replaces the plain settings and the service buttons with the file's and adds its admins, in one
     * transaction. Tokens stay as they are.
     *
     * @throws ExportFile.InvalidException when the file is not a valid export; nothing is changed then
     */
    public Imported importFile(byte[] bytes, long userId) throws ExportFile.InvalidException {
        ExportFile file = ExportFile.parse(bytes, mapper);
        restore.restore(file.settings(), Settings::exportable, file.buttons(), file.admins(), userId, "import");
        settings.reload();
        yclients.invalidate();
        audit.record(userId, "import", file.settings().size() + " settings, " + file.buttons().size() + " buttons, "
                + file.admins().size() + " admins (exported " + file.exportedAt() + ")");
        return new Imported(file.settings().size(), file.buttons().size(), file.admins().size(), file.exportedAt());
    }

    private static MappingRow row(ServiceMapping m) {
        return new MappingRow(m.serviceId(), m.staffId(), m.title(), m.customTitle(), m.priceMin(), m.priceMax(),
                m.position());
    }
}
