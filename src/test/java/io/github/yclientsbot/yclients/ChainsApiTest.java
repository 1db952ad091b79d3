package io.github.yclientsbot.yclients;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A chain's branches: {@code GET /groups} (partner + user token) and {@code GET /companies?group_id=} (partner token). */
class ChainsApiTest {
  private static final YclientsCredentials PARTNER = new YclientsCredentials("partner-token-0001", null);
  private static final YclientsCredentials BOTH = new YclientsCredentials("partner-token-0001", "user-token-0002");

  private final FakeYclientsServer yclients = new FakeYclientsServer();
  private final YclientsClient client = TestClients.plain(yclients.url());

  @AfterEach
  void stop() {
    yclients.close();
  }

  @Test
  void chainsListTheirBranchesWithTheUserToken() throws Exception {
    yclients.on("GET", "/api/v1/groups").respondWithFixture(200, "groups.json");

    List<Chain> chains = client.companies().chains(BOTH);

    assertEquals(List.of(
        new Chain(9206, "Студии «Лён»", List.of(new Chain.Member(502817, "Студия «Лён» на Покровке"),
            new Chain.Member(611205, "Студия «Лён» на Ленина"), new Chain.Member(611206, "Студия «Лён» на Арбате"))),
        new Chain(9207, "Другая сеть", List.of(new Chain.Member(700001, "Филиал другой сети")))), chains);
    assertEquals("Bearer partner-token-0001, User user-token-0002", yclients.lastRequest().header("Authorization"));
    assertThrows(IllegalArgumentException.class, () -> client.companies().chains(PARTNER), "the user token is required");
  }

  @Test
  void aChainsCompaniesComeWithTimeZoneAddressAndCoordinates() throws Exception {
    yclients.on("GET", "/api/v1/companies").withQueryParam("group_id", "9206").respondWithFixture(200, "companies-group.json");

    List<Company> companies = client.companies().chainCompanies(PARTNER, 9206);

    assertEquals(List.of(502817L, 611205L, 611206L), companies.stream().map(Company::id).toList());
    Company ekb = companies.get(1);
    assertEquals("Студия «Лён» Екатеринбург", ekb.displayTitle());
    assertEquals("Asia/Yekaterinburg", ekb.timezoneName());
    assertEquals("Екатеринбург, пр. Ленина, 24", ekb.address());
    // coordinates as numbers or as strings
    assertEquals(56.838011, ekb.latitude(), 1e-9);
    assertEquals(60.597474, ekb.longitude(), 1e-9);
    assertEquals(55.759241, companies.get(0).latitude(), 1e-9);
    assertEquals("https://n611301.yclients.com/", ekb.defaultBookform().orElseThrow().url());
    // 0,0: not placed on the map
    assertNull(companies.get(2).latitude());
    assertEquals("group_id=9206&showBookforms=1", yclients.lastRequest().query());
    assertEquals("Bearer partner-token-0001", yclients.lastRequest().header("Authorization"));
  }
}
