package io.github.yclientsbot.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.hibernate.SessionFactory;

/**
 * Puts an exported bot back (for {@code /import}): plain settings, the service buttons and the claimed admins,
 * all in one transaction, so a failure changes nothing. Secret settings (tokens) are never touched.
 */
public final class ContentRestore {

    /**
     * One service button as exported: its branch ({@code companyId}, {@link ServiceMapping#UNASSIGNED} in an export
     * from before branches: the bot's first branch at its next start), its position, not its database id.
     */
    public record MappingRow(long serviceId, long staffId, String title, boolean customTitle, BigDecimal priceMin,
                             BigDecimal priceMax, int position, long companyId) {
        /** A button of an export from before branches. */
        public MappingRow(long serviceId, long staffId, String title, boolean customTitle, BigDecimal priceMin,
                          BigDecimal priceMax, int position) {
            this(serviceId, staffId, title, customTitle, priceMin, priceMax, position, ServiceMapping.UNASSIGNED);
        }
    }

    private final SessionFactory sessionFactory;
    private final Clock clock;
    /** Told after a restore (committed or not): the service buttons' cache is stale. */
    private final Runnable mappingsChanged;

    ContentRestore(SessionFactory sessionFactory, Clock clock, Runnable mappingsChanged) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mappingsChanged = Objects.requireNonNull(mappingsChanged, "mappingsChanged");
    }

    /**
     * In one transaction: every plain (non-secret) setting whose name {@code replaced} accepts is removed unless
     * {@code settings} holds it, and the ones in {@code settings} are written; all service buttons are replaced
     * by {@code mappings}; the {@code admins} not stored yet are added (none is removed). Returns after the
     * commit.
     *
     * @param replaced which plain settings the restore owns; must accept every name in {@code settings}
     * @throws IllegalArgumentException if a name or value cannot be stored; nothing is written then
     */
    public void restore(Map<String, String> settings, Predicate<String> replaced, List<MappingRow> mappings,
                        Collection<Long> admins, long restoredBy, String how) {
        validate(settings, replaced, mappings);
        String cutHow = Truncation.atMost(Objects.requireNonNull(how, "how"), AdminStore.MAX_HOW_LENGTH);
        try {
            write(settings, replaced, mappings, admins, restoredBy, cutHow);
        } finally {
            mappingsChanged.run();
        }
    }

    private void write(Map<String, String> settings, Predicate<String> replaced, List<MappingRow> mappings,
                       Collection<Long> admins, long restoredBy, String cutHow) {
        sessionFactory.inTransaction(session -> {
            Instant now = Database.now(clock);
            List<BotSettingEntity> rows = session
                    .createSelectionQuery("from BotSettingEntity", BotSettingEntity.class)
                    .getResultList();
            for (BotSettingEntity row : rows) {
                if (!row.secret() && replaced.test(row.name()) && !settings.containsKey(row.name())) {
                    session.remove(row);
                }
            }
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                BotSettingEntity row = session.find(BotSettingEntity.class, setting.getKey());
                if (row == null) {
                    row = new BotSettingEntity(setting.getKey());
                    row.update(setting.getValue(), false, now, restoredBy);
                    session.persist(row);
                } else if (row.secret() || !setting.getValue().equals(row.storedValue())) {
                    row.update(setting.getValue(), false, now, restoredBy);
                }
            }
            session.createMutationQuery("delete from ServiceMappingEntity").executeUpdate();
            for (MappingRow m : mappings) {
                ServiceMappingEntity row = new ServiceMappingEntity(m.companyId(), m.serviceId(), m.staffId(), m.position(), now);
                row.setTitle(Truncation.atMost(m.title().strip(), ServiceMappings.MAX_TITLE_LENGTH), m.customTitle());
                row.setPrices(scaled(m.priceMin()), scaled(m.priceMax()));
                session.persist(row);
            }
            for (Long userId : admins) {
                if (session.find(BotAdminEntity.class, userId) == null) {
                    session.persist(new BotAdminEntity(userId, now, cutHow));
                }
            }
        });
    }

    private static void validate(Map<String, String> settings, Predicate<String> replaced, List<MappingRow> mappings) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            if (name == null || name.isBlank() || name.length() > SettingsStore.MAX_NAME_LENGTH || !replaced.test(name)) {
                throw new IllegalArgumentException("setting " + name + " cannot be restored");
            }
            if (setting.getValue() == null || setting.getValue().length() > SettingsStore.MAX_STORED_LENGTH) {
                throw new IllegalArgumentException("the value of setting " + name + " cannot be stored");
            }
        }
        for (MappingRow m : mappings) {
            if (m.staffId() < 0 || m.title() == null || m.title().isBlank()) {
                throw new IllegalArgumentException("service button " + m.serviceId() + " cannot be stored");
            }
        }
    }

    private static BigDecimal scaled(BigDecimal price) {
        return price == null ? null : price.setScale(2, RoundingMode.HALF_UP);
    }
}
