package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A YCLIENTS staff account's login, for its user token. */
public final class AuthApi {
  private final YclientsHttp http;

  AuthApi(YclientsHttp http) {
    this.http = http;
  }

  /**
   * {@code POST /api/v1/auth} with {@code {"login","password"}} → {@code data.user_token}. Neither the password nor
   * the tokens ever appear in an exception or a log line.
   */
  public AuthResult login(String partnerToken, String login, String password) throws YclientsException {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(password, "password");
    String path = "/api/v1/auth";
    ObjectNode body = http.object().put("login", login).put("password", password);
    Answer answer = http.send("POST", path, http.url(path).build(), YclientsHttp.partner(partnerToken),
        http.json(body, path), new Redactor(partnerToken, password), true);
    return answer.object(node -> {
      String token = TolerantJson.nonBlank(node, "user_token");
      if (token == null) {
        throw new IllegalArgumentException("no user_token in the answer");
      }
      return new AuthResult(token, TolerantJson.nonBlank(node, "name"));
    });
  }
}
