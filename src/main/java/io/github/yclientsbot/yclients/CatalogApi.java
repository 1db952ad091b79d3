package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin catalog: every service and specialist of the company, hidden ones included. Needs the user token (a
 * YCLIENTS staff account) besides the partner token.
 */
public final class CatalogApi {
  private final YclientsHttp http;

  CatalogApi(YclientsHttp http) {
    this.http = http;
  }

  /**
   * {@code GET /api/v1/company/{id}/services}, partner + user token.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public List<CatalogService> companyServices(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId + "/services";
    Answer answer = http.get(c, true, path, http.url(path).build());
    JsonNode data = answer.data();
    if (data.isObject() && data.path("services").isArray()) {
      answer = answer.withData(data.path("services"));
    }
    return answer.array(item -> new CatalogService(
        Answer.requiredId(item),
        TolerantJson.textOrEmpty(item, "title"),
        TolerantJson.decimal(item, "price_min"),
        TolerantJson.decimal(item, "price_max"),
        TolerantJson.bool(item, "active", true),
        TolerantJson.bool(item, "is_online", true),
        staffIds(item.path("staff"))));
  }

  /**
   * {@code GET /api/v1/company/{id}/staff}, partner + user token.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public List<CatalogStaff> companyStaff(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/company/" + companyId + "/staff";
    return http.get(c, true, path, http.url(path).build()).array(item -> new CatalogStaff(
        Answer.requiredId(item),
        TolerantJson.textOrEmpty(item, "name"),
        TolerantJson.nonBlank(item, "specialization"),
        TolerantJson.bool(item, "fired", TolerantJson.bool(item, "is_fired", false))));
  }

  private static List<Long> staffIds(JsonNode staff) {
    List<Long> ids = new ArrayList<>();
    if (staff.isArray()) {
      for (JsonNode item : staff) {
        Long id = item.isObject() ? TolerantJson.longValue(item, "id") : TolerantJson.toLong(item);
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return ids;
  }
}
