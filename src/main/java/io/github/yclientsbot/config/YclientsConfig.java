package io.github.yclientsbot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YCLIENTS as loaded (an admin may change the tokens, company, booking form and the switch in chat: read those
 * through {@code company.Settings}, which puts the chat values on top).
 *
 * @param enabled         online booking switched on
 * @param apiToken        the partner token
 * @param userToken       the user token (needed for the in-chat booking)
 * @param apiUrl          absolute http(s) URL without trailing slash
 * @param bookingUrl      the online booking form, absolute http(s) URL without trailing slash, when set
 * @param bookingTemplate the booking link; contains {@code {form}} and {@code {service}}
 * @param cacheTtl        how long the company, catalog and specialists read from YCLIENTS are kept
 * @param companyIds      several branches by id ({@code yclients.company.ids}, a comma list), in the order given
 * @param groupId         a chain whose branches are read from YCLIENTS ({@code yclients.group.id})
 */
public record YclientsConfig(boolean enabled, OptionalLong companyId, Optional<String> apiToken,
                             Optional<String> userToken, String apiUrl, Optional<String> bookingUrl,
                             String bookingTemplate, Duration cacheTtl, List<Long> companyIds, OptionalLong groupId) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> TEMPLATE_PLACEHOLDERS = Set.of("form", "company", "staff", "service");

    static YclientsConfig read(SettingReader r) throws ConfigException {
        validateToken(r, SettingKey.YCLIENTS_API_TOKEN);
        validateToken(r, SettingKey.YCLIENTS_USER_TOKEN);
        boolean enabled = Values.parseBoolean(r.text(SettingKey.YCLIENTS_ENABLED))
                .orElseThrow(() -> r.invalid(SettingKey.YCLIENTS_ENABLED, "must be true or false, got "
                        + SettingReader.quote(r.text(SettingKey.YCLIENTS_ENABLED)), "to true or false"));
        OptionalLong companyId = companyId(r);
        List<Long> companyIds = companyIds(r);
        OptionalLong groupId = groupId(r);
        String apiUrl = r.httpUrl(SettingKey.YCLIENTS_API_URL, "like https://api.yclients.com");
        Optional<String> bookingUrl = r.isSet(SettingKey.YCLIENTS_BOOKING_URL)
                ? Optional.of(r.httpUrl(SettingKey.YCLIENTS_BOOKING_URL,
                        "to your online booking form like https://n123456.yclients.com, or leave it empty"
                                + " to use the company's default booking form"))
                : Optional.empty();
        int cacheTtlSeconds = r.intIn(SettingKey.YCLIENTS_CACHE_TTL_SECONDS, 10, 86_400,
                "like 300 (seconds the company, catalog and specialists are kept before YCLIENTS is asked again)");
        String template = r.text(SettingKey.YCLIENTS_BOOKING_TEMPLATE);
        if (!template.contains("{form}") || !template.contains("{service}")) {
            throw r.invalid(SettingKey.YCLIENTS_BOOKING_TEMPLATE, "must contain {form} and {service}, got "
                    + SettingReader.quote(template), "like " + SettingKey.YCLIENTS_BOOKING_TEMPLATE.defaultValue());
        }
        return new YclientsConfig(enabled, companyId, r.optional(SettingKey.YCLIENTS_API_TOKEN),
                r.optional(SettingKey.YCLIENTS_USER_TOKEN), apiUrl, bookingUrl, template,
                Duration.ofSeconds(cacheTtlSeconds), companyIds, groupId);
    }

    /** Placeholders in the booking template the link builder does not know: it leaves them as they are. */
    List<String> templateWarnings() {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(bookingTemplate);
        while (m.find()) {
            if (!TEMPLATE_PLACEHOLDERS.contains(m.group(1))) {
                found.add(SettingKey.YCLIENTS_BOOKING_TEMPLATE.key() + " contains the unknown placeholder {" + m.group(1)
                        + "}; it is left as it is (known: {form}, {company}, {staff}, {service})");
            }
        }
        return found;
    }

    /** A YCLIENTS token goes into "Authorization: Bearer p, User u": one word, printable ASCII, no comma. */
    private static void validateToken(SettingReader r, SettingKey key) throws ConfigException {
        if (!r.isSet(key)) {
            return;
        }
        boolean ok = r.text(key).chars().allMatch(c -> c > 32 && c < 127 && c != ',');
        if (!ok) {
            throw r.invalid(key, "is not a valid token (one word of letters, digits and signs, no spaces or commas)",
                    "to the token exactly as YCLIENTS gave it");
        }
    }

    private static OptionalLong companyId(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.YCLIENTS_COMPANY_ID;
        if (!r.isSet(key)) {
            return OptionalLong.empty();
        }
        OptionalLong id = Values.parsePositiveLong(r.text(key));
        if (id.isEmpty()) {
            throw r.invalid(key, "must be a number, got " + SettingReader.quote(r.text(key)),
                    "to the id from your YCLIENTS address (…/timetable/123456)");
        }
        return id;
    }

    private static List<Long> companyIds(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.YCLIENTS_COMPANY_IDS;
        if (!r.isSet(key)) {
            return List.of();
        }
        return Values.parseIdSequence(r.text(key)).orElseThrow(() -> r.invalid(key,
                "must be company ids separated by commas, got " + SettingReader.quote(r.text(key)),
                "like 502817,611204 (the branches' ids from their YCLIENTS addresses …/timetable/<id>)"));
    }

    private static OptionalLong groupId(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.YCLIENTS_GROUP_ID;
        if (!r.isSet(key)) {
            return OptionalLong.empty();
        }
        OptionalLong id = Values.parsePositiveLong(r.text(key));
        if (id.isEmpty()) {
            throw r.invalid(key, "must be a number, got " + SettingReader.quote(r.text(key)),
                    "to your chain's id (YCLIENTS: the chain's settings), or leave it empty");
        }
        return id;
    }

    /** The tokens masked. */
    @Override
    public String toString() {
        return "YclientsConfig[enabled=" + enabled + ", companyId=" + companyId
                + ", apiToken=" + SettingReader.masked(apiToken.orElse(""))
                + ", userToken=" + SettingReader.masked(userToken.orElse(""))
                + ", apiUrl=" + apiUrl + ", bookingUrl=" + bookingUrl + ", bookingTemplate=" + bookingTemplate
                + ", cacheTtl=" + cacheTtl + ", companyIds=" + companyIds + ", groupId=" + groupId + "]";
    }
}
