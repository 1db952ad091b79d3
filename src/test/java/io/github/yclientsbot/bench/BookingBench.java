package io.github.yclientsbot.bench;

import io.github.yclientsbot.BotApplication;
import io.github.yclientsbot.ChatLayer;
import io.github.yclientsbot.CoreServices;
import io.github.yclientsbot.Pacing;
import io.github.yclientsbot.chat.Action;
import io.github.yclientsbot.chat.Button;
import io.github.yclientsbot.chat.ChatBot;
import io.github.yclientsbot.chat.ChatType;
import io.github.yclientsbot.chat.DocumentDownloader;
import io.github.yclientsbot.chat.Incoming;
import io.github.yclientsbot.chat.Keyboard;
import io.github.yclientsbot.chat.Reply;
import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigLoader;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Sleeper;
import io.github.yclientsbot.telegram.SendPacing;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The booking benchmark of issue 12: {@code bench.customers} customers (100) walk {@code /book} at the same moment —
 * service, a specialist (or any), a day, a time, the privacy consent, the phone shared, Confirm — against a
 * YCLIENTS that enforces 5 requests a second and 200 a minute with 429s ({@link BenchYclients}) and offers more free
 * times than customers. It runs the chat layer directly, as the scenario harness does (no Telegram): the layers are
 * built as production builds them ({@link CoreServices}, {@link ChatLayer}), with production's YCLIENTS limiter and
 * shares on the real clock, and each update goes through the preflight and the handler; the customers' updates are
 * handled by {@code bench.workers} threads (8, the default of {@code bot.workers}), each customer's one after the
 * other, as the Telegram dispatcher does. A customer presses the next button as soon as the answer is there
 * ({@code bench.think} ms later), picks a specialist, day and time at random, and presses again when told to
 * ({@code bench.retry} ms later, 3 s: "press again in a few seconds").
 *
 * <p>Prints the bookings made, the YCLIENTS calls by endpoint and per booking, the 429s, the time to the last
 * booking, and the floor the budget alone sets for that many calls.
 */
public final class BookingBench {
    private static final long SECOND = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 100);
        int workers = Integer.getInteger("bench.workers", 8);
        long latency = Long.getLong("bench.latency", 100);
        long think = Long.getLong("bench.think", 0);
        long retry = Long.getLong("bench.retry", 3000);
        int staff = Integer.getInteger("bench.staff", 3);
        int days = Integer.getInteger("bench.days", 5);
        int times = Integer.getInteger("bench.times", 8);
        long seed = Long.getLong("bench.seed", 12);
        Path dir = Files.createTempDirectory("yclients-booking-bench");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(1);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d customers, %d workers, YCLIENTS answers in %d ms,"
                        + " %d specialists x %d days x %d times%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), customers, workers, latency, staff, days, times);
        try (BenchYclients yclients = new BenchYclients(staff, days, times, latency, tomorrow)) {
            if (yclients.slots() < customers) {
                throw new IllegalArgumentException("fewer free times than customers");
            }
            Map<String, String> env = new HashMap<>();
            env.put("BOT_ADMINS", "1");
            env.put("BOT_DB_URL", "jdbc:h2:file:" + dir.resolve("db/bot").toAbsolutePath());
            env.put("BOT_SECRET_FILE", dir.resolve("db/secret.key").toString());
            env.put("YCLIENTS_API_URL", yclients.url());
            env.put("YCLIENTS_API_TOKEN", "bench-partner-token-0123456789");
            env.put("YCLIENTS_COMPANY_ID", Long.toString(BenchYclients.COMPANY));
            env.put("YCLIENTS_BOOKING_URL", "https://n611204.yclients.com");
            BotConfig config = new ConfigLoader(env, dir).load(null, false);
            // production's YCLIENTS limit and shares on the real clock; no Telegram here, so no send pacing
            Pacing pacing = new Pacing(perSecond -> SendPacing.unpaced(), RequestLimiter::yclientsDefault, Sleeper.real(),
                    Duration.ofMillis(500));
            try (CoreServices core = CoreServices.open(config, new BotApplication.Options(50, null, Clock.systemUTC(), pacing))) {
                core.database().serviceMappings().upsert(core.settings().companyId().orElse(0), BenchYclients.SERVICE, 0, "Женская стрижка", false,
                        new BigDecimal("2500"), new BigDecimal("4000"));
                ChatLayer chat = ChatLayer.build(core, () -> "bench_bot", (fileId, max) -> {
                    throw new DocumentDownloader.DownloadException("no files", false);
                });
                run(chat.bot(), yclients, customers, workers, think, retry, seed);
            }
        }
        System.exit(0);
    }

    private static void run(ChatBot bot, BenchYclients yclients, int count, int workers, long think, long retry,
                            long seed) throws InterruptedException {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(workers, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch done = new CountDownLatch(count);
        List<Customer> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Customer c = new Customer(bot, 10_001 + i, new Random(seed + i), done, pool, think, retry);
            all.add(c);
        }
        all.forEach(c -> pool.execute(c::next));
        boolean finished = done.await(15, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - started;
        pool.shutdownNow();

        List<Long> bookedAt = all.stream().filter(c -> c.bookedAt > 0).map(c -> c.bookedAt - started).sorted().toList();
        Map<String, Integer> calls = yclients.calls();
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        int booked = bookedAt.size();
        double last = booked == 0 ? 0 : bookedAt.get(booked - 1) / 1e9;
        System.out.println();
        System.out.println(finished ? "all customers finished" : "TIMED OUT after " + elapsed / SECOND + " s");
        System.out.printf(Locale.ROOT, "booked: %d/%d (YCLIENTS holds %d bookings)%n", booked, count, yclients.bookedCount());
        System.out.printf(Locale.ROOT, "YCLIENTS calls: %d (%s), 429s: %d%n", total, calls, yclients.tooMany());
        System.out.printf(Locale.ROOT, "calls per booking: %.2f (book_check + book_record: %.2f)%n",
                booked == 0 ? 0 : (double) total / booked,
                booked == 0 ? 0 : (double) (calls.getOrDefault("POST book_check", 0) + calls.getOrDefault("POST book_record", 0)) / booked);
        System.out.printf(Locale.ROOT, "first booking after %.1f s, median %.1f s, last %.1f s%n",
                booked == 0 ? 0 : bookedAt.get(0) / 1e9, booked == 0 ? 0 : bookedAt.get(booked / 2) / 1e9, last);
        double floor200 = floorSeconds(total, YCLIENTS);
        double floor190 = floorSeconds(total, OURS);
        System.out.printf(Locale.ROOT, "floor for these %d calls: %.1f s at YCLIENTS's 5/s and 200/min, %.1f s within the"
                + " bot's margin and the customers' part (one per 250 ms, 5 per 1.25 s, 190 per 61 s); the last booking"
                + " came %.0f %% of the first, %.0f %% of the second%n", total, floor200, floor190,
                100 * last / Math.max(0.001, floor200), 100 * last / Math.max(0.001, floor190));
        System.out.printf(Locale.ROOT, "floor for the fewest calls (book_check + book_record for each, %d): %.1f s%n",
                2 * count, floorSeconds(2 * count, YCLIENTS));
        int moments = all.stream().mapToInt(c -> c.oneMoment).sum();
        int again = all.stream().mapToInt(c -> c.pressAgain).sum();
        int gone = all.stream().mapToInt(c -> c.taken).sum();
        int restarts = all.stream().mapToInt(c -> c.restarts).sum();
        int updates = all.stream().mapToInt(c -> c.updates).sum();
        System.out.printf(Locale.ROOT, "customers' updates: %d; '⏳ one moment' shown %d times, 'press again' %d times;"
                + " times taken meanwhile (433) %d; restarts %d%n", updates, moments, again, gone, restarts);
        System.out.printf(Locale.ROOT, "RESULT customers=%d workers=%d booked=%d calls=%d perBooking=%.2f tooMany=%d"
                        + " last=%.1f floor=%.1f floor190=%.1f oneMoment=%d pressAgain=%d taken=%d%n", count, workers, booked,
                total, booked == 0 ? 0 : (double) total / booked, yclients.tooMany(), last, floor200, floor190, moments,
                again, gone);
    }

    /** YCLIENTS's limit. */
    static final List<RequestLimiter.Window> YCLIENTS = List.of(new RequestLimiter.Window(5, SECOND),
            new RequestLimiter.Window(200, 60 * SECOND));
    /** What the bot lets customers use of it: production's margin, less the admins' 10 a minute. */
    static final List<RequestLimiter.Window> OURS = List.of(new RequestLimiter.Window(1, 250_000_000L),
            new RequestLimiter.Window(5, 1_250_000_000L), new RequestLimiter.Window(190, 61 * SECOND));

    /** When the last of {@code n} calls may start at the earliest under {@code windows}. */
    static double floorSeconds(int n, List<RequestLimiter.Window> windows) {
        AtomicLong now = new AtomicLong();
        RequestLimiter limit = new RequestLimiter(windows, now::get, now::addAndGet);
        try {
            for (int i = 0; i < n; i++) {
                limit.acquire(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return now.get() / 1e9;
    }

    /** One customer: reads what the bot showed and presses the next button, one update at a time. */
    private static final class Customer {
        private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1000);
        private static final AtomicInteger UPDATE_IDS = new AtomicInteger(1);

        private final ChatBot bot;
        private final long id;
        private final Random random;
        private final CountDownLatch done;
        private final ScheduledExecutorService pool;
        private final long think;
        private final long retry;
        private int screenId;
        private String screenText = "";
        private List<String> buttons = List.of();
        private boolean contactAsked;
        private String lastPress;
        private String notice;
        private volatile long bookedAt;
        private int updates;
        private int oneMoment;
        private int pressAgain;
        private int taken;
        private int restarts;

        Customer(ChatBot bot, long id, Random random, CountDownLatch done, ScheduledExecutorService pool, long think,
                 long retry) {
            this.bot = bot;
            this.id = id;
            this.random = random;
            this.done = done;
            this.pool = pool;
            this.think = think;
            this.retry = retry;
        }

        /** One update, then the next one scheduled (or done). */
        void next() {
            try {
                if (!step()) {
                    done.countDown();
                    return;
                }
                // told to press again in a few seconds: the customer does so after {@code retry} ms
                long wait = notice != null ? retry : think;
                if (wait > 0) {
                    pool.schedule(this::next, wait, TimeUnit.MILLISECONDS);
                } else {
                    pool.execute(this::next);
                }
            } catch (RuntimeException e) {
                System.out.println("customer " + id + " failed: " + e);
                done.countDown();
            }
        }

        /** False when this customer is done (booked, or gave up). */
        private boolean step() {
            if (bookedAt > 0) {
                return false;
            }
            if (updates > 400) {
                System.out.println("customer " + id + " gave up; last screen: " + screenText);
                return false;
            }
            String busy = notice;
            notice = null;
            if (busy != null && busy.contains("Нажмите ещё раз") && lastPress != null) {
                pressAgain++;
                press(lastPress);
            } else if (contactAsked) {
                contactAsked = false;
                deliver(Incoming.contact(UPDATE_IDS.incrementAndGet(), id, ChatType.PRIVATE, id, "Гость" + id, "ru",
                        MESSAGE_IDS.incrementAndGet(), new Incoming.Contact("+7916" + String.format("%07d", id), "Гость",
                                null, id)));
            } else if (first("bk:ok") != null) {
                press(first("bk:ok"));
            } else if (first("bk:agree") != null) {
                press("bk:agree");
            } else if (any("bk:t:") != null) {
                press(any("bk:t:"));
            } else if (any("bk:d:") != null) {
                press(any("bk:d:"));
            } else if (any("bk:st:") != null) {
                press(any("bk:st:"));
            } else if (first("bk:svc:") != null) {
                press(first("bk:svc:"));
            } else if (first("bk:b") != null) {
                press("bk:b");
            } else {
                if (updates > 0) {
                    restarts++;
                }
                deliver(Incoming.text(UPDATE_IDS.incrementAndGet(), id, ChatType.PRIVATE, id, "Гость" + id, "ru",
                        MESSAGE_IDS.incrementAndGet(), "/book"));
            }
            return true;
        }

        private void press(String data) {
            lastPress = data;
            int update = UPDATE_IDS.incrementAndGet();
            deliver(Incoming.callback(update, id, ChatType.PRIVATE, id, "Гость" + id, "ru", screenId, "cb" + update, data));
        }

        private void deliver(Incoming in) {
            updates++;
            Reply reply = bot.preflight(in).then(bot.handle(in));
            for (Action a : reply.actions()) {
                if (a instanceof Action.Send s) {
                    int messageId = MESSAGE_IDS.incrementAndGet();
                    read(s.text());
                    if (s.keyboard().contactButton() != null) {
                        contactAsked = true;
                    } else if (!s.keyboard().rows().isEmpty()) {
                        show(messageId, s.text(), s.keyboard());
                    }
                } else if (a instanceof Action.Edit e) {
                    read(e.text());
                    show(e.messageId(), e.text(), e.keyboard());
                } else if (a instanceof Action.AnswerCallback c && c.text() != null) {
                    read(c.text());
                }
            }
        }

        private void read(String text) {
            if (text == null) {
                return;
            }
            if (text.startsWith("⏳ Одну минуту")) {
                oneMoment++;
            } else if (text.contains("Нажмите ещё раз")) {
                notice = text;
            }
            if (text.contains("только что заняли")) {
                taken++;
            }
            if (text.contains("Вы записаны") && bookedAt == 0) {
                bookedAt = System.nanoTime();
            }
        }

        private void show(int messageId, String text, Keyboard keyboard) {
            screenId = messageId;
            screenText = text;
            List<String> data = new ArrayList<>();
            for (List<Button> row : keyboard.rows()) {
                for (Button b : row) {
                    if (b.callbackData() != null && !b.inert()) {
                        data.add(b.callbackData());
                    }
                }
            }
            buttons = Collections.unmodifiableList(data);
        }

        private String first(String prefix) {
            return buttons.stream().filter(d -> d.startsWith(prefix)).findFirst().orElse(null);
        }

        private String any(String prefix) {
            List<String> matching = buttons.stream().filter(d -> d.startsWith(prefix)).toList();
            return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
        }
    }

    private BookingBench() {
    }
}
