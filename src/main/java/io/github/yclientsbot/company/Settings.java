package io.github.yclientsbot.company;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigValue;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.storage.SettingsStore;
import io.github.yclientsbot.storage.StoredSetting;
import io.github.yclientsbot.yclients.YclientsCredentials;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values the bot runs with: what an admin set in chat (stored, tokens encrypted) over what the
 * configuration says (environment &gt; .env &gt; file &gt; default). Also keeps a few facts learned from
 * YCLIENTS (company title, discovered booking form) so customers get their buttons when YCLIENTS is down.
 *
 * <p>Stored values are cached in memory: this process is the only writer of its database.
 */
public final class Settings {
    public static final Set<SettingKey> CHAT_SETTABLE = EnumSet.of(
            SettingKey.YCLIENTS_API_TOKEN, SettingKey.YCLIENTS_USER_TOKEN, SettingKey.YCLIENTS_COMPANY_ID,
            SettingKey.YCLIENTS_COMPANY_IDS, SettingKey.YCLIENTS_GROUP_ID, SettingKey.YCLIENTS_BOOKING_URL, SettingKey.YCLIENTS_ENABLED,
            SettingKey.BOOKING_MODE);

    /** Prefix of the facts learned from YCLIENTS (see the STATE_ names). */
    static final String STATE_PREFIX = "state.";
    static final String STATE_COMPANY_TITLE = "state.company.title";
    static final String STATE_COMPANY_OF_TITLE = "state.company.title.for";
    static final String STATE_DISCOVERED_FORM = "state.booking.discovered_url";
    static final String STATE_DISCOVERED_FORM_COMPANY = "state.booking.discovered_for";
    /** The branch ids of the chain last read from YCLIENTS, and the chain they belong to. */
    static final String STATE_CHAIN_BRANCHES = "state.chain.branches";
    static final String STATE_CHAIN_OF_BRANCHES = "state.chain.branches.for";

    private final BotConfig config;
    private final SettingsStore store;
    private final Map<String, StoredSetting> stored = new ConcurrentHashMap<>();

    public Settings(BotConfig config, SettingsStore store) {
        this.config = config;
        this.store = store;
        stored.putAll(store.all());
    }

    /** An effective value. {@code undecryptable}: a token was set in chat but the key to read it is gone. */
    public record Value(String value, Source source, boolean undecryptable) {
        public boolean isSet() {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Value[" + source.label() + (undecryptable ? ", undecryptable" : "") + "]";
        }
    }

    /**
     * {@code true} for the stored settings an export carries: the chat-settable values that are not secret
     * (company id, booking form, enabled) and the learned {@code state.*} facts. Never a token.
     */
    public static boolean exportable(String name) {
        if (name.startsWith(STATE_PREFIX)) {
            return true;
        }
        return CHAT_SETTABLE.stream().anyMatch(k -> !k.secret() && k.key().equals(name));
    }

    /** The stored values {@link #exportable(String)} accepts, by name, in name order. */
    public Map<String, String> exportableStored() {
        Map<String, String> out = new java.util.TreeMap<>();
        stored.forEach((name, s) -> {
            if (!s.secret() && s.value() != null && exportable(name)) {
                out.put(name, s.value());
            }
        });
        return out;
    }

    /** Reads the stored values again (after an import wrote them behind this cache). */
    public void reload() {
        Map<String, StoredSetting> fresh = store.all();
        stored.keySet().retainAll(fresh.keySet());
        stored.putAll(fresh);
    }

    public BotConfig config() {
        return config;
    }

    public Value get(SettingKey key) {
        if (CHAT_SETTABLE.contains(key)) {
            StoredSetting s = stored.get(key.key());
            if (s != null) {
                return new Value(s.value(), Source.CHAT, s.undecryptable());
            }
        }
        ConfigValue cv = config.get(key);
        if (cv.isSet()) {
            return new Value(cv.value(), cv.source(), false);
        }
        return new Value(null, Source.NONE, false);
    }

    /** Saves a chat-set value; returns only after the write committed. */
    public void setInChat(SettingKey key, String value, long userId) {
        if (!CHAT_SETTABLE.contains(key)) {
            throw new IllegalArgumentException(key.key() + " cannot be set in chat");
        }
        store.put(key.key(), value, key.secret(), userId);
        store.get(key.key()).ifPresent(s -> stored.put(key.key(), s));
    }

    public boolean unsetInChat(SettingKey key) {
        boolean removed = store.remove(key.key());
        stored.remove(key.key());
        return removed;
    }

    public Optional<String> state(String name) {
        StoredSetting s = stored.get(name);
        return s == null || s.value() == null ? Optional.empty() : Optional.of(s.value());
    }

    public void putState(String name, String value, Long userId) {
        if (value == null) {
            store.remove(name);
            stored.remove(name);
            return;
        }
        if (value.equals(state(name).orElse(null))) {
            return;
        }
        store.put(name, value, false, userId);
        store.get(name).ifPresent(s -> stored.put(name, s));
    }

    public boolean enabled() {
        Value v = get(SettingKey.YCLIENTS_ENABLED);
        return !v.isSet() || io.github.yclientsbot.config.Values.parseBoolean(v.value()).orElse(true);
    }

    /**
     * The first branch: the one company of a single-company bot, and (until customers pick their branch) the one the
     * booking uses when there are several — {@code yclients.company.id} when it is one of the branches, else the
     * first branch. See {@link #branchSelection()}.
     */
    public OptionalLong companyId() {
        BranchSelection selection = branchSelection();
        OptionalLong single = singleCompanyId();
        if (single.isPresent() && (selection.ids().isEmpty() || selection.ids().contains(single.getAsLong()))) {
            return single;
        }
        return selection.ids().isEmpty() ? OptionalLong.empty() : OptionalLong.of(selection.ids().get(0));
    }

    private OptionalLong singleCompanyId() {
        Value v = get(SettingKey.YCLIENTS_COMPANY_ID);
        return v.isSet() ? io.github.yclientsbot.config.Values.parsePositiveLong(v.value()) : OptionalLong.empty();
    }

    /** Where the branches come from: one company, a list of ids, or a chain read from YCLIENTS. */
    public enum BranchMode { SINGLE, LIST, CHAIN }

    /**
     * The branches the bot serves and the setting they come from.
     *
     * @param ids     in the order customers see them; for a chain, as last read from YCLIENTS (empty until then)
     * @param groupId the chain, when {@code mode} is {@link BranchMode#CHAIN}
     */
    public record BranchSelection(BranchMode mode, List<Long> ids, OptionalLong groupId, Source source) {
        public BranchSelection {
            ids = List.copyOf(ids);
        }
    }

    /**
     * Which branches the bot serves. Of {@code yclients.group.id}, {@code yclients.company.ids} and
     * {@code yclients.company.id}, the one set at the highest level wins (chat › environment › .env › file); at the
     * same level the chain, then the list, then the single company. A chain's branches are those last read from
     * YCLIENTS ({@link #rememberChainBranches}).
     */
    public BranchSelection branchSelection() {
        Value group = get(SettingKey.YCLIENTS_GROUP_ID);
        Value list = get(SettingKey.YCLIENTS_COMPANY_IDS);
        Value single = get(SettingKey.YCLIENTS_COMPANY_ID);
        OptionalLong groupId = group.isSet() ? io.github.yclientsbot.config.Values.parsePositiveLong(group.value())
                : OptionalLong.empty();
        List<Long> listed = list.isSet() ? io.github.yclientsbot.config.Values.parseIdSequence(list.value()).orElse(List.of())
                : List.of();
        Source best = Source.NONE;
        for (Value v : List.of(group, list, single)) {
            if (v.isSet() && v.source().ordinal() < best.ordinal()) {
                best = v.source();
            }
        }
        if (groupId.isPresent() && group.source() == best) {
            return new BranchSelection(BranchMode.CHAIN, chainBranches(groupId.getAsLong()), groupId, best);
        }
        if (!listed.isEmpty() && list.source() == best) {
            return new BranchSelection(BranchMode.LIST, listed, OptionalLong.empty(), best);
        }
        OptionalLong one = singleCompanyId();
        return new BranchSelection(BranchMode.SINGLE, one.isPresent() ? List.of(one.getAsLong()) : List.of(),
                OptionalLong.empty(), single.source());
    }

    /** The branch ids, in order (see {@link #branchSelection()}). */
    public List<Long> branchIds() {
        return branchSelection().ids();
    }

    private List<Long> chainBranches(long groupId) {
        if (!state(STATE_CHAIN_OF_BRANCHES).equals(Optional.of(Long.toString(groupId)))) {
            return List.of();
        }
        return state(STATE_CHAIN_BRANCHES).flatMap(io.github.yclientsbot.config.Values::parseIdSequence).orElse(List.of());
    }

    /** The chain's branches as YCLIENTS listed them, kept so the bot knows them while YCLIENTS is down. */
    public void rememberChainBranches(long groupId, List<Long> ids) {
        putState(STATE_CHAIN_BRANCHES, ids.isEmpty() ? null : ids.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")), null);
        putState(STATE_CHAIN_OF_BRANCHES, Long.toString(groupId), null);
    }

    /** Partner token (and user token when set); empty when the partner token is missing or unreadable. */
    public Optional<YclientsCredentials> credentials() {
        Value partner = get(SettingKey.YCLIENTS_API_TOKEN);
        if (!partner.isSet()) {
            return Optional.empty();
        }
        Value user = get(SettingKey.YCLIENTS_USER_TOKEN);
        return Optional.of(new YclientsCredentials(partner.value(), user.isSet() ? user.value() : null));
    }

    /** The booking form customers are sent to: set explicitly, or discovered from the company. */
    public Optional<BookingForm> bookingForm() {
        Value explicit = get(SettingKey.YCLIENTS_BOOKING_URL);
        if (explicit.isSet() && !io.github.yclientsbot.yclients.BookingLinkBuilder.isStaffJournal(explicit.value())) {
            // a full deep link pasted into the config still yields the form's base address
            String url = io.github.yclientsbot.yclients.BookingLinkBuilder.normalizeFormUrl(explicit.value()).orElse(explicit.value());
            return Optional.of(new BookingForm(url, explicit.source().label()));
        }
        OptionalLong company = companyId();
        Optional<String> discovered = state(STATE_DISCOVERED_FORM);
        Optional<String> discoveredFor = state(STATE_DISCOVERED_FORM_COMPANY);
        if (company.isPresent() && discovered.isPresent()
                && discoveredFor.equals(Optional.of(Long.toString(company.getAsLong())))) {
            return Optional.of(new BookingForm(discovered.get(), "YCLIENTS"));
        }
        return Optional.empty();
    }

    public record BookingForm(String url, String sourceLabel) {}

    public void rememberDiscoveredForm(long companyId, String url) {
        putState(STATE_DISCOVERED_FORM, url, null);
        putState(STATE_DISCOVERED_FORM_COMPANY, Long.toString(companyId), null);
    }

    public void forgetDiscoveredForm() {
        putState(STATE_DISCOVERED_FORM, null, null);
        putState(STATE_DISCOVERED_FORM_COMPANY, null, null);
    }

    /** Last known company title, so the greeting works while YCLIENTS is down. */
    public Optional<String> companyTitle() {
        OptionalLong company = companyId();
        if (company.isEmpty()) {
            return Optional.empty();
        }
        if (!state(STATE_COMPANY_OF_TITLE).equals(Optional.of(Long.toString(company.getAsLong())))) {
            return Optional.empty();
        }
        return state(STATE_COMPANY_TITLE);
    }

    public void rememberCompanyTitle(long companyId, String title) {
        putState(STATE_COMPANY_TITLE, title, null);
        putState(STATE_COMPANY_OF_TITLE, Long.toString(companyId), null);
    }

    /** "True" and "true", or a form URL with and without its path, are the same value. */
    private static String normalized(SettingKey key, String value) {
        String v = value == null ? "" : value.strip();
        return switch (key) {
            case YCLIENTS_ENABLED -> io.github.yclientsbot.config.Values.parseBoolean(v).map(String::valueOf).orElse(v);
            case YCLIENTS_BOOKING_URL -> io.github.yclientsbot.yclients.BookingLinkBuilder.normalizeFormUrl(v).orElse(v);
            case YCLIENTS_COMPANY_ID, YCLIENTS_GROUP_ID -> io.github.yclientsbot.config.Values.parsePositiveLong(v).stream()
                    .mapToObj(Long::toString).findFirst().orElse(v);
            case YCLIENTS_COMPANY_IDS -> io.github.yclientsbot.config.Values.parseIdSequence(v).map(List::toString).orElse(v);
            default -> v;
        };
    }

    /**
     * Keys set in chat whose environment (or .env) value differs: a rotated token in the environment
     * would otherwise be ignored silently.
     */
    public List<SettingKey> chatValuesShadowingEnvironment() {
        List<SettingKey> out = new ArrayList<>();
        for (SettingKey key : CHAT_SETTABLE) {
            StoredSetting s = stored.get(key.key());
            ConfigValue cv = config.get(key);
            boolean fromEnv = cv.source() == Source.ENVIRONMENT || cv.source() == Source.DOTENV;
            if (s != null && fromEnv && cv.isSet() && (s.undecryptable() || !normalized(key, cv.value()).equals(normalized(key, s.value())))) {
                out.add(key);
            }
        }
        return out;
    }
}
