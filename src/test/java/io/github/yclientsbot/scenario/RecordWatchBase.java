package io.github.yclientsbot.scenario;

import io.github.yclientsbot.RecordWatching;
import io.github.yclientsbot.booking.ReminderPlan;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Outbox;
import io.github.yclientsbot.storage.BookingReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the record tests share: a salon with both tokens and the company set in the environment, the poll and its
 * listeners built as production builds them (unscheduled: a test runs the poll, and a webhook's record is read on the
 * request's thread), the bot's own messages and the reminders' plans recorded, and records in YCLIENTS's shape.
 */
abstract class RecordWatchBase extends ScenarioBase {
    static final String RECORDS = "/api/v1/records/" + COMPANY;
    static final long RECORD = 784512200L;

    /** What the bot sent on its own. */
    final List<Action.Send> sent = new ArrayList<>();
    /** What the reminders were told: "replan <id>" / "drop <company>/<record>". */
    final List<String> plans = new ArrayList<>();
    final Outbox outbox = reply -> {
        reply.actions().forEach(a -> sent.add((Action.Send) a));
        return true;
    };
    final ReminderPlan reminders = new ReminderPlan() {
        @Override
        public void replan(long referenceId) {
            plans.add("replan " + referenceId);
        }

        @Override
        public void drop(long companyId, long recordId) {
            plans.add("drop " + companyId + "/" + recordId);
        }
    };
    RecordWatching watching;

    @Override
    Map<String, String> env(Path dir) {
        Map<String, String> env = super.env(dir);
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        env.put("YCLIENTS_USER_TOKEN", USER_TOKEN);
        env.put("YCLIENTS_COMPANY_ID", Long.toString(COMPANY));
        return env;
    }

    @BeforeEach
    void watch() {
        sent.clear();
        plans.clear();
        watching = RecordWatching.build(bot.core(), bot.layer(), outbox, reminders);
    }

    @AfterEach
    void stopWatching() {
        watching.close();
    }

    /** A record of the company as GET /records lists it. */
    static String record(long id, String datetime, boolean deleted, String lastChange) {
        return "{\"id\":" + id + ",\"company_id\":" + COMPANY + ",\"staff_id\":2290341,\"services\":[{\"id\":13700211,"
                + "\"title\":\"Женская стрижка\",\"cost\":3000}],\"staff\":{\"id\":2290341,\"name\":\"Анна Соколова\"},"
                + "\"client\":{\"id\":1,\"name\":\"Ольга\",\"phone\":\"+79990001122\"},\"datetime\":\"" + datetime
                + "\",\"attendance\":0,\"seance_length\":3600,\"deleted\":" + deleted + ",\"last_change_date\":\""
                + lastChange + "\"}";
    }

    /** A page of GET /records. */
    static String page(String... records) {
        StringJoiner data = new StringJoiner(",", "[", "]");
        for (String r : records) {
            data.add(r);
        }
        return "{\"success\":true,\"data\":" + data + ",\"meta\":{\"page\":1,\"total_count\":" + records.length + "}}";
    }

    void serve(String... records) {
        yclients.on("GET", RECORDS).respond(200, page(records));
    }

    BookingReference kept() {
        return bot.database().bookingReferences().byRecord(COMPANY, RECORD).orElseThrow();
    }

    void bookedInChat(String startsAt) {
        bot.database().bookingReferences().add(CUSTOMER, COMPANY, RECORD, "hash-1", startsAt);
    }

}
