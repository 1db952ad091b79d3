package io.github.yclientsbot.yclients;

import java.util.ArrayList;
import java.util.List;

/** Replaces every secret of one call (tokens, password, record hash) found in a text by its mask. */
final class Redactor {
  private final List<String> secrets = new ArrayList<>();

  Redactor(String... secrets) {
    for (String secret : secrets) {
      if (secret != null && secret.strip().length() >= 4) {
        this.secrets.add(secret.strip());
      }
    }
  }

  /** The secrets of a call made with these credentials. */
  static Redactor of(YclientsCredentials credentials) {
    return new Redactor(credentials.partnerToken(), credentials.userToken());
  }

  String apply(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, YclientsCredentials.mask(secret));
    }
    return result;
  }
}
