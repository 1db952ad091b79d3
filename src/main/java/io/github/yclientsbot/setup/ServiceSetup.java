package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.CatalogEntry;
import io.github.yclientsbot.company.Catalog;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.company.ServiceButton;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.CatalogStaff;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** /setservice, /delservice and /yservices: which YCLIENTS services customers see as buttons. */
public final class ServiceSetup {
    public static final int TITLE_MAX = 100;

    private final YclientsDirectory yclients;
    private final ServiceMappings mappings;
    private final AuditLog audit;

    public ServiceSetup(YclientsDirectory yclients, ServiceMappings mappings, AuditLog audit) {
        this.yclients = yclients;
        this.mappings = mappings;
        this.audit = audit;
    }

    public enum Warning {
        /** The service exists but is hidden from online booking. */
        SERVICE_NOT_ONLINE,
        /** The specialist takes online bookings, but not for this service. */
        STAFF_NOT_FOR_SERVICE,
        /** The specialist exists but does not take online bookings. */
        STAFF_NOT_BOOKABLE
    }

    public sealed interface MapResult {
        record Saved(ServiceButton mapping, boolean updated, List<Warning> warnings) implements MapResult {}

        /** Saved although YCLIENTS could not confirm the ids. */
        record SavedUnverified(ServiceButton mapping, boolean updated, LiveCheck why) implements MapResult {}

        record UnknownService(long serviceId, boolean searchedHidden) implements MapResult {}

        record UnknownStaff(long staffId) implements MapResult {}
    }

    /** A button of the bot's first branch. @param staffId 0 = no specialist; @param title null = take it from YCLIENTS */
    public MapResult map(long serviceId, long staffId, String title, long userId) {
        return map(FIRST_BRANCH, serviceId, staffId, title, userId);
    }

    /** {@code branch}: the branch's company id, or {@link #FIRST_BRANCH}. */
    public static final long FIRST_BRANCH = 0;

    /** A button of {@code branch} (checked against that branch's catalog). */
    public MapResult map(long branch, long serviceId, long staffId, String title, long userId) {
        YclientsDirectory dir = directory(branch);
        long company = companyOf(dir);
        boolean existed = mappings.find(company, serviceId, staffId).isPresent();
        try {
            Catalog catalog = dir.catalog();
            Optional<CatalogEntry> entry = catalog.find(serviceId);
            if (entry.isEmpty()) {
                dir.invalidate();
                catalog = dir.catalog();
                entry = catalog.find(serviceId);
            }
            if (entry.isEmpty()) {
                return new MapResult.UnknownService(serviceId, catalog.includesHidden());
            }
            List<Warning> warnings = new ArrayList<>();
            if (!entry.get().onlineBookable()) {
                warnings.add(Warning.SERVICE_NOT_ONLINE);
            }
            String staffName = null;
            if (staffId > 0) {
                StaffCheck sc = checkStaff(dir, serviceId, staffId);
                if (sc.name == null) {
                    return new MapResult.UnknownStaff(staffId);
                }
                staffName = sc.name;
                if (sc.warning != null) {
                    warnings.add(sc.warning);
                }
            }
            boolean typed = title != null && !title.isBlank();
            String base = entry.get().title().isBlank() ? "#" + serviceId : entry.get().title();
            String finalTitle = typed ? title.strip() : base + (staffName == null ? "" : " — " + staffName);
            // "custom" = the background refresh leaves the title alone: typed by the admin, or naming a specialist
            ServiceMapping saved = mappings.upsert(company, serviceId, staffId, truncate(finalTitle), typed || staffName != null,
                    entry.get().priceMin(), entry.get().priceMax());
            audit.record(userId, "setservice", describe(company, serviceId, staffId) + " → " + saved.title());
            return new MapResult.Saved(ServiceButton.of(saved), existed, warnings);
        } catch (NotReadyException e) {
            return saveUnverified(company, serviceId, staffId, title, userId, existed, pendingFor(e.readiness()));
        } catch (YclientsException e) {
            return saveUnverified(company, serviceId, staffId, title, userId, existed, LiveCheck.of(e));
        }
    }

    private YclientsDirectory directory(long branch) {
        return branch == FIRST_BRANCH ? yclients : yclients.forBranch(branch);
    }

    /** The company a button is stored for: the branch's, or none yet (no company configured). */
    private static long companyOf(YclientsDirectory dir) {
        try {
            return dir.companyId();
        } catch (NotReadyException e) {
            return ServiceMapping.UNASSIGNED;
        }
    }

    private static LiveCheck pendingFor(Readiness r) {
        if (r.missing().contains(Readiness.Missing.COMPANY_ID)) {
            return new LiveCheck.Pending(LiveCheck.Reason.NO_COMPANY);
        }
        return new LiveCheck.Pending(LiveCheck.Reason.NO_PARTNER_TOKEN);
    }

    private MapResult saveUnverified(long company, long serviceId, long staffId, String title, long userId, boolean existed,
                                     LiveCheck why) {
        boolean custom = title != null && !title.isBlank();
        Optional<ServiceMapping> old = mappings.find(company, serviceId, staffId);
        String finalTitle = custom ? title.strip() : old.map(ServiceMapping::title).orElse("#" + serviceId);
        ServiceMapping saved = mappings.upsert(company, serviceId, staffId, truncate(finalTitle), custom,
                old.map(ServiceMapping::priceMin).orElse(null), old.map(ServiceMapping::priceMax).orElse(null));
        audit.record(userId, "setservice", describe(company, serviceId, staffId) + " → " + saved.title() + " (unverified)");
        return new MapResult.SavedUnverified(ServiceButton.of(saved), existed, why);
    }

    private record StaffCheck(String name, Warning warning) {}

    private StaffCheck checkStaff(YclientsDirectory yclients, long serviceId, long staffId)
            throws YclientsException, NotReadyException {
        Optional<BookStaff> forService = find(yclients.bookableStaff(serviceId), staffId);
        if (forService.isPresent()) {
            return new StaffCheck(forService.get().name(), forService.get().bookable() ? null : Warning.STAFF_NOT_BOOKABLE);
        }
        Optional<BookStaff> anyService = find(yclients.bookableStaff(null), staffId);
        if (anyService.isPresent()) {
            return new StaffCheck(anyService.get().name(),
                    anyService.get().bookable() ? Warning.STAFF_NOT_FOR_SERVICE : Warning.STAFF_NOT_BOOKABLE);
        }
        Readiness r = yclients.readiness();
        if (r.ready() && hasUserToken(yclients)) {
            try {
                for (CatalogStaff s : yclients.allStaff()) {
                    if (s.id() == staffId && !s.fired()) {
                        return new StaffCheck(s.name(), Warning.STAFF_NOT_BOOKABLE);
                    }
                }
            } catch (YclientsException e) {
                // the admin catalog is optional here: without it an unknown id stays unknown
            }
        }
        return new StaffCheck(null, null);
    }

    private static boolean hasUserToken(YclientsDirectory yclients) {
        try {
            return yclients.catalog().includesHidden();
        } catch (YclientsException | NotReadyException e) {
            return false;
        }
    }

    private static Optional<BookStaff> find(List<BookStaff> staff, long id) {
        return staff.stream().filter(s -> s.id() == id).findFirst();
    }

    public sealed interface DeleteResult {
        record Deleted(long serviceId, long staffId) implements DeleteResult {}

        /** Nothing mapped for exactly that pair; {@code otherStaff} are the specialists mapped for the service. */
        record NotMapped(long serviceId, long staffId, Set<Long> otherStaff) implements DeleteResult {}
    }

    public DeleteResult unmap(long serviceId, long staffId, long userId) {
        return unmap(FIRST_BRANCH, serviceId, staffId, userId);
    }

    public DeleteResult unmap(long branch, long serviceId, long staffId, long userId) {
        long company = companyOf(directory(branch));
        if (mappings.delete(company, serviceId, staffId)) {
            audit.record(userId, "delservice", describe(company, serviceId, staffId));
            return new DeleteResult.Deleted(serviceId, staffId);
        }
        Set<Long> others = mappings.findByService(company, serviceId).stream().map(ServiceMapping::staffId)
                .collect(Collectors.toSet());
        return new DeleteResult.NotMapped(serviceId, staffId, others);
    }

    /** The first branch's buttons. */
    public List<ServiceButton> mapped() {
        return mapped(FIRST_BRANCH);
    }

    public List<ServiceButton> mapped(long branch) {
        return mappings.forCompany(companyOf(directory(branch))).stream().map(ServiceButton::of).toList();
    }

    /** The catalog of a branch ({@link #FIRST_BRANCH}: the first), for /yservices. */
    public Catalog catalog(long branch) throws YclientsException, NotReadyException {
        return directory(branch).catalog();
    }

    private static String describe(long company, long serviceId, long staffId) {
        return (company > 0 ? "branch " + company + " " : "") + "service " + serviceId + (staffId > 0 ? " staff " + staffId : "");
    }

    private static String truncate(String s) {
        return s.length() <= TITLE_MAX ? s : s.substring(0, TITLE_MAX - 1) + "…";
    }
}
