package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only main class run in a child JVM by {@link CrashMidBatchEndToEndTest}: the real bot, started in the
 * directory {@code args[0]} and configured by {@code KEY=VALUE} arguments after it (the environment a salon would
 * give it), printing {@value #STARTED} once it polls
 * and then {@code QUEUE <queued> <handled>} whenever the number of updates received and not yet recorded as handled,
 * or the number handled since the start, changes — its own counters — and {@code REMINDERS <sent>} whenever the
 * number of reminders it sent (and noted) changes, until it is killed. {@code TEST_CLOCK_AT=<instant>} among the
 * arguments starts its clock there (it then runs on in real time).
 */
public final class ChildBotProcess {
    static final String STARTED = "STARTED";
    static final String QUEUE = "QUEUE ";
    static final String REMINDERS = "REMINDERS ";
    /** Reminders waiting in the schedule (follow-ups not counted), printed whenever it changes. */
    static final String PENDING = "PENDING ";

    private ChildBotProcess() {
    }

    /**
     * Starts the bot in a child JVM on the database in {@code dir} ({@code env}: the settings and the test's markers,
     * as {@code KEY=value} arguments), its output to {@code log}.
     */
    static Process start(Path dir, Map<String, String> env, Path log) throws java.io.IOException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.jboss.logging.provider=slf4j");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildBotProcess.class.getName());
        command.add(dir.toString());
        env.forEach((k, v) -> command.add(k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String arg : java.util.Arrays.asList(args).subList(1, args.length)) {
            int eq = arg.indexOf('=');
            env.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        BotConfig config = new ConfigLoader(env, Path.of(args[0])).load(null);
        Clock clock = env.containsKey("TEST_CLOCK_AT")
                ? Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(env.get("TEST_CLOCK_AT"))))
                : Clock.systemUTC();
        BotApplication app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), clock));
        System.out.println(STARTED);
        System.out.flush();
        String last = "";
        long lastSent = 0;
        int lastPending = -1;
        while (true) {
            String counters = app.stats().updateQueueDepth() + " " + app.stats().updatesHandled();
            if (!counters.equals(last)) {
                System.out.println(QUEUE + counters);
                System.out.flush();
                last = counters;
            }
            long sent = app.stats().reminders().getOrDefault("sent", 0L);
            if (sent != lastSent) {
                System.out.println(REMINDERS + sent);
                System.out.flush();
                lastSent = sent;
            }
            int pending = app.stats().remindersPending();
            if (pending != lastPending) {
                System.out.println(PENDING + pending);
                System.out.flush();
                lastPending = pending;
            }
            Thread.sleep(10);
        }
    }
}
