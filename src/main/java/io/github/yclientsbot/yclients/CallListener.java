package io.github.yclientsbot.yclients;

/**
 * Told the outcome of every call (for metrics): {@code "ok"} or the failure kind in lower case ({@code "http"},
 * {@code "network"}, {@code "timeout"}, {@code "bad_response"}). Must not throw.
 */
@FunctionalInterface
public interface CallListener {
  CallListener NONE = (method, path, outcome, millis) -> { };

  void called(String method, String path, String outcome, long millis);
}
