package io.github.yclientsbot.telegram;

import io.github.yclientsbot.health.RuntimeStats;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches the getUpdates calls on their way through OkHttp: logs the start and the end of an outage
 * (not every failed attempt — the library's own per-attempt logger is silenced in logback.xml), and
 * spots 409 Conflict, which means another process polls with the same token.
 */
final class PollWatcher implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(PollWatcher.class);

    interface ConflictListener {
        void onConflict(String description);
    }

    private final Clock clock;
    private final RuntimeStats stats;
    private final ConflictListener conflict;
    private Instant outageSince;
    private int failedAttempts;

    PollWatcher(Clock clock, RuntimeStats stats, ConflictListener conflict) {
        this.clock = clock;
        this.stats = stats;
        this.conflict = conflict;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!chain.request().url().encodedPath().toLowerCase(java.util.Locale.ROOT).endsWith("/getupdates")) {
            return chain.proceed(chain.request());
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!chain.call().isCanceled()) {
                failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            throw e;
        }
        if (response.isSuccessful()) {
            recovered();
        } else if (response.code() == 409) {
            conflict.onConflict(response.message());
        } else {
            failed("HTTP " + response.code() + " " + response.message());
        }
        return response;
    }

    private synchronized void failed(String what) {
        failedAttempts++;
        if (outageSince == null) {
            outageSince = clock.instant();
            stats.error("telegram getUpdates", what);
            log.warn("Telegram getUpdates is failing ({}); retrying with back-off, next report when it works again", what);
        }
    }

    private synchronized void recovered() {
        if (outageSince != null) {
            Duration d = Duration.between(outageSince, clock.instant());
            log.info("Telegram getUpdates works again after {} s and {} failed attempts", d.toSeconds(), failedAttempts);
            outageSince = null;
            failedAttempts = 0;
        }
    }
}
