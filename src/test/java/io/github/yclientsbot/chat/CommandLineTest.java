package io.github.yclientsbot.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    @Test
    void parsesNameArgumentsAndAddressee() {
        CommandLine c = CommandLine.parse("/SetService@SalonBot  13700211 staff=5   Стрижка у Анны").orElseThrow();
        assertEquals("setservice", c.name());
        assertEquals("SalonBot", c.addressee());
        assertEquals("13700211 staff=5   Стрижка у Анны", c.rest());
        assertEquals(List.of("13700211", "staff=5", "Стрижка", "у", "Анны"), c.args());
        assertTrue(c.isFor("salonbot"));
        assertFalse(c.isFor("OtherBot"));
    }

    @Test
    void plainCommandIsForEveryBot() {
        CommandLine c = CommandLine.parse("/services").orElseThrow();
        assertNull(c.addressee());
        assertTrue(c.args().isEmpty());
        assertTrue(c.isFor("SalonBot"));
    }

    @Test
    void notACommand() {
        assertTrue(CommandLine.parse("hello").isEmpty());
        assertTrue(CommandLine.parse("/").isEmpty());
        assertTrue(CommandLine.parse("/@bot").isEmpty());
        assertTrue(CommandLine.parse(null).isEmpty());
    }

    @Test
    void toStringNeverShowsArguments() {
        assertEquals("/settoken", CommandLine.parse("/settoken partner SECRET123").orElseThrow().toString());
    }
}
