package io.github.yclientsbot.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo salon is a chain of two branches, so a newcomer meets the branch picker: the first in Moscow
 * ({@link DemoYclients#COMPANY_ID}) and a second in Yekaterinburg ({@link #SECOND_ID}, two hours ahead of Moscow).
 * The second is answered by the first one's handlers — its path routed to them — with its own company (title, city,
 * address, zone, coordinates, form) and free times in its own zone; the specialists, services and bookings are shared.
 */
final class DemoBranches {
    static final long SECOND_ID = 777002;
    static final ZoneId FIRST_ZONE = ZoneId.of("Europe/Moscow");
    static final ZoneId SECOND_ZONE = ZoneId.of("Asia/Yekaterinburg");

    private DemoBranches() {
    }

    /** A request's path as the first branch's handlers read it, and whether it was for the second branch. */
    record Routed(String path, boolean second) {
        ZoneId zone() {
            return second ? SECOND_ZONE : FIRST_ZONE;
        }

        /** The company's resource under /demo/. */
        String company() {
            return second ? "company-ekb.json" : "company.json";
        }
    }

    static Routed route(String path) {
        String routed = path.replaceAll("/" + SECOND_ID + "(?=/|$)", "/" + DemoYclients.COMPANY_ID);
        return new Routed(routed, !routed.equals(path));
    }

    /** The next two weeks except Sundays. */
    static String bookDates(LocalDate from) {
        List<String> dates = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            LocalDate d = from.plusDays(i);
            if (d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add("\"" + d + "\"");
            }
        }
        String list = String.join(",", dates);
        return "{\"success\":true,\"data\":{\"booking_dates\":[" + list + "],\"working_dates\":[" + list + "]},\"meta\":[]}";
    }

    /** Four free times of {@code day} (none on Sundays), local to the branch's {@code zone}, with its offset. */
    static String bookTimes(LocalDate day, ZoneId zone) {
        List<String> slots = new ArrayList<>();
        if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            for (String time : List.of("10:00", "11:30", "15:00", "17:30")) {
                String offset = day.atTime(LocalTime.parse(time)).atZone(zone).getOffset().getId();
                slots.add("{\"time\":\"" + time + "\",\"seance_length\":3600,\"sum_length\":3600,\"datetime\":\""
                        + day + "T" + time + ":00" + offset + "\"}");
            }
        }
        return "{\"success\":true,\"data\":[" + String.join(",", slots) + "],\"meta\":[]}";
    }
}
