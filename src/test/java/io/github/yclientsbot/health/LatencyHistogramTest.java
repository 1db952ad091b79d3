package io.github.yclientsbot.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyHistogramTest {

    @Test
    void bucketsAreCumulativeWithAnInfiniteLastOneAndTheBoundItselfCountsIn() {
        LatencyHistogram h = new LatencyHistogram(List.of(0.1, 1.0));
        h.record(Duration.ofMillis(100));   // exactly on the bound: le="0.1"
        h.record(Duration.ofMillis(500));
        h.record(Duration.ofSeconds(3));

        LatencyHistogram.Snapshot s = h.snapshot();
        assertEquals(List.of(
                new LatencyHistogram.Bucket(0.1, 1),
                new LatencyHistogram.Bucket(1.0, 2),
                new LatencyHistogram.Bucket(Double.POSITIVE_INFINITY, 3)), s.buckets());
        assertEquals(3, s.count());
        assertEquals(3.6, s.sumSeconds(), 1e-9);
    }
}
