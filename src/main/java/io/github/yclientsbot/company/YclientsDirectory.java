package io.github.yclientsbot.company;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.yclients.BookService;
import io.github.yclientsbot.yclients.BookStaff;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * YCLIENTS as the rest of the bot sees it: the configured company, its catalog and specialists,
 * called with the current tokens and cached for a few minutes (an admin change clears the cache).
 */
public final class YclientsDirectory {
    private static final Logger log = LoggerFactory.getLogger(YclientsDirectory.class);

    private final YclientsClient client;
    private final Settings settings;
    private final YclientsCache<Company> companies;
    private final YclientsCache<Catalog> catalogs;
    private final YclientsCache<List<BookStaff>> staff;

    public YclientsDirectory(YclientsClient client, Settings settings, Clock clock, Duration ttl) {
        this.client = client;
        this.settings = settings;
        this.companies = new YclientsCache<>(clock, ttl);
        this.catalogs = new YclientsCache<>(clock, ttl);
        this.staff = new YclientsCache<>(clock, ttl);
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
        if (settings.companyId().isEmpty()) {
            missing.add(Readiness.Missing.COMPANY_ID);
        }
        return new Readiness(settings.enabled(), missing);
    }

    /** The configured company (cached). */
    public Company company() throws YclientsException, NotReadyException {
        Ready r = ready();
        Company c = companies.get(key("company", r), () -> client.companies().company(r.credentials(), r.companyId()));
        settings.rememberCompanyTitle(c.id(), c.displayTitle());
        return c;
    }

    /** A live call, bypassing the cache: what /status reports. */
    public Company companyLive() throws YclientsException, NotReadyException {
        Ready r = ready();
        Company c = client.companies().company(r.credentials(), r.companyId());
        settings.rememberCompanyTitle(c.id(), c.displayTitle());
        return c;
    }

    /** Services open for online booking, plus (with a user token) the hidden ones. Cached. */
    public Catalog catalog() throws YclientsException, NotReadyException {
        Ready r = ready();
        return catalogs.get(key("catalog", r), () -> loadCatalog(r.credentials(), r.companyId()));
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

    /** Specialists who take online bookings, for one service or (null) all. Cached. */
    public List<BookStaff> bookableStaff(Long serviceId) throws YclientsException, NotReadyException {
        Ready r = ready();
        String k = key("staff:" + serviceId, r);
        return staff.get(k, () -> client.booking().bookStaff(r.credentials().withoutUserToken(), r.companyId(), serviceId));
    }

    /** Every specialist in the admin catalog (needs the user token). */
    public List<CatalogStaff> allStaff() throws YclientsException, NotReadyException {
        Ready r = ready();
        return client.catalog().companyStaff(r.credentials(), r.companyId());
    }

    public void invalidate() {
        companies.clear();
        catalogs.clear();
        staff.clear();
    }

    private record Ready(YclientsCredentials credentials, long companyId) {}

    private Ready ready() throws NotReadyException {
        Readiness readiness = readiness();
        if (!readiness.ready()) {
            throw new NotReadyException(readiness);
        }
        OptionalLong company = settings.companyId();
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

    private static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
