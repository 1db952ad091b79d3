package io.github.yclientsbot.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket histogram of durations in seconds, as Prometheus reads it (cumulative buckets, sum, count). */
public final class LatencyHistogram {
    /** Upper bounds in seconds: from a cached reply to a slow YCLIENTS call. */
    public static final List<Double> DEFAULT_BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final double[] bounds;
    private final AtomicLongArray counts;
    private final LongAdder sumNanos = new LongAdder();

    public LatencyHistogram(List<Double> upperBoundsSeconds) {
        this.bounds = upperBoundsSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    public void record(Duration d) {
        long nanos = Math.max(0, d.toNanos());
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < bounds.length && seconds > bounds[i]) {
            i++;
        }
        counts.incrementAndGet(i);
        sumNanos.add(nanos);
    }

    /** One cumulative bucket: observations at most {@code upperBound} seconds ({@code +Inf} for the last). */
    public record Bucket(double upperBound, long cumulativeCount) {}

    public record Snapshot(List<Bucket> buckets, double sumSeconds, long count) {}

    public Snapshot snapshot() {
        Bucket[] out = new Bucket[bounds.length + 1];
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += counts.get(i);
            out[i] = new Bucket(i < bounds.length ? bounds[i] : Double.POSITIVE_INFINITY, cumulative);
        }
        return new Snapshot(List.of(out), sumNanos.sum() / 1e9, cumulative);
    }
}
