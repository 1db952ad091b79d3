package io.github.yclientsbot.yclients;

/** The answer of {@code POST /auth}: the staff account's user token and, when given, its name. */
public record AuthResult(String userToken, String userName) {

  @Override
  public String toString() {
    return "AuthResult[userToken=" + YclientsCredentials.mask(userToken) + ", userName=" + userName + "]";
  }
}
