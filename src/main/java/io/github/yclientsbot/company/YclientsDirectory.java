package io.github.yclientsbot.company;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.yclients.BookService;
import io.github.yclientsbot.yclients.BookStaff;
import io.github.yclientsbot.yclients.BookTime;
import io.github.yclientsbot.yclients.CatalogService;
import io.github.yclientsbot.yclients.CatalogStaff;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * YCLIENTS as the rest of the bot sees it: the configured company, its catalog and specialists,
 * called with the current tokens and cached for a few minutes (an admin change clears the cache); and what
 * customers can book — specialists, days, free times — cached briefly ({@link #AVAILABILITY_TTL}) and dropped for
 * a specialist and day when a booking changed them ({@link #availabilityChanged}).
 *
 * <p>Each instance calls YCLIENTS for one {@link Caller} ({@link #forCaller}: the same caches, another caller's
 * share of the rate limit).
 */
public final class YclientsDirectory {
    private static final Logger log = LoggerFactory.getLogger(YclientsDirectory.class);
    /** How long the specialists, days and free times customers see are kept at most (or the cache TTL, if shorter). */
    public static final Duration AVAILABILITY_TTL = Duration.ofSeconds(45);

    private final YclientsClient client;
    private final Settings settings;
    private final Caches caches;
    /** The branch this view calls for; 0: the bot's first branch ({@link Settings#companyId()}). */
    private final long branch;

    /** Everything cached, shared by the views for each caller. */
    private record Caches(YclientsCache<String, Company> companies, YclientsCache<String, Catalog> catalogs,
                          YclientsCache<StaffKey, List<BookStaff>> staff, YclientsCache<DaysKey, List<LocalDate>> days,
                          YclientsCache<TimesKey, List<BookTime>> times) {}

    private record StaffKey(String account, Long serviceId) {}

    private record DaysKey(String account, long serviceId, long staffId, LocalDate from, LocalDate to) {}

    private record TimesKey(String account, long serviceId, long staffId, LocalDate day) {}

    /**
     * @param ttl how long the company and catalog are kept; what customers can book is kept for the shorter of
     *            this and {@link #AVAILABILITY_TTL}
     */
    public YclientsDirectory(YclientsClient client, Settings settings, Clock clock, Duration ttl) {
        this(client, settings, caches(clock, ttl), 0);
    }

    private YclientsDirectory(YclientsClient client, Settings settings, Caches caches, long branch) {
        this.client = client;
        this.settings = settings;
        this.caches = caches;
        this.branch = branch;
    }

    private static Caches caches(Clock clock, Duration ttl) {
        Duration brief = ttl.compareTo(AVAILABILITY_TTL) < 0 ? ttl : AVAILABILITY_TTL;
        return new Caches(new YclientsCache<>(clock, ttl), new YclientsCache<>(clock, ttl),
                new YclientsCache<>(clock, brief), new YclientsCache<>(clock, brief), new YclientsCache<>(clock, brief));
    }

    /** The same directory (same caches), calling YCLIENTS on {@code caller}'s share of the rate limit. */
    public YclientsDirectory forCaller(Caller caller) {
        YclientsClient bound = client.forCaller(caller);
        return bound == client ? this : new YclientsDirectory(bound, settings, caches, branch);
    }

    /**
     * The same directory (same caches, same caller) for one branch: its company, catalog and specialists. The caches
     * are keyed by company, so branches never see each other's.
     */
    public YclientsDirectory forBranch(long companyId) {
        return companyId == branch ? this : new YclientsDirectory(client, settings, caches, companyId);
    }

    /** The company this directory calls for (the first branch unless {@link #forBranch}). */
    public long companyId() throws NotReadyException {
        return ready().companyId();
    }

    public YclientsClient client() {
        return client;
    }

    public Readiness readiness() {
        List<Readiness.Missing> missing = new ArrayList<>();
        Settings.Value partner = settings.get(SettingKey.YCLIENTS_API_TOKEN);
        if (partner.undecryptable()) {
            missing.add(Readiness.Missing.PARTNER_TOKEN_UNREADABLE);
        } else if (!partner.isSet()) {
            missing.add(Readiness.Missing.PARTNER_TOKEN);
        }
        if (settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable()) {
            missing.add(Readiness.Missing.USER_TOKEN_UNREADABLE);
        }
        if (branch == 0 && settings.companyId().isEmpty()) {
            missing.add(Readiness.Missing.COMPANY_ID);
        }
        return new Readiness(settings.enabled(), missing);
    }

    /** The configured company (cached). */
    public Company company() throws YclientsException, NotReadyException {
        Ready r = ready();
        return caches.companies().get(key("company", r), () -> remembered(client.companies().company(r.credentials(),
                r.companyId())));
    }

    /**
     * The title is kept for when YCLIENTS is down — written once per load, not on every read: a hundred customers
     * starting at once would otherwise all insert the same setting (and all but one fail).
     */
    private Company remembered(Company c) {
        if (!settings.companyId().equals(java.util.OptionalLong.of(c.id()))) {
            return c; // another branch: the title kept is the first branch's
        }
        try {
            settings.rememberCompanyTitle(c.id(), c.displayTitle());
        } catch (RuntimeException e) {
            log.warn("Could not keep the company title for when YCLIENTS is down: {}", e.toString());
        }
        return c;
    }

    /** A live call, bypassing the cache: what /status reports. */
    public Company companyLive() throws YclientsException, NotReadyException {
        Ready r = ready();
        Company c = client.companies().company(r.credentials(), r.companyId());
        if (settings.companyId().equals(java.util.OptionalLong.of(c.id()))) {
            settings.rememberCompanyTitle(c.id(), c.displayTitle());
        }
        return c;
    }

    /** Services open for online booking, plus (with a user token) the hidden ones. Cached. */
    public Catalog catalog() throws YclientsException, NotReadyException {
        Ready r = ready();
        return caches.catalogs().get(key("catalog", r), () -> loadCatalog(r.credentials(), r.companyId()));
    }

    private Catalog loadCatalog(YclientsCredentials creds, long companyId) throws YclientsException {
        Map<Long, CatalogEntry> byId = new LinkedHashMap<>();
        for (BookService s : client.booking().bookServices(creds.withoutUserToken(), companyId).services()) {
            byId.put(s.id(), new CatalogEntry(s.id(), s.title(), s.priceMin(), s.priceMax(), true));
        }
        boolean includesHidden = false;
        if (creds.hasUserToken()) {
            try {
                for (CatalogService s : client.catalog().companyServices(creds, companyId)) {
                    byId.putIfAbsent(s.id(), new CatalogEntry(s.id(), s.title(), s.priceMin(), s.priceMax(), false));
                }
                includesHidden = true;
            } catch (YclientsException e) {
                log.info("Admin catalog unavailable, using the online-booking services only: {}", e.getMessage());
            }
        }
        return new Catalog(new ArrayList<>(byId.values()), includesHidden);
    }

    /** Specialists who take online bookings, for one service or (null) all. Cached briefly. */
    public List<BookStaff> bookableStaff(Long serviceId) throws YclientsException, NotReadyException {
        Ready r = ready();
        return caches.staff().get(new StaffKey(key("", r), serviceId),
                () -> client.booking().bookStaff(r.credentials().withoutUserToken(), r.companyId(), serviceId));
    }

    /** The days with free time from {@code from} to {@code to} ({@code book_dates}; staff 0 = any). Cached briefly. */
    public List<LocalDate> bookableDays(long serviceId, long staffId, LocalDate from, LocalDate to)
            throws YclientsException, NotReadyException {
        Ready r = ready();
        return caches.days().get(new DaysKey(key("", r), serviceId, Math.max(0, staffId), from, to),
                () -> client.booking().bookDates(r.credentials().withoutUserToken(), r.companyId(), serviceId, staffId,
                        from, to));
    }

    /** The free times of one day ({@code book_times}; staff 0 = any). Cached briefly. */
    public List<BookTime> freeTimes(long serviceId, long staffId, LocalDate day) throws YclientsException, NotReadyException {
        Ready r = ready();
        return caches.times().get(new TimesKey(key("", r), serviceId, Math.max(0, staffId), day),
                () -> client.booking().bookTimes(r.credentials().withoutUserToken(), r.companyId(), staffId, day,
                        serviceId));
    }

    /**
     * A booking was made with {@code staffId} (0: any, so whoever YCLIENTS chose) on {@code day}, or YCLIENTS said a
     * time there is taken (433/436/437): that day's free times and the bookable days of that specialist are dropped —
     * and those of "any specialist", which include theirs (all specialists' when it was "any"). The specialists
     * themselves are asked without a date, so a booking does not change them: they stay until they expire.
     */
    public void availabilityChanged(long staffId, LocalDate day) {
        long staff = Math.max(0, staffId);
        caches.times().invalidateIf(k -> k.day().equals(day) && (staff == 0 || k.staffId() == staff || k.staffId() == 0));
        caches.days().invalidateIf(k -> staff == 0 || k.staffId() == staff || k.staffId() == 0);
    }

    /** Every specialist in the admin catalog (needs the user token). */
    public List<CatalogStaff> allStaff() throws YclientsException, NotReadyException {
        Ready r = ready();
        return client.catalog().companyStaff(r.credentials(), r.companyId());
    }

    public void invalidate() {
        caches.companies().clear();
        caches.catalogs().clear();
        caches.staff().clear();
        caches.days().clear();
        caches.times().clear();
    }

    private record Ready(YclientsCredentials credentials, long companyId) {}

    private Ready ready() throws NotReadyException {
        Readiness readiness = readiness();
        if (!readiness.ready()) {
            throw new NotReadyException(readiness);
        }
        OptionalLong company = branch != 0 ? OptionalLong.of(branch) : settings.companyId();
        YclientsCredentials creds = settings.credentials().orElseThrow(() -> new NotReadyException(readiness));
        if (settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable()) {
            creds = creds.withoutUserToken();
        }
        return new Ready(creds, company.getAsLong());
    }

    /** Cache key that changes with the company and the tokens, without holding a token. */
    private static String key(String what, Ready r) {
        return what + ":" + r.companyId() + ":" + fingerprint(r.credentials().partnerToken() + "|" + r.credentials().userToken());
    }

    static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
