package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.ratelimit.Sleeper;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Clients of a {@link FakeYclientsServer} for tests of requests, answers and failures: real time, one attempt, no
 * rate limit (nothing sleeps; the real clock only times OkHttp's own timeouts). Retries are tested on a fake clock
 * in {@link YclientsRetryTest}.
 */
final class TestClients {
  private TestClients() {
  }

  static YclientsClient plain(String baseUrl) {
    return plain(YclientsClient.defaultHttpClient(), baseUrl);
  }

  static YclientsClient plain(OkHttpClient http, String baseUrl) {
    return builder(http, baseUrl, Clock.systemUTC()).build();
  }

  /** {@code clock} turns a date-form {@code Retry-After} into seconds. */
  static YclientsClient plain(String baseUrl, Clock clock) {
    return builder(YclientsClient.defaultHttpClient(), baseUrl, clock).build();
  }

  private static YclientsClient.Builder builder(OkHttpClient http, String baseUrl, Clock clock) {
    return YclientsClient.builder(http, new ObjectMapper(), baseUrl).time(clock, System::nanoTime, Sleeper.real());
  }
}
