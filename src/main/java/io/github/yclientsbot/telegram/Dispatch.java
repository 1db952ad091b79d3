package io.github.yclientsbot.telegram;

import java.time.Clock;
import java.time.Duration;

/**
 * How updates are handled: {@code workers} threads (different chats in parallel), at most {@code maxBacklog}
 * updates waiting in memory before polling pauses, and the flood limit ({@code floodMaxUpdates} per user
 * within {@code floodWindow}; 0 turns it off).
 */
public record Dispatch(int workers, int maxBacklog, int floodMaxUpdates, Duration floodWindow, Clock clock) {
    /** Updates waiting in memory before polling pauses: ten full getUpdates batches. */
    public static final int DEFAULT_MAX_BACKLOG = 1000;

    public Dispatch {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (maxBacklog < 1) {
            throw new IllegalArgumentException("maxBacklog must be at least 1");
        }
    }
}
