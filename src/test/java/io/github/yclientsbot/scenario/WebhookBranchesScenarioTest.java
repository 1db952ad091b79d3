package io.github.yclientsbot.scenario;

import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chain's /webhook register (issue 13): every branch's webhook settings get the address, each its own company's. */
class WebhookBranchesScenarioTest extends RecordWatchBase {
    static final String SECRET = "whsec-0123456789abcdefghijklmnop";
    static final String PUBLIC = "https://bot.example.com";
    static final long EKB = Salon.BRANCH_EKB;

    @Override
    Map<String, String> env(Path dir) {
        Map<String, String> env = super.env(dir);
        env.put("YCLIENTS_WEBHOOK_SECRET", SECRET);
        env.put("YCLIENTS_WEBHOOK_PUBLIC_URL", PUBLIC + "/");
        env.put("BOT_HTTP_PORT", "18080");
        env.put("YCLIENTS_COMPANY_IDS", COMPANY + "," + EKB);
        return env;
    }

    @BeforeEach
    void branches() {
        Salon.serveBranches(yclients);
    }

    private void serveHooks(long company, String urls, int record) {
        String path = "/api/v1/hooks_settings/" + company;
        yclients.on("GET", path).respond(200, "{\"success\":true,\"data\":{\"urls\":[" + urls + "],\"active\":1"
                + ",\"salon\":0,\"record\":" + record + ",\"client\":0,\"finances_operation\":0},\"meta\":[]}");
        yclients.on("POST", path).respond(200, "{\"success\":true,\"data\":{},\"meta\":[]}");
    }

    @Test
    void registerAddsTheAddressToEveryBranchAndSaysAlreadyOnlyWhenAllHaveIt() {
        String ours = "\"" + PUBLIC + "/api/v1/yclients/webhook/" + SECRET + "\"";
        serveHooks(COMPANY, ours, 1);
        serveHooks(EKB, "", 0);

        String done = ask(ADMIN, "/webhook register").text();

        assertTrue(done.contains("Подключено"), done);
        assertEquals(0, yclients.requests("POST", "/api/v1/hooks_settings/" + COMPANY).size(), "the first had it already");
        assertEquals(1, yclients.requests("POST", "/api/v1/hooks_settings/" + EKB).size(), "the second gets it");
        assertTrue(yclients.requests("POST", "/api/v1/hooks_settings/" + EKB).get(0).body().contains(SECRET));

        yclients.on("GET", "/api/v1/hooks_settings/" + EKB).respond(500, "{\"success\":false,\"meta\":{\"message\":\"boom\"}}");
        String failed = ask(ADMIN, "/webhook register").text();
        assertTrue(failed.contains(EKB + ":"), "the branch that failed is named: " + failed);
    }
}
