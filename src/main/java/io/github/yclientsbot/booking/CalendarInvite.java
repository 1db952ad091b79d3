package io.github.yclientsbot.booking;

import java.util.Arrays;
import java.util.Objects;

/** The "add to calendar" file of a booking made in chat: its name and the iCalendar bytes ({@link CalendarFile}). */
public record CalendarInvite(String fileName, byte[] content) {
    public CalendarInvite {
        Objects.requireNonNull(fileName, "fileName");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarInvite c && c.fileName.equals(fileName) && Arrays.equals(c.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "CalendarInvite[" + fileName + ", " + content.length + " bytes]";
    }
}
