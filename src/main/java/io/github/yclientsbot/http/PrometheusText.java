package io.github.yclientsbot.http;

import io.github.yclientsbot.health.LatencyHistogram;
import io.github.yclientsbot.health.RuntimeStats;

import java.util.Locale;
import java.util.Map;

/** The Prometheus text exposition format (0.0.4) of {@link RuntimeStats}, written by hand: no dependency. */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String PREFIX = "yclients_bot_";

    private PrometheusText() {
    }

    public static String render(RuntimeStats stats, boolean polling, boolean database, String version) {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "up", "1 when Telegram polling (or the console) is running and the database answers.",
                polling && database ? 1 : 0);
        gauge(out, "polling_up", "1 when Telegram polling (or the console) is running.", polling ? 1 : 0);
        gauge(out, "database_up", "1 when the database answers SELECT 1.", database ? 1 : 0);
        header(out, "build_info", "gauge", "The running version.");
        out.append(PREFIX).append("build_info{version=\"").append(escape(version)).append("\"} 1\n");
        gauge(out, "uptime_seconds", "Seconds since the bot started.", stats.uptime().toSeconds());

        counter(out, "updates_handled_total", "Updates (messages, button presses) handled.", stats.updatesHandled());
        header(out, "replies_sent_total", "counter", "Reply actions delivered, by kind.");
        labelled(out, "replies_sent_total", "action", stats.repliesSent());
        counter(out, "errors_total", "Errors since start: failed updates and refused or failed sends.", stats.errors());
        header(out, "yclients_calls_total", "counter", "YCLIENTS API calls by outcome (ok, http, network, timeout, bad_response).");
        labelled(out, "yclients_calls_total", "outcome", stats.yclientsCalls());
        gauge(out, "update_queue_depth", "Updates received and not yet handled (stored in the inbox, queued for a worker).",
                stats.updateQueueDepth());
        counter(out, "flood_limited_total", "Updates from a user over the flood limit: one notice, the rest not answered.",
                stats.floodLimitedCount());
        gauge(out, "send_queue_depth", "Replies waiting to be sent (0 while replies are sent at once).", stats.sendQueueDepth());

        LatencyHistogram.Snapshot h = stats.handlingLatency();
        String name = "update_handling_seconds";
        header(out, name, "histogram", "Time to handle one update and send its reply.");
        for (LatencyHistogram.Bucket b : h.buckets()) {
            out.append(PREFIX).append(name).append("_bucket{le=\"").append(bound(b.upperBound())).append("\"} ")
                    .append(b.cumulativeCount()).append('\n');
        }
        out.append(PREFIX).append(name).append("_sum ").append(number(h.sumSeconds())).append('\n');
        out.append(PREFIX).append(name).append("_count ").append(h.count()).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(PREFIX).append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        header(out, name, "gauge", help);
        out.append(PREFIX).append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, "counter", help);
        out.append(PREFIX).append(name).append(' ').append(value).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String label, Map<String, Long> values) {
        values.forEach((k, v) -> out.append(PREFIX).append(name).append('{').append(label).append("=\"")
                .append(escape(k)).append("\"} ").append(v).append('\n'));
    }

    private static String bound(double b) {
        return Double.isInfinite(b) ? "+Inf" : number(b);
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
