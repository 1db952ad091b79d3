package io.github.yclientsbot.bench;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.Pacing;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.storage.Database;
import io.github.yclientsbot.yclients.FakeYclientsServer;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run in its own JVM (so peak heap and RSS belong to it): the fake Telegram and YCLIENTS
 * in process, N chats each sending /services once, and either the real bot or a baseline built on the
 * library's default single-thread consumer with the same ChatBot behind it. Prints one RESULT line.
 *
 * <p>Arguments: {@code bot|baseline chats delayMillis telegramLimitPerSecond botRatePerSecond [limitSeconds
 * laterLimitPerSecond]}: with {@code limitSeconds}, Telegram's limit holds that long, then the later one.
 */
public final class BenchRun {
    static final String TOKEN = "5151:bench-token-abcdefghijklmnopqrstuvwxyz";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int chats = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        int limit = Integer.parseInt(args[3]);
        int botRate = Integer.parseInt(args[4]);
        int limitSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        int laterLimit = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        Path dir = Files.createTempDirectory("yclients-bench");
        String dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (Database db = Database.open(dbUrl, null, null, Clock.systemUTC())) {
            db.serviceMappings().upsert(13700211, 0, "Женская стрижка", false, new BigDecimal("2500"), new BigDecimal("4000"));
            db.serviceMappings().upsert(13700215, 2290355, "Мужская стрижка — Илья Орлов", true, new BigDecimal("1800"), new BigDecimal("1800"));
            db.serviceMappings().upsert(13700342, 0, "Маникюр с покрытием гель-лак", false, new BigDecimal("2200"), new BigDecimal("2900"));
        }
        try (FakeYclientsServer yclients = new FakeYclientsServer();
             BenchTelegram telegram = new BenchTelegram(TOKEN, chats, delay, limit, limitSeconds, laterLimit)) {
            yclients.on("GET", "/api/v1/company/502817").respondWithFixture(200, "company.json");
            yclients.on("GET", "/api/v1/book_services/502817").respondWithFixture(200, "book_services.json");
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.url());
            env.put("BOT_ADMINS", "1");
            env.put("BOT_DB_URL", dbUrl);
            env.put("BOT_SECRET_FILE", dir.resolve("secret.key").toString());
            env.put("YCLIENTS_API_URL", yclients.url());
            env.put("YCLIENTS_API_TOKEN", "bench-partner-token-0123456789");
            env.put("YCLIENTS_COMPANY_ID", "502817");
            env.put("YCLIENTS_BOOKING_URL", "https://n611204.yclients.com");
            env.put("TELEGRAM_RATE_PER_SECOND", Integer.toString(botRate));
            int metricsPort;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                metricsPort = free.getLocalPort();
            }
            env.put("BOT_HTTP_PORT", Integer.toString(metricsPort));
            BotConfig config = new ConfigLoader(env, dir).load(null);
            resetPeaks();
            int yclientsBefore;
            long dropped = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            if (mode.equals("bot")) {
                try (BotApplication app = BotApplication.start(config, new BotApplication.Options(1, Duration.ofMinutes(5), Clock.systemUTC(), Pacing.production()))) {
                    yclientsBefore = yclients.requests().size();
                    awaitAll(telegram, deadline);
                    printThreadCpu(telegram);
                    dropped = droppedFromMetrics(metricsPort);
                }
            } else {
                try (BotApplication app = BotApplication.startConsole(config, new BotApplication.Options(1, Duration.ofMinutes(5), Clock.systemUTC(), Pacing.production()), false, false);
                     TelegramBotsLongPollingApplication poll = new TelegramBotsLongPollingApplication()) {
                    yclientsBefore = yclients.requests().size();
                    TelegramUrl url = new TelegramUrl("http", "127.0.0.1", Integer.parseInt(telegram.url().replaceAll(".*:", "")), false);
                    OkHttpTelegramClient client = new OkHttpTelegramClient(TOKEN, url);
                    poll.registerBot(TOKEN, () -> url, new DefaultGetUpdatesGenerator(), new BaselineConsumer(app.bot(), client));
                    awaitAll(telegram, deadline);
                    printThreadCpu(telegram);
                }
            }
            int yclientsDuring = yclients.requests().size() - yclientsBefore;

            BenchTelegram.Result r = telegram.result();
            System.out.printf(java.util.Locale.ROOT,
                    "RESULT mode=%s chats=%d delay=%d limit=%d limitSeconds=%d laterLimit=%d answered=%d duplicates=%d tooMany=%d seconds=%.2f"
                            + " p50=%.0f p99=%.0f yclients=%d dropped=%d heapMB=%.1f rssMB=%.1f%n",
                    mode, r.chats(), delay, limit, limitSeconds, laterLimit, r.answered(), r.duplicates(), r.tooManyRequests(), r.seconds(),
                    r.p50Millis(), r.p99Millis(), yclientsDuring, dropped, peakHeapMb(), peakRssMb());
        }
        System.exit(0);
    }

    /** Messages the bot dropped (Telegram did not take them within the max age), as GET /metrics says. */
    private static long droppedFromMetrics(int port) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(l -> l.startsWith("yclients_bot_send_dropped_total "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
    }

    /** The naive bot: the library's default consumer (one thread, one update after the other), direct sends, no limits. */
    static final class BaselineConsumer extends DefaultLongPollingUpdateConsumer {
        private final ChatBot bot;
        private final OkHttpTelegramClient client;

        BaselineConsumer(ChatBot bot, OkHttpTelegramClient client) {
            this.bot = bot;
            this.client = client;
        }

        @Override
        public void consume(Update update) {
            Message m = update.getMessage();
            Incoming in = Incoming.text(update.getUpdateId(), m.getChatId(), ChatType.PRIVATE, m.getFrom().getId(),
                    m.getFrom().getFirstName(), m.getFrom().getLanguageCode(), m.getMessageId(), m.getText());
            Reply reply = bot.handle(in);
            for (Action a : reply.actions()) {
                if (a instanceof Action.Send s) {
                    try {
                        client.execute(SendMessage.builder().chatId(s.chatId()).text(s.text())
                                .replyMarkup(InlineKeyboardMarkup.builder().keyboard(s.keyboard().rows().stream()
                                        .map(row -> new InlineKeyboardRow(row.stream().map(b -> b.url() != null
                                                ? InlineKeyboardButton.builder().text(b.text()).url(b.url()).build()
                                                : InlineKeyboardButton.builder().text(b.text()).callbackData(b.callbackData()).build()).toList()))
                                        .toList()).build())
                                .build());
                    } catch (TelegramApiException e) {
                        // the naive bot drops what Telegram refuses (e.g. 429)
                    }
                }
            }
        }
    }

    /** Until every chat is answered, or nothing was sent for 15 s (what the baseline dropped stays dropped). */
    private static void awaitAll(BenchTelegram telegram, long deadline) throws InterruptedException {
        long quiet = Duration.ofSeconds(15).toNanos();
        while (!telegram.allAnswered() && System.nanoTime() < deadline
                && !(telegram.quietNanos() > quiet && telegram.quietNanos() != Long.MAX_VALUE)) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // duplicates, if any, arrive late
    }

    /** CPU time per thread kind (numbers in names folded), to see which side of the run costs what. */
    /** With -Dbench.threads=true: CPU per thread kind, and replies per 100 ms (a short run's warm-up shows there). */
    private static void printThreadCpu(BenchTelegram telegram) {
        if (!Boolean.getBoolean("bench.threads")) {
            return;
        }
        System.out.println("REPLIES per 100 ms: " + java.util.Arrays.toString(telegram.repliesPerTenthOfASecond()));
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                byKind.merge(info.getThreadName().replaceAll("\\d+", "N"), Math.max(0, cpu), Long::sum);
            }
        }
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf(java.util.Locale.ROOT, "CPU %-40s %7.0f ms%n", e.getKey(), e.getValue() / 1e6));
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

    /** VmHWM: the peak resident set of this process (Linux). */
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

    private BenchRun() {
    }
}
