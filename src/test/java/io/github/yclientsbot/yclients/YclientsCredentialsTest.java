package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YclientsCredentialsTest {

  @Test
  void masksLongSecretsToFirstAndLastFour() {
    assertEquals("abcd\u2026wxyz", YclientsCredentials.mask("abcdefghijklmnopqrstuvwxyz"));
    assertEquals("1234\u20269012", YclientsCredentials.mask("123456789012"));
  }

  @Test
  void masksMidLengthSecretsToLastTwo() {
    assertEquals("\u2026fg", YclientsCredentials.mask("abcdefg"));
    assertEquals("\u2026ef", YclientsCredentials.mask("abcdef"));
    assertEquals("\u2026kl", YclientsCredentials.mask("abcdefghijkl".substring(1)));
  }

  @Test
  void masksShortSecretsCompletely() {
    assertEquals("\u2026", YclientsCredentials.mask("abcde"));
    assertEquals("\u2026", YclientsCredentials.mask("a"));
  }

  @Test
  void masksNothingToEmpty() {
    assertEquals("", YclientsCredentials.mask(null));
    assertEquals("", YclientsCredentials.mask(""));
    assertEquals("", YclientsCredentials.mask("   "));
  }

  @Test
  void toStringMasksBothTokens() {
    YclientsCredentials credentials = new YclientsCredentials("partner-SECRET-0001", "user-SECRET-0002");

    String text = credentials.toString();

    assertFalse(text.contains("SECRET"), text);
    assertTrue(text.contains("part\u20260001"), text);
    assertTrue(text.contains("user\u20260002"), text);
  }

  @Test
  void userTokenIsOptional() {
    assertTrue(new YclientsCredentials("p", "u").hasUserToken());
    assertFalse(new YclientsCredentials("p", null).hasUserToken());
    assertFalse(new YclientsCredentials("p", "  ").hasUserToken());

    YclientsCredentials partnerOnly = new YclientsCredentials("p", "u").withoutUserToken();

    assertEquals("p", partnerOnly.partnerToken());
    assertNull(partnerOnly.userToken());
  }
}
