package io.github.yclientsbot.booking;

import io.github.yclientsbot.setup.Catalog;
import io.github.yclientsbot.setup.CatalogEntry;
import io.github.yclientsbot.setup.NotReadyException;
import io.github.yclientsbot.setup.YclientsDirectory;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the stored titles and prices of the buttons in step with YCLIENTS, in the background, so a
 * customer's /services never waits on the API. Titles an admin typed, and titles that name a
 * specialist, are left alone; prices always follow YCLIENTS.
 */
public final class CatalogRefresher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CatalogRefresher.class);

    private final YclientsDirectory yclients;
    private final ServiceMappings mappings;

    public CatalogRefresher(YclientsDirectory yclients, ServiceMappings mappings) {
        this.yclients = yclients;
        this.mappings = mappings;
    }

    @Override
    public void run() {
        try {
            if (!yclients.readiness().ready() || mappings.count() == 0) {
                return;
            }
            Catalog catalog = yclients.catalog();
            for (ServiceMapping m : mappings.all()) {
                Optional<CatalogEntry> e = catalog.find(m.serviceId());
                if (e.isEmpty()) {
                    continue;
                }
                boolean keepTitle = m.customTitle() || m.staffId() > 0;
                String title = keepTitle ? m.title() : e.get().title();
                if (!title.equals(m.title()) || !same(m.priceMin(), e.get().priceMin()) || !same(m.priceMax(), e.get().priceMax())) {
                    mappings.upsert(m.serviceId(), m.staffId(), title, m.customTitle(), e.get().priceMin(), e.get().priceMax());
                }
            }
        } catch (YclientsException e) {
            log.debug("Catalog refresh skipped: {}", e.getMessage());
        } catch (NotReadyException e) {
            log.debug("Catalog refresh skipped: YCLIENTS not configured");
        } catch (RuntimeException e) {
            log.warn("Catalog refresh failed", e);
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
