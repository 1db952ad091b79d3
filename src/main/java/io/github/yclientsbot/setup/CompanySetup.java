package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.ServiceButtons;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.Bookform;
import io.github.yclientsbot.yclients.BookformRef;
import io.github.yclientsbot.yclients.BookingLinkBuilder;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** /setcompany, /setbookingurl, /enable, /disable, /unset. */
public final class CompanySetup {
    /** Names an admin may give to /unset. */
    public static final Map<String, SettingKey> UNSET_NAMES = Map.of(
            "partner", SettingKey.YCLIENTS_API_TOKEN,
            "api", SettingKey.YCLIENTS_API_TOKEN,
            "user", SettingKey.YCLIENTS_USER_TOKEN,
            "company", SettingKey.YCLIENTS_COMPANY_ID,
            "branches", SettingKey.YCLIENTS_COMPANY_IDS,
            "chain", SettingKey.YCLIENTS_GROUP_ID,
            "bookingurl", SettingKey.YCLIENTS_BOOKING_URL,
            "enabled", SettingKey.YCLIENTS_ENABLED,
            "bookingmode", SettingKey.BOOKING_MODE);

    private final Settings settings;
    private final YclientsDirectory yclients;
    private final ServiceMappings mappings;
    private final AuditLog audit;

    public CompanySetup(Settings settings, YclientsDirectory yclients, ServiceMappings mappings, AuditLog audit) {
        this.settings = settings;
        this.yclients = yclients;
        this.mappings = mappings;
        this.audit = audit;
    }

    public sealed interface CompanyResult {
        /** Saved and confirmed; {@code bookform} is the form customers will be sent to (empty: none found). */
        /** {@code mappingsOfPreviousCompany}: buttons set up while another company was configured (0 when none or same). */
        /** {@code branchesDropped}: branches set in chat (/addbranch, /setchain) were dropped: one company now. */
        record Saved(Company company, Optional<BookformRef> bookform, boolean explicitFormKept, long mappingsOfPreviousCompany,
                     boolean branchesDropped) implements CompanyResult {}

        /** Saved without confirmation (no token yet, YCLIENTS down, token refused). */
        record SavedUnverified(long companyId, LiveCheck why) implements CompanyResult {}

        /** YCLIENTS says there is no such company: nothing saved. */
        record NotFound(long companyId, String message) implements CompanyResult {}
    }

    public CompanyResult setCompany(long companyId, long userId) {
        OptionalLong previous = settings.companyId();
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty()) {
            save(companyId, userId);
            return new CompanyResult.SavedUnverified(companyId, new LiveCheck.Pending(LiveCheck.Reason.NO_PARTNER_TOKEN));
        }
        Company company;
        try {
            company = yclients.client().companies().company(creds.get().withoutUserToken(), companyId);
        } catch (YclientsException e) {
            if (e.isNotFound()) {
                return new CompanyResult.NotFound(companyId, e.apiMessage());
            }
            save(companyId, userId);
            return new CompanyResult.SavedUnverified(companyId, LiveCheck.of(e));
        }
        boolean dropped = save(companyId, userId);
        settings.rememberCompanyTitle(companyId, company.displayTitle());
        Optional<BookformRef> form = company.defaultBookform();
        form.flatMap(f -> BookingLinkBuilder.normalizeFormUrl(f.url()))
                .ifPresentOrElse(url -> settings.rememberDiscoveredForm(companyId, url), settings::forgetDiscoveredForm);
        boolean explicit = settings.get(SettingKey.YCLIENTS_BOOKING_URL).isSet();
        boolean changed = previous.isPresent() && previous.getAsLong() != companyId;
        return new CompanyResult.Saved(company, form, explicit, changed ? mappings.count() : 0, dropped);
    }

    /**
     * /setcompany means one company: the branches set in chat (/addbranch, /setchain) are dropped, and the buttons are
     * that company's (as before branches).
     */
    private boolean save(long companyId, long userId) {
        settings.setInChat(SettingKey.YCLIENTS_COMPANY_ID, Long.toString(companyId), userId);
        boolean list = settings.unsetInChat(SettingKey.YCLIENTS_COMPANY_IDS);
        boolean chain = settings.unsetInChat(SettingKey.YCLIENTS_GROUP_ID);
        audit.record(userId, "setcompany", "company id " + companyId + (list || chain ? ", branches set in chat dropped" : ""));
        yclients.invalidate();
        ServiceButtons.settle(settings, mappings);
        return list || chain;
    }

    public sealed interface FormResult {
        record Saved(String url, Optional<String> warning) implements FormResult {}

        record Invalid() implements FormResult {}

        record StaffJournal() implements FormResult {}
    }

    /** @return warning "company:&lt;id&gt;" when the form belongs to another company than the configured one */
    public FormResult setBookingUrl(String raw, long userId) {
        if (BookingLinkBuilder.isStaffJournal(raw)) {
            return new FormResult.StaffJournal();
        }
        Optional<String> url = BookingLinkBuilder.normalizeFormUrl(raw);
        if (url.isEmpty()) {
            return new FormResult.Invalid();
        }
        settings.setInChat(SettingKey.YCLIENTS_BOOKING_URL, url.get(), userId);
        audit.record(userId, "setbookingurl", url.get());
        return new FormResult.Saved(url.get(), formBelongsElsewhere(url.get()));
    }

    /** The id of the company a form really belongs to, when that is not ours (best effort). */
    private Optional<String> formBelongsElsewhere(String url) {
        OptionalLong formId = BookingLinkBuilder.formIdFromUrl(url);
        OptionalLong company = settings.companyId();
        Optional<YclientsCredentials> creds = settings.credentials();
        if (formId.isEmpty() || company.isEmpty() || creds.isEmpty()) {
            return Optional.empty();
        }
        try {
            Bookform form = yclients.client().companies().bookform(creds.get().withoutUserToken(), formId.getAsLong());
            if (form.companyId() != company.getAsLong() && form.groupId() == 0) {
                return Optional.of(Long.toString(form.companyId()));
            }
        } catch (YclientsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Learns the company's default booking form from YCLIENTS when none is known yet (company set in
     * the environment, or YCLIENTS was down when it was set). Returns the form customers are sent to.
     */
    public Optional<Settings.BookingForm> discoverBookingForm() throws YclientsException, NotReadyException {
        if (settings.bookingForm().isEmpty()) {
            Company c = yclients.company();
            // the company may have been changed in chat while this call was on its way
            if (settings.companyId().equals(OptionalLong.of(c.id()))) {
                c.defaultBookform().flatMap(f -> BookingLinkBuilder.normalizeFormUrl(f.url()))
                        .ifPresent(url -> settings.rememberDiscoveredForm(c.id(), url));
            }
        }
        return settings.bookingForm();
    }

    public void setEnabled(boolean enabled, long userId) {
        settings.setInChat(SettingKey.YCLIENTS_ENABLED, Boolean.toString(enabled), userId);
        audit.record(userId, enabled ? "enable" : "disable", "yclients.enabled=" + enabled);
        yclients.invalidate();
    }

    /** /bookingmode: {@code chat}, {@code form} or {@code both}, stored in chat; the buttons customers see change at once. */
    public void setBookingMode(String mode, long userId) {
        settings.setInChat(SettingKey.BOOKING_MODE, mode, userId);
        audit.record(userId, "bookingmode", "booking.mode=" + mode);
    }

    /** The mode in effect and where it comes from. */
    public Settings.Value bookingMode() {
        return settings.get(SettingKey.BOOKING_MODE);
    }

    public record UnsetResult(SettingKey key, boolean removed, Settings.Value nowInEffect) {}

    public Optional<UnsetResult> unset(String name, long userId) {
        SettingKey key = UNSET_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (key == null) {
            key = SettingKey.byKey(name).filter(Settings.CHAT_SETTABLE::contains).orElse(null);
        }
        if (key == null) {
            return Optional.empty();
        }
        boolean removed = settings.unsetInChat(key);
        if (removed) {
            audit.record(userId, "unset", key.key());
            yclients.invalidate();
            ServiceButtons.settle(settings, mappings);
        }
        return Optional.of(new UnsetResult(key, removed, settings.get(key)));
    }
}
