package io.github.yclientsbot.yclients;

/**
 * Tokens for one call. {@code partnerToken} is the integrator's key and is needed by every call;
 * {@code userToken} (a YCLIENTS staff account's token) may be null or blank.
 * {@link #toString()} masks both.
 */
public record YclientsCredentials(String partnerToken, String userToken) {

  private static final char ELLIPSIS = '\u2026';

  public boolean hasUserToken() {
    return userToken != null && !userToken.isBlank();
  }

  public YclientsCredentials withoutUserToken() {
    return new YclientsCredentials(partnerToken, null);
  }

  /**
   * Masks a secret for display: {@code "abcd…wxyz"} for 12 characters or more, {@code "…yz"} (the
   * last two) for 6 to 11, {@code "…"} for anything shorter, {@code ""} for null or blank.
   */
  public static String mask(String secret) {
    if (secret == null || secret.isBlank()) {
      return "";
    }
    int length = secret.length();
    if (length >= 12) {
      return secret.substring(0, 4) + ELLIPSIS + secret.substring(length - 4);
    }
    if (length >= 6) {
      return ELLIPSIS + secret.substring(length - 2);
    }
    return String.valueOf(ELLIPSIS);
  }

  @Override
  public String toString() {
    return "YclientsCredentials[partnerToken=" + mask(partnerToken) + ", userToken=" + mask(userToken) + "]";
  }
}
