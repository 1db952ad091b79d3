package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** The company and its booking forms, as the partner token sees them. */
public final class CompanyApi {
  private final YclientsHttp http;

  CompanyApi(YclientsHttp http) {
    this.http = http;
  }

  /** {@code GET /api/v1/company/{id}?showBookforms=1}, partner token only. */
  public Company company(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId;
    return http.get(c, false, path, http.url(path).addQueryParameter("showBookforms", "1").build())
        .object(CompanyApi::toCompany);
  }

  /** {@code GET /api/v1/bookform/{id}}, partner token only. */
  public Bookform bookform(YclientsCredentials c, long formId) throws YclientsException {
    String path = "/api/v1/bookform/" + formId;
    return http.get(c, false, path, http.url(path).build()).object(node -> new Bookform(
        Answer.requiredId(node),
        TolerantJson.longValue(node, "company_id", 0),
        TolerantJson.longValue(node, "group_id", 0),
        TolerantJson.bool(node, "phone_confirmation", false)));
  }

  /**
   * {@code GET /api/v1/companies?group_id={id}&showBookforms=1}, partner token only: the branches of a chain, each in
   * the shape of {@link #company}.
   */
  public List<Company> chainCompanies(YclientsCredentials c, long groupId) throws YclientsException {
    String path = "/api/v1/companies";
    return http.get(c, false, path, http.url(path).addQueryParameter("group_id", Long.toString(groupId))
        .addQueryParameter("showBookforms", "1").build()).array(CompanyApi::toCompany);
  }

  /**
   * {@code GET /api/v1/groups}, partner + user token: the chains the user can see, each with its branches' ids and
   * titles.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public List<Chain> chains(YclientsCredentials c) throws YclientsException {
    String path = "/api/v1/groups";
    return http.get(c, true, path, http.url(path).build()).array(node -> new Chain(
        Answer.requiredId(node),
        TolerantJson.textOrEmpty(node, "title"),
        Answer.items(node.path("companies"), item -> new Chain.Member(
            Answer.requiredId(item), TolerantJson.textOrEmpty(item, "title")))));
  }

  private static Company toCompany(JsonNode node) {
    String timezoneName = TolerantJson.nonBlank(node, "timezone_name");
    if (timezoneName == null) {
      // the old field is a zone name ("Europe/Moscow"); the new one is an offset in hours (3 or "3")
      String legacy = TolerantJson.nonBlank(node, "timezone");
      if (legacy != null && node.path("timezone").isTextual() && TolerantJson.decimal(node, "timezone") == null) {
        timezoneName = legacy.strip();
      }
    }
    List<BookformRef> forms = Answer.items(node.path("bookforms"), item -> new BookformRef(
        Answer.requiredId(item),
        TolerantJson.textOrEmpty(item, "title"),
        TolerantJson.bool(item, "is_default", false),
        TolerantJson.textOrEmpty(item, "url").strip()));
    return new Company(
        Answer.requiredId(node),
        TolerantJson.textOrEmpty(node, "title"),
        TolerantJson.nonBlank(node, "public_title"),
        TolerantJson.nonBlank(node, "city"),
        TolerantJson.nonBlank(node, "address"),
        TolerantJson.nonBlank(node, "phone"),
        timezoneName,
        TolerantJson.bool(node, "phone_confirmation", false),
        forms,
        changes(node),
        coordinate(node, "coordinate_lat"),
        coordinate(node, "coordinate_lon"));
  }

  /** The rules for customers' changes; booleans as true/1/"1", the delays as seconds (number or string). */
  static Company.Changes changes(JsonNode node) {
    return new Company.Changes(
        TolerantJson.bool(node, "allow_change_record", true),
        Duration.ofSeconds(TolerantJson.longValue(node, "allow_change_record_delay_step", 0)),
        TolerantJson.bool(node, "allow_delete_record", true),
        Duration.ofSeconds(TolerantJson.longValue(node, "allow_delete_record_delay_step", 0)));
  }

  /** A coordinate as a number or a string; 0 is YCLIENTS's "not on the map". */
  private static Double coordinate(JsonNode node, String field) {
    java.math.BigDecimal value = TolerantJson.decimal(node, field);
    return value == null || value.signum() == 0 ? null : value.doubleValue();
  }
}
