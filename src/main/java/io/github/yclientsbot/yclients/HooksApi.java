package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The company's webhook settings ({@code GET}/{@code POST /api/v1/hooks_settings/{company_id}}, partner + user
 * token): the addresses YCLIENTS posts events to ({@code urls}), whether it posts at all ({@code active}) and one 0/1
 * switch per kind of event ({@code record}, {@code client}, {@code service}, …). Saving writes every switch back as it
 * was read, so another integration's URLs and choices are kept.
 */
public final class HooksApi {

  /** The settings as read: the URLs (an old single {@code url} counts as one) and the whole answer, to send back. */
  public static final class Settings {
    private final List<String> urls;
    private final ObjectNode raw;

    Settings(List<String> urls, ObjectNode raw) {
      this.urls = List.copyOf(urls);
      this.raw = raw;
    }

    public List<String> urls() {
      return urls;
    }

    /** YCLIENTS posts events ({@code active} is 1). */
    public boolean active() {
      return TolerantJson.intValue(raw, "active", 0) == 1;
    }

    /** Record events are posted ({@code record} is 1). */
    public boolean records() {
      return TolerantJson.intValue(raw, "record", 0) == 1;
    }

    /** The same settings with these URLs, active when any is left, record events switched on when {@code records}. */
    public Settings with(List<String> newUrls, boolean records) {
      ObjectNode copy = raw.deepCopy();
      copy.put("active", newUrls.isEmpty() ? 0 : 1);
      if (records) {
        copy.put("record", 1);
      }
      return new Settings(newUrls, copy);
    }
  }

  private final YclientsHttp http;

  HooksApi(YclientsHttp http) {
    this.http = http;
  }

  /**
   * {@code GET /api/v1/hooks_settings/{company_id}}.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public Settings get(YclientsCredentials c, long companyId) throws YclientsException {
    String path = "/api/v1/hooks_settings/" + companyId;
    Answer answer = http.get(c, true, path, http.url(path).build());
    JsonNode data = answer.data().isArray() ? answer.data().path(0) : answer.data();
    if (!data.isObject()) {
      // a company that never set webhooks may answer with no settings at all
      return new Settings(List.of(), http.object());
    }
    List<String> urls = new ArrayList<>();
    for (JsonNode url : data.path("urls")) {
      if (url.isTextual() && !url.asText().isBlank()) {
        urls.add(url.asText().strip());
      }
    }
    String single = TolerantJson.nonBlank(data, "url");
    if (urls.isEmpty() && single != null) {
      urls.add(single.strip());
    }
    return new Settings(urls, (ObjectNode) data.deepCopy());
  }

  /**
   * {@code POST /api/v1/hooks_settings/{company_id}}: every switch as read, {@code urls} and {@code active} as given.
   *
   * @throws IllegalArgumentException when {@code c} has no user token
   */
  public void save(YclientsCredentials c, long companyId, Settings settings) throws YclientsException {
    Objects.requireNonNull(settings, "settings");
    String path = "/api/v1/hooks_settings/" + companyId;
    ObjectNode body = settings.raw.deepCopy();
    body.remove("url");
    ArrayNode urls = body.putArray("urls");
    settings.urls.forEach(urls::add);
    if (!body.has("active")) {
      body.put("active", settings.urls.isEmpty() ? 0 : 1);
    }
    http.send("POST", path, http.url(path).build(), YclientsHttp.authorization(c, true, "POST", path),
        http.json(body, path), Redactor.of(c), false);
  }
}
