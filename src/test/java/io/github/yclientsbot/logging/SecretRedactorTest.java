package io.github.yclientsbot.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretRedactorTest {
    @Test
    void masksRegisteredSecretsAndAnythingShapedLikeABotToken() {
        SecretRedactor.register("registered-secret-0042");
        String out = SecretRedactor.redact("a registered-secret-0042 b https://x/bot777:abcdefghijklmnopqrstuvwxyz012/getme");
        assertFalse(out.contains("registered-secret-0042"));
        assertTrue(out.contains("regi…0042"));
        assertFalse(out.contains("abcdefghijklmnopqrstuvwxyz012"));
    }

    @Test
    void maskLengths() {
        assertEquals("abcd…wxyz", SecretRedactor.mask("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("…yz", SecretRedactor.mask("abcxyz"));
        assertEquals("…", SecretRedactor.mask("abc"));
        assertEquals("", SecretRedactor.mask(null));
    }
}
