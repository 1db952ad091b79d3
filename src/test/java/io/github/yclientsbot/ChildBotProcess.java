package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only main class run in a child JVM by {@link CrashMidBatchEndToEndTest}: the real bot, started in the
 * directory {@code args[0]} and configured by {@code KEY=VALUE} arguments after it (the environment a salon would
 * give it), printing {@value #STARTED} once it polls
 * and then {@code QUEUE <queued> <handled>} whenever the number of updates received and not yet recorded as handled,
 * or the number handled since the start, changes — its own counters — until it is killed.
 */
public final class ChildBotProcess {
    static final String STARTED = "STARTED";
    static final String QUEUE = "QUEUE ";

    private ChildBotProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String arg : java.util.Arrays.asList(args).subList(1, args.length)) {
            int eq = arg.indexOf('=');
            env.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        BotConfig config = new ConfigLoader(env, Path.of(args[0])).load(null);
        BotApplication app = BotApplication.start(config, BotApplication.Options.unpaced(1, Duration.ofMinutes(5), Clock.systemUTC()));
        System.out.println(STARTED);
        System.out.flush();
        String last = "";
        while (true) {
            String counters = app.stats().updateQueueDepth() + " " + app.stats().updatesHandled();
            if (!counters.equals(last)) {
                System.out.println(QUEUE + counters);
                System.out.flush();
                last = counters;
            }
            Thread.sleep(10);
        }
    }
}
