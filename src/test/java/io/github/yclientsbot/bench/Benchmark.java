package io.github.yclientsbot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scenarios of issue 3, each in a child JVM started with the JVM options of the Dockerfile,
 * and prints their numbers side by side: the bot and the baseline (the library's default single-thread
 * consumer) under a realistic Telegram (100 ms per call, 30 messages/s enforced with 429), both
 * with no delay and no limit (raw throughput), and (issue 12) both in a 429 storm: Telegram lets through
 * 3 messages a second for 60 s while 100 chats wait for an answer (BENCH_ONLY=storm).
 *
 * <p>{@code scripts/benchmark.sh} runs it; {@code -Dbench.chats=1000 -Dbench.delay=100} change the load.
 */
public final class Benchmark {
    /** The JVM options of the Dockerfile's JAVA_TOOL_OPTIONS (BenchmarkOptionsTest keeps the two in step); -Dbench.jvm overrides. */
    static final String DOCKER_JVM_OPTIONS_TEXT = "-Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k";
    static final List<String> DOCKER_JVM_OPTIONS = List.of(System.getProperty("bench.jvm", DOCKER_JVM_OPTIONS_TEXT).split("\\s+"));

    public static void main(String[] args) throws Exception {
        int chats = Integer.getInteger("bench.chats", 1000);
        int delay = Integer.getInteger("bench.delay", 100);
        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("JVM options of each run (as in the Dockerfile): %s%n%n", String.join(" ", DOCKER_JVM_OPTIONS));
        String only = System.getProperty("bench.only", "");
        if (only.equals("reminders")) {
            runReminders();
            return;
        }
        List<String> lines = new ArrayList<>();
        if (only.isEmpty() || only.equals("limited")) {
            lines.add(run("bot", chats, delay, 30, 30));
            lines.add(run("baseline", chats, delay, 30, 30));
        }
        if (only.isEmpty() || only.equals("raw")) {
            lines.add(run("bot", chats, 0, 0, 0));
            lines.add(run("baseline", chats, 0, 0, 0));
        }
        if (only.isEmpty() || only.equals("storm")) {
            // issue 12: Telegram lets through only 3 messages a second for a minute; the bot is set to its usual 30
            int stormChats = Integer.getInteger("bench.storm.chats", 100);
            lines.add(run("bot", stormChats, delay, 3, 30, 60, 30));
            lines.add(run("baseline", stormChats, delay, 3, 30, 60, 30));
        }
        System.out.println();
        System.out.println("| run | Telegram delay | Telegram limit | chats answered | duplicates | 429s | dropped | time, s | updates/s | p50, ms | p99, ms | YCLIENTS calls in burst | peak heap, MB | peak RSS, MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String line : lines) {
            System.out.println(row(line));
        }
    }

    private static String run(String mode, int chats, int delay, int limit, int botRate) throws Exception {
        return run(mode, chats, delay, limit, botRate, 0, 0);
    }

    /** With {@code limitSeconds > 0}: Telegram's {@code limit} holds that long, then {@code laterLimit}. */
    private static String run(String mode, int chats, int delay, int limit, int botRate, int limitSeconds, int laterLimit)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.addAll(DOCKER_JVM_OPTIONS);
        cmd.add("-Dorg.jboss.logging.provider=slf4j");
        // the fake servers run on the JDK HTTP server: without TCP_NODELAY every exchange waits ~40 ms for a delayed ACK
        cmd.add("-Dsun.net.httpserver.nodelay=true");
        cmd.add("-Dlogback.configurationFile=logback-bench.xml");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchRun.class.getName());
        cmd.add(mode);
        cmd.add(Integer.toString(chats));
        cmd.add(Integer.toString(delay));
        cmd.add(Integer.toString(limit));
        cmd.add(Integer.toString(botRate));
        cmd.add(Integer.toString(limitSeconds));
        cmd.add(Integer.toString(laterLimit));
        System.out.printf("running %s: %d chats, %d ms per Telegram call, limit %s …%n", mode, chats, delay,
                limitText(limit, limitSeconds, laterLimit));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                    System.out.println("  " + line);
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException(mode + " run failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
        }
        return result;
    }

    /** The reminders benchmark (issue 11) in its own JVM with the Dockerfile's options; its lines as it prints them. */
    private static void runReminders() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.addAll(DOCKER_JVM_OPTIONS);
        cmd.add("-Dorg.jboss.logging.provider=slf4j");
        cmd.add("-Dsun.net.httpserver.nodelay=true");
        cmd.add("-Dlogback.configurationFile=logback-bench.xml");
        for (String p : List.of("bench.reminder.visits", "bench.reminder.cancelled", "bench.delay", "bench.latency",
                "bench.quiet", "bench.sql")) {
            if (System.getProperty(p) != null && !System.getProperty(p).isEmpty()) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ReminderBench.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println(line);
            }
        }
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the reminders run failed");
        }
    }

    private static String row(String result) {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        for (String kv : result.substring("RESULT ".length()).split(" ")) {
            String[] parts = kv.split("=", 2);
            v.put(parts[0], parts[1]);
        }
        double seconds = Double.parseDouble(v.get("seconds"));
        int answered = Integer.parseInt(v.get("answered"));
        String dropped = v.get("dropped").equals("-1") ? "—" : v.get("dropped");
        return String.format(java.util.Locale.ROOT, "| %s | %s ms | %s | %s/%s | %s | %s | %s | %.1f | %.0f | %s | %s | %s | %s | %s |",
                v.get("mode"), v.get("delay"), limitText(Integer.parseInt(v.get("limit")), Integer.parseInt(v.get("limitSeconds")),
                        Integer.parseInt(v.get("laterLimit"))),
                answered, v.get("chats"), v.get("duplicates"), v.get("tooMany"), dropped, seconds,
                seconds > 0 ? answered / seconds : 0, v.get("p50"), v.get("p99"), v.get("yclients"), v.get("heapMB"), v.get("rssMB"));
    }

    private static String limitText(int limit, int limitSeconds, int laterLimit) {
        String text = limit == 0 ? "off" : limit + "/s";
        return limitSeconds == 0 ? text : text + " for " + limitSeconds + " s, then " + (laterLimit == 0 ? "off" : laterLimit + "/s");
    }

    private Benchmark() {
    }
}
