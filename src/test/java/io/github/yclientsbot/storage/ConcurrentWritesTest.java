package io.github.yclientsbot.storage;

import io.github.yclientsbot.testing.TestClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.github.yclientsbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Several threads writing the same key at once end with one row and no exception (the pool has 4 connections). */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ConcurrentWritesTest {

    @Parameter
    TestDatabase db;
    private TestDatabase.Target target;

    private static final int THREADS = 4;
    private static final int ROUNDS = 20;

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private Database database;
    private ExecutorService executor;

    @BeforeEach
    void open() throws Exception {
        target = db.prepare(getClass(), "jdbc:h2:mem:concurrent-" + System.nanoTime());
        database = target.open(clock);
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void racingUpsertsOfOnePairLeaveOneRow() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long serviceId = 1000 + round;
            runTogether(() -> database.serviceMappings().upsert(serviceId, 0, "Haircut", false, null, null));
            assertEquals(1, database.serviceMappings().findByService(serviceId).size());
        }
        assertEquals(ROUNDS, database.serviceMappings().count());
    }

    @Test
    void racingPutsOfOneSettingLeaveOneRow() throws Exception {
        SettingsStore settings = database.settings(new SecretBox(new byte[32]));
        for (int round = 0; round < ROUNDS; round++) {
            String name = "setting-" + round;
            runTogether(() -> {
                settings.put(name, "v", true, 1L);
                return null;
            });
            assertEquals("v", settings.get(name).orElseThrow().value());
        }
        assertEquals(ROUNDS, settings.all().size());
    }

    @Test
    void racingAddsOfOneAdminAddItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long userId = 5000 + round;
            List<Boolean> added = runTogether(() -> database.admins().add(userId, "claim code"));
            assertEquals(1, added.stream().filter(Boolean::booleanValue).count(), "round " + round);
        }
        assertEquals(ROUNDS, database.admins().all().size());
    }

    private <T> List<T> runTogether(Callable<T> write) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(executor.submit(() -> {
                start.await();
                return write.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
