package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Catalog;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;


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

    /**
     * Each branch that has buttons, from its own catalog (one branch's failure does not stop the others'); the buttons
     * of no branch yet are left alone.
     */
    @Override
    public void run() {
        try {
            if (!yclients.readiness().ready() || mappings.count() == 0) {
                return;
            }
            List<Long> branches = mappings.all().stream().map(ServiceMapping::companyId)
                    .filter(c -> c != ServiceMapping.UNASSIGNED).distinct().toList();
            for (long company : branches) {
                refresh(company);
            }
        } catch (RuntimeException e) {
            log.warn("Catalog refresh failed", e);
        }
    }

    private void refresh(long company) {
        try {
            Catalog catalog = yclients.forBranch(company).catalog();
            // only rows that exist are touched, titles an admin fixed are kept (storage honours the flag)
            mappings.forCompany(company).stream().map(ServiceMapping::serviceId).distinct().forEach(serviceId ->
                    catalog.find(serviceId).ifPresent(e -> mappings.refreshFromCatalog(company, serviceId,
                            e.title().isBlank() ? null : e.title(), e.priceMin(), e.priceMax())));
        } catch (YclientsException e) {
            log.debug("Catalog refresh of branch {} skipped: {}", company, e.getMessage());
        } catch (NotReadyException e) {
            log.debug("Catalog refresh skipped: YCLIENTS not configured");
        }
    }

}
