package io.github.yclientsbot.http;

import io.github.yclientsbot.setup.WebhookSetup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The address /webhook shows is the one the HTTP port serves. */
class WebhookPathTest {
    @Test
    void theShownPathIsTheServedOne() {
        assertEquals(WebhookSetup.PATH, YclientsWebhook.PATH);
    }
}
