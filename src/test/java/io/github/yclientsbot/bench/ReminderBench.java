package io.github.yclientsbot.bench;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.Pacing;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Shares;
import io.github.yclientsbot.storage.Database;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reminders benchmark (issue 11): {@code bench.reminder.visits} visits (300) booked in the chat by as many
 * customers, all at 12:00 Moscow time, so every 2-hours-before reminder comes due at the same minute (10:00, a
 * morning rush; the 24-hours-before one had passed when the bot learned of them, so it is not planned). The bot runs
 * as in production ({@link BotApplication} with {@link Pacing#production()}: db-scheduler with two threads on an H2
 * file, YCLIENTS's limiter and shares, the send pacer at 30/s) against the fake Telegram of issue 3 (every call
 * {@code bench.delay} ms, 30 messages/s enforced with 429, no updates: the bot writes first) and the fake YCLIENTS of
 * issue 12 (every call {@code bench.latency} ms, 5/s and 200/min enforced with 429), which answers the read-back of
 * each visit by its hash; {@code bench.reminder.cancelled} of them (0) the salon has cancelled (no reminder may go).
 *
 * <p>The bot's clock runs at the real rate from an instant the benchmark sets: 10 minutes before the due time while the
 * bot starts and plans, then set to the due time; from there the run measures real time (db-scheduler's poll every
 * 10 s, the YCLIENTS budget, Telegram's pacing). Prints one RESULT line and the details before it.
 */
public final class ReminderBench {
    private static final long SECOND = 1_000_000_000L;
    private static final String TOKEN = BenchRun.TOKEN;
    private static final Instant DUE = Instant.parse("2026-12-01T07:00:00Z");
    private static final String VISIT = "2026-12-01T12:00:00+03:00";
    private static final long FIRST_RECORD = 800_000_000L;
    /**
     * What a reminder's read-back may use (it runs on the reminders' own lane of the budget): production's budget with
     * its margin, less the admins' part, within the reminders' cap — read from the bot's own settings, so the floor
     * follows them.
     */
    static final List<RequestLimiter.Window> BACKGROUND = windows(Shares.YCLIENTS.reminders());
    /** The same with the customers' and background work's part of the budget instead (no background cap). */
    static final List<RequestLimiter.Window> ALL_BUT_ADMINS = windows(List.of());

    private static List<RequestLimiter.Window> windows(List<RequestLimiter.Window> share) {
        List<RequestLimiter.Window> out = new ArrayList<>(RequestLimiter.yclientsDefault().windows());
        out.addAll(Shares.YCLIENTS.allButAdmins());
        out.addAll(share);
        return List.copyOf(out);
    }

    /** The bot's clock: runs at the real rate from the instant last {@link #set}. */
    static final class RunningClock extends Clock {
        private volatile Instant anchor;
        private volatile long anchorNanos;

        RunningClock(Instant start) {
            set(start);
        }

        synchronized void set(Instant at) {
            anchorNanos = System.nanoTime();
            anchor = at;
        }

        @Override
        public synchronized Instant instant() {
            return anchor.plusNanos(System.nanoTime() - anchorNanos);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            RunningClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int visits = Integer.getInteger("bench.reminder.visits", 300);
        int cancelled = Integer.getInteger("bench.reminder.cancelled", 0);
        long delay = Long.getLong("bench.delay", 100);
        long latency = Long.getLong("bench.latency", 100);
        Path dir = Files.createTempDirectory("yclients-reminder-bench");
        String dbUrl = "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath() + ";WRITE_DELAY=0";
        RunningClock clock = new RunningClock(DUE.minus(Duration.ofMinutes(10)));
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d visits (%d cancelled by the salon) due at once,"
                        + " Telegram %d ms per call and 30/s, YCLIENTS %d ms per call and 5/s, 200/min%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), visits, cancelled, delay,
                latency);
        boolean[] isCancelled = new boolean[visits];
        try (BenchYclients yclients = new BenchYclients(1, 1, 1, latency, DUE.atZone(ZoneId.of("Europe/Moscow")).toLocalDate());
             BenchTelegram telegram = new BenchTelegram(TOKEN, visits, delay, 30).silent()) {
            // booked in the chat before the bot's start (as the booking flow keeps them); planned by its start
            try (Database db = Database.open(dbUrl, null, null, clock)) {
                for (int i = 0; i < visits; i++) {
                    long record = FIRST_RECORD + i;
                    String hash = "h" + Long.toHexString(record * 7919);
                    // spread over the list, so the cancelled ones are not all at its end
                    isCancelled[i] = cancelled > 0 && i % Math.max(1, visits / cancelled) == 0
                            && countTrue(isCancelled) < cancelled;
                    yclients.visit(record, hash, VISIT, isCancelled[i]);
                    db.bookingReferences().add(BenchTelegram.FIRST_CHAT + i, BenchYclients.COMPANY, record, hash, VISIT);
                }
            }
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.url());
            env.put("BOT_ADMINS", "1");
            env.put("BOT_DB_URL", dbUrl);
            env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
            env.put("YCLIENTS_API_URL", yclients.url());
            env.put("YCLIENTS_API_TOKEN", "bench-partner-token-0123456789");
            env.put("YCLIENTS_COMPANY_ID", Long.toString(BenchYclients.COMPANY));
            env.put("YCLIENTS_BOOKING_URL", "https://n611204.yclients.com");
            int metricsPort;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                metricsPort = free.getLocalPort();
            }
            env.put("BOT_HTTP_PORT", Integer.toString(metricsPort));
            BotConfig config = new ConfigLoader(env, dir).load(null);
            try (BotApplication app = BotApplication.start(config, new BotApplication.Options(1, null, clock,
                    Pacing.production()));
                 Connection jdbc = DriverManager.getConnection(dbUrl)) {
                long waitUntil = System.nanoTime() + 120 * SECOND;
                while (count(jdbc, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'visit-reminder'") < visits) {
                    if (System.nanoTime() > waitUntil) {
                        throw new IllegalStateException("the bot did not plan the reminders: "
                                + count(jdbc, "SELECT COUNT(*) FROM scheduled_tasks") + " planned");
                    }
                    Thread.sleep(50);
                }
                Map<String, Integer> callsBefore = yclients.calls();
                int yclientsTooManyBefore = yclients.tooMany();
                int telegramTooManyBefore = telegram.tooManyRequests();
                resetPeaks();
                try (Statement s = jdbc.createStatement()) {
                    s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
                    s.execute("SET QUERY_STATISTICS TRUE");
                }
                System.out.printf(Locale.ROOT, "%d reminders planned; the clock is set to their due time %s%n", visits, DUE);
                clock.set(DUE);
                long due = System.nanoTime();

                int wanted = visits - countTrue(isCancelled);
                long quietLimit = Long.getLong("bench.quiet", 180) * SECOND;
                long lastProgress = System.nanoTime();
                int seen = 0;
                int lastPrinted = -60;
                while (true) {
                    int delivered = delivered(telegram.repliesPerChat(), isCancelled);
                    long now = System.nanoTime();
                    if (delivered != seen) {
                        seen = delivered;
                        lastProgress = now;
                    }
                    int elapsed = (int) ((now - due) / SECOND);
                    if (elapsed >= lastPrinted + 60) {
                        lastPrinted = elapsed;
                        System.out.printf(Locale.ROOT, "  %4d s: %d/%d delivered, YCLIENTS calls %d%n", elapsed, delivered,
                                wanted, total(yclients.calls()) - total(callsBefore));
                    }
                    if (delivered >= wanted || now - lastProgress > quietLimit) {
                        break;
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(3000); // late duplicates, and messages to cancelled visits, would arrive now
                report(visits, isCancelled, due, telegram, yclients, callsBefore, yclientsTooManyBefore,
                        telegramTooManyBefore, jdbc, metricsPort);
            }
        }
        System.exit(0);
    }

    private static void report(int visits, boolean[] isCancelled, long due, BenchTelegram telegram, BenchYclients yclients,
                               Map<String, Integer> callsBefore, int yclientsTooManyBefore, int telegramTooManyBefore,
                               Connection jdbc, int metricsPort) throws Exception {
        int[] replies = telegram.repliesPerChat();
        long[] at = telegram.firstReplyNanos();
        int wanted = visits - countTrue(isCancelled);
        int delivered = delivered(replies, isCancelled);
        int duplicates = 0;
        int toCancelled = 0;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < visits; i++) {
            if (isCancelled[i]) {
                toCancelled += replies[i];
            } else if (replies[i] > 0) {
                duplicates += replies[i] - 1;
                times.add(at[i] - due);
            }
        }
        times.sort(null);
        double first = times.isEmpty() ? 0 : times.get(0) / 1e9;
        double median = times.isEmpty() ? 0 : times.get(times.size() / 2) / 1e9;
        double last = times.isEmpty() ? 0 : times.get(times.size() - 1) / 1e9;
        Map<String, Integer> calls = new java.util.TreeMap<>(yclients.calls());
        callsBefore.forEach((k, v) -> calls.merge(k, -v, Integer::sum));
        calls.values().removeIf(v -> v == 0);
        int total = total(calls);
        // every call of the run counts: the read-backs, and the company read again each time its cache expires
        double floorBackground = BookingBench.floorSeconds(total, BACKGROUND);
        double floorReadBacks = BookingBench.floorSeconds(visits, BACKGROUND);
        double floorExact = BookingBench.floorSeconds(total, BookingBench.YCLIENTS);
        double floorShared = BookingBench.floorSeconds(total, ALL_BUT_ADMINS);
        System.out.println();
        System.out.printf(Locale.ROOT, "delivered: %d/%d (exactly once: %d duplicates; %d messages to the %d cancelled visits)%n",
                delivered, wanted, duplicates, toCancelled, countTrue(isCancelled));
        System.out.printf(Locale.ROOT, "from due: first reminder %.1f s, median %.1f s, last %.1f s%n", first, median, last);
        System.out.printf(Locale.ROOT, "429s: Telegram %d, YCLIENTS %d%n", telegram.tooManyRequests() - telegramTooManyBefore,
                yclients.tooMany() - yclientsTooManyBefore);
        System.out.printf(Locale.ROOT, "YCLIENTS calls: %d %s, %.2f per reminder%n", total, calls,
                visits == 0 ? 0 : (double) total / visits);
        System.out.printf(Locale.ROOT, "floor for these %d calls: %.1f s on the reminders' lane (2/s, 60/min, within the"
                        + " bot's margin; %.1f s for the %d read-backs alone), %.1f s at YCLIENTS's own 5/s and 200/min,"
                        + " %.1f s within the bot's margin without the reminders' cap; the last reminder came at %.0f %% of"
                        + " the first%n", total, floorBackground, floorReadBacks, visits, floorExact, floorShared,
                100 * last / Math.max(0.001, floorBackground));
        Map<String, Long> metrics = reminderMetrics(metricsPort);
        System.out.println("the bot's /metrics: " + metrics);
        System.out.println("reminder_log: " + rows(jdbc, "SELECT outcome || ' ' || COUNT(*) FROM reminder_log GROUP BY outcome"));
        long[] schedule = scheduleQueries(jdbc);
        System.out.printf(Locale.ROOT, "scheduled_tasks statements from due to the end: %d executions, %d rows%n", schedule[0],
                schedule[1]);
        System.out.printf(Locale.ROOT, "peak heap %.1f MB, peak RSS %.1f MB%n", peakHeapMb(), peakRssMb());
        System.out.printf(Locale.ROOT, "RESULT visits=%d cancelled=%d delivered=%d duplicates=%d toCancelled=%d first=%.1f"
                        + " median=%.1f last=%.1f telegram429=%d yclients429=%d yclientsCalls=%d perReminder=%.2f"
                        + " floor=%.1f floorExact=%.1f scheduleStatements=%d scheduleRows=%d heapMB=%.1f rssMB=%.1f%n",
                visits, countTrue(isCancelled), delivered, duplicates, toCancelled, first, median, last,
                telegram.tooManyRequests() - telegramTooManyBefore, yclients.tooMany() - yclientsTooManyBefore, total,
                visits == 0 ? 0 : (double) total / visits, floorBackground, floorExact, schedule[0], schedule[1],
                peakHeapMb(), peakRssMb());
    }

    /** H2's query statistics (on from the due time): executions and rows of the statements on scheduled_tasks. */
    private static long[] scheduleQueries(Connection jdbc) {
        long executions = 0;
        long rows = 0;
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                String sql = rs.getString(1);
                if (sql.toLowerCase(Locale.ROOT).contains("scheduled_tasks") && !sql.contains("QUERY_STATISTICS")) {
                    executions += rs.getLong(2);
                    rows += rs.getLong(3);
                    lines.add(String.format(Locale.ROOT, "  %6d x, %6d rows: %s", rs.getLong(2), rs.getLong(3),
                            sql.replaceAll("\\s+", " ").substring(0, Math.min(110, sql.replaceAll("\\s+", " ").length()))));
                }
            }
            if (Boolean.getBoolean("bench.sql")) {
                lines.forEach(System.out::println);
            }
        } catch (Exception e) {
            System.out.println("query statistics not available: " + e);
            return new long[] {-1, -1};
        }
        return new long[] {executions, rows};
    }

    private static Map<String, Long> reminderMetrics(int port) {
        Map<String, Long> out = new java.util.TreeMap<>();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            response.body().lines().filter(l -> l.startsWith("yclients_bot_reminders")).forEach(l -> out.put(
                    l.substring(0, l.lastIndexOf(' ')), (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
        } catch (Exception e) {
            out.put("unavailable: " + e, -1L);
        }
        return out;
    }

    private static int delivered(int[] replies, boolean[] isCancelled) {
        int n = 0;
        for (int i = 0; i < replies.length; i++) {
            if (!isCancelled[i] && replies[i] > 0) {
                n++;
            }
        }
        return n;
    }

    private static int countTrue(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static int total(Map<String, Integer> calls) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long count(Connection jdbc, String sql) throws Exception {
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection jdbc, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    /** VmHWM: the peak resident set of this process (Linux), the whole run. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private ReminderBench() {
    }
}
