package io.github.yclientsbot.company;

import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.yclients.BookingLinkBuilder;
import io.github.yclientsbot.yclients.Chain;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The branches the bot serves now — which ones ({@link Settings#branchSelection()}: one company, a list of ids, or a
 * chain) and, from YCLIENTS, each one's title, city, address, time zone, coordinates and booking form. The details are
 * cached like the company and catalog ({@link YclientsCache}, the cache TTL); a branch YCLIENTS did not describe (not
 * configured yet, YCLIENTS down) is still listed, by id, so nothing here ever breaks the single-company path. A chain's
 * branch ids are read from YCLIENTS ({@link #refreshChain}) and kept in the settings for when YCLIENTS is down.
 */
public final class Branches {
    private static final Logger log = LoggerFactory.getLogger(Branches.class);

    private final YclientsClient client;
    private final Settings settings;
    private final Caches caches;

    private record Caches(YclientsCache<String, Company> companies, YclientsCache<String, List<Company>> chains) {}

    /**
     * One branch. Everything but {@code id} is empty (or null) while YCLIENTS has not described it.
     *
     * @param form     the branch's default online booking form, as YCLIENTS lists it
     * @param timeZone an IANA zone name such as "Asia/Yekaterinburg"
     */
    public record Branch(long id, Optional<String> title, Optional<String> city, Optional<String> address,
                         Optional<String> timeZone, Double latitude, Double longitude, Optional<String> form) {
        static Branch of(Company c) {
            return new Branch(c.id(), Optional.of(c.displayTitle()), Optional.ofNullable(c.city()),
                    Optional.ofNullable(c.address()), Optional.ofNullable(c.timezoneName()), c.latitude(), c.longitude(),
                    c.defaultBookform().flatMap(f -> BookingLinkBuilder.normalizeFormUrl(f.url())));
        }

        static Branch unknown(long id, Optional<String> title) {
            return new Branch(id, title, Optional.empty(), Optional.empty(), Optional.empty(), null, null, Optional.empty());
        }

        /** YCLIENTS described it. */
        public boolean described() {
            return city.isPresent() || address.isPresent() || timeZone.isPresent() || form.isPresent();
        }

        public boolean hasCoordinates() {
            return latitude != null && longitude != null;
        }
    }

    public Branches(YclientsClient client, Settings settings, Clock clock, Duration ttl) {
        this(client, settings, new Caches(new YclientsCache<>(clock, ttl), new YclientsCache<>(clock, ttl)));
    }

    private Branches(YclientsClient client, Settings settings, Caches caches) {
        this.client = client;
        this.settings = settings;
        this.caches = caches;
    }

    /** The same branches (same caches), calling YCLIENTS on {@code caller}'s share of the rate limit. */
    public Branches forCaller(Caller caller) {
        YclientsClient bound = client.forCaller(caller);
        return bound == client ? this : new Branches(bound, settings, caches);
    }

    /** Which branches, and the setting they come from. */
    public Settings.BranchSelection selection() {
        return settings.branchSelection();
    }

    /** More than one branch: admins name the branch, and (next) customers pick theirs. */
    public boolean several() {
        return settings.branchIds().size() > 1;
    }

    /** The branch ids, in order; the first branch ({@link Settings#companyId()}) is the one the booking uses. */
    public List<Long> ids() {
        return settings.branchIds();
    }

    /**
     * The branches in order, each described by YCLIENTS when it answers (cached); a branch it could not describe is
     * listed by id (with the remembered title of the first branch).
     */
    public List<Branch> list() {
        Settings.BranchSelection selection = settings.branchSelection();
        Optional<YclientsCredentials> creds = settings.credentials();
        Map<Long, Company> known = new LinkedHashMap<>();
        if (creds.isPresent() && selection.mode() == Settings.BranchMode.CHAIN && selection.groupId().isPresent()) {
            try {
                chainCompanies(creds.get(), selection.groupId().getAsLong()).forEach(c -> known.put(c.id(), c));
            } catch (YclientsException e) {
                log.debug("The chain's branches were not described: {}", e.getMessage());
            }
        }
        List<Branch> out = new ArrayList<>();
        for (long id : selection.ids()) {
            Company c = known.get(id);
            if (c == null && creds.isPresent()) {
                c = company(creds.get(), id).orElse(null);
            }
            out.add(c != null ? Branch.of(c) : Branch.unknown(id, rememberedTitle(id)));
        }
        return out;
    }

    /** One of the bot's branches, described when YCLIENTS answers. */
    public Optional<Branch> find(long id) {
        return list().stream().filter(b -> b.id() == id).findFirst();
    }

    /**
     * Reads a chain's branches from YCLIENTS: with the user token the chain as {@code GET /groups} lists it (its
     * branches in that order), described by {@code GET /companies?group_id=}; without it the latter alone.
     *
     * @return empty when YCLIENTS does not know the chain (or the user cannot see it)
     */
    public Optional<ChainBranches> readChain(long groupId) throws YclientsException, NotReadyException {
        YclientsCredentials creds = credentials();
        List<Company> companies = client.companies().chainCompanies(creds.withoutUserToken(), groupId);
        if (!creds.hasUserToken()) {
            return companies.isEmpty() ? Optional.empty()
                    : Optional.of(new ChainBranches(groupId, Optional.empty(), companies.stream().map(Branch::of).toList()));
        }
        Optional<Chain> chain = client.companies().chains(creds).stream().filter(c -> c.id() == groupId).findFirst();
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Company> described = new LinkedHashMap<>();
        companies.forEach(c -> described.put(c.id(), c));
        List<Branch> branches = chain.get().companies().stream()
                .map(m -> described.containsKey(m.id()) ? Branch.of(described.get(m.id()))
                        : Branch.unknown(m.id(), Optional.of(m.title()).filter(t -> !t.isBlank())))
                .toList();
        return Optional.of(new ChainBranches(groupId, Optional.of(chain.get().title()).filter(t -> !t.isBlank()), branches));
    }

    /** A chain as YCLIENTS lists it: {@code title} needs the user token. */
    public record ChainBranches(long groupId, Optional<String> title, List<Branch> branches) {
        public ChainBranches {
            branches = List.copyOf(branches);
        }

        public List<Long> ids() {
            return branches.stream().map(Branch::id).toList();
        }
    }

    /**
     * When the branches come from a chain: reads it again and keeps its branch ids (a branch opened or closed in
     * YCLIENTS shows up here). Runs with the background jobs, every cache period. Nothing when no chain is set.
     */
    public void refreshChain() throws YclientsException, NotReadyException {
        Settings.BranchSelection selection = settings.branchSelection();
        if (selection.mode() != Settings.BranchMode.CHAIN || selection.groupId().isEmpty()) {
            return;
        }
        long groupId = selection.groupId().getAsLong();
        Optional<ChainBranches> chain = readChain(groupId);
        if (chain.isEmpty() || chain.get().branches().isEmpty()) {
            log.warn("YCLIENTS lists no branches of chain {} (yclients.group.id): the branches known before are kept",
                    groupId);
            return;
        }
        // the chain may have been changed in chat while this call was on its way
        if (settings.branchSelection().groupId().equals(selection.groupId())) {
            settings.rememberChainBranches(groupId, chain.get().ids());
        }
    }

    /** Forgets what YCLIENTS said (an admin changed the branches or the tokens). */
    public void invalidate() {
        caches.companies().clear();
        caches.chains().clear();
    }

    private YclientsCredentials credentials() throws NotReadyException {
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty() || settings.get(SettingKey.YCLIENTS_API_TOKEN).undecryptable()) {
            throw new NotReadyException(new Readiness(settings.enabled(), List.of(Readiness.Missing.PARTNER_TOKEN)));
        }
        return settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable() ? creds.get().withoutUserToken() : creds.get();
    }

    private List<Company> chainCompanies(YclientsCredentials creds, long groupId) throws YclientsException {
        return caches.chains().get(key("chain:" + groupId, creds),
                () -> client.companies().chainCompanies(creds.withoutUserToken(), groupId));
    }

    private Optional<Company> company(YclientsCredentials creds, long id) {
        try {
            return Optional.of(caches.companies().get(key("company:" + id, creds),
                    () -> client.companies().company(creds.withoutUserToken(), id)));
        } catch (YclientsException e) {
            log.debug("Branch {} was not described: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> rememberedTitle(long id) {
        return settings.companyId().equals(java.util.OptionalLong.of(id)) ? settings.companyTitle() : Optional.empty();
    }

    /** A cache key that changes with the partner token, without holding it. */
    private static String key(String what, YclientsCredentials creds) {
        return what + ":" + YclientsDirectory.fingerprint(creds.partnerToken());
    }
}
