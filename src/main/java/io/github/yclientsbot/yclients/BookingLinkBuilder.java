package io.github.yclientsbot.yclients;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Builds customer deep links into a company's YCLIENTS online booking form. The template is
 * configurable because the deep-link format is not officially documented; the placeholders are
 * {@code {form}} (the form's origin, e.g. {@code https://n611204.yclients.com}), {@code {company}},
 * {@code {service}} and {@code {staff}} ({@code -1} meaning "any specialist"). Immutable.
 */
public final class BookingLinkBuilder {

  public static final String DEFAULT_TEMPLATE = "{form}/company/{company}/personal/select-time?o=m{staff}s{service}";

  private static final Set<String> PLACEHOLDERS = Set.of("form", "company", "service", "staff");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern FORM_HOST = Pattern.compile("[nbw](\\d{1,18})\\.yclients\\.com");

  private final String template;

  /**
   * @throws IllegalArgumentException if the template is blank, lacks {@code {form}} or
   *     {@code {service}}, or has an unknown placeholder
   */
  public BookingLinkBuilder(String template) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("booking link template is empty; default: " + DEFAULT_TEMPLATE);
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group(1))) {
        throw new IllegalArgumentException("booking link template has an unknown placeholder " + matcher.group()
            + "; allowed: {form}, {company}, {service}, {staff}");
      }
    }
    for (String required : new String[] {"{form}", "{service}"}) {
      if (!template.contains(required)) {
        throw new IllegalArgumentException("booking link template must contain " + required
            + ", got: " + template + "; default: " + DEFAULT_TEMPLATE);
      }
    }
    this.template = template.strip();
  }

  public String template() {
    return template;
  }

  /**
   * A link for one service, and one specialist when {@code staffId > 0} (else {@code -1}, "any").
   *
   * @param formUrl the form's url, e.g. {@code "https://n611204.yclients.com/"}; a trailing slash or a
   *     path is tolerated (only the origin is kept)
   * @throws IllegalArgumentException if {@code formUrl} is not an absolute http(s) URL, is the staff
   *     journal, if an id is not positive, or the result is not an absolute http(s) URL
   */
  public String link(String formUrl, long companyId, long serviceId, long staffId) {
    if (isStaffJournal(formUrl)) {
      throw new IllegalArgumentException("the staff journal (yclients.com/timetable) is not a booking form: "
          + formUrl);
    }
    String form = normalizeFormUrl(formUrl).orElseThrow(() -> new IllegalArgumentException(
        "booking form URL must be an absolute http(s) URL, got: " + formUrl));
    if (serviceId <= 0) {
      throw new IllegalArgumentException("service id must be positive, got: " + serviceId);
    }
    if (companyId <= 0 && template.contains("{company}")) {
      throw new IllegalArgumentException("company id must be positive, got: " + companyId);
    }
    String result = template
        .replace("{form}", form)
        .replace("{company}", String.valueOf(companyId))
        .replace("{service}", String.valueOf(serviceId))
        .replace("{staff}", staffId > 0 ? String.valueOf(staffId) : "-1");
    if (HttpUrl.parse(result) == null) {
      throw new IllegalArgumentException("booking link template does not give an absolute http(s) URL: " + result);
    }
    return result;
  }

  /**
   * The origin of a form URL: {@code "https://n611204.yclients.com/company/1/personal/menu?o=x"} →
   * {@code "https://n611204.yclients.com"} (host lower-cased, port kept when not the default).
   * Empty if {@code url} is not an absolute http/https URL with a host.
   */
  public static Optional<String> normalizeFormUrl(String url) {
    HttpUrl parsed = parse(url);
    if (parsed == null || parsed.host().isEmpty()) {
      return Optional.empty();
    }
    String origin = parsed.scheme() + "://" + (parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host());
    if (parsed.port() != HttpUrl.defaultPort(parsed.scheme())) {
      origin += ":" + parsed.port();
    }
    return Optional.of(origin);
  }

  /** True for {@code yclients.com/timetable/...}: the staff journal behind a login, never a customer page. */
  public static boolean isStaffJournal(String url) {
    HttpUrl parsed = parse(withScheme(url));
    if (parsed == null) {
      return false;
    }
    String host = parsed.host();
    boolean yclients = ("." + host).endsWith(".yclients.com");
    return yclients && !parsed.pathSegments().isEmpty() && parsed.pathSegments().get(0).equalsIgnoreCase("timetable");
  }

  /** The form id from a host like {@code n611204.yclients.com} (also {@code b611204}, {@code w611204}); else empty. */
  public static OptionalLong formIdFromUrl(String url) {
    HttpUrl parsed = parse(withScheme(url));
    if (parsed == null) {
      return OptionalLong.empty();
    }
    Matcher matcher = FORM_HOST.matcher(parsed.host().toLowerCase(Locale.ROOT));
    return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }

  private static HttpUrl parse(String url) {
    return url == null || url.isBlank() ? null : HttpUrl.parse(url.strip());
  }

  /** Accepts {@code "n611204.yclients.com/"} as well as a full URL, for the lenient checks. */
  private static String withScheme(String url) {
    if (url == null || url.isBlank()) {
      return url;
    }
    String stripped = url.strip();
    return stripped.contains("://") ? stripped : "https://" + stripped;
  }
}
