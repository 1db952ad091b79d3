package io.github.yclientsbot.chat;

/** What one message shows: its text and what goes under it. */
record View(String text, Keyboard keyboard) {}
