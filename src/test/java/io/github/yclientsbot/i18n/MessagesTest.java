package io.github.yclientsbot.i18n;

import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        Properties ru = Messages.load("ru");
        Properties en = Messages.load("en");
        assertEquals(new TreeSet<>(ru.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (String key : ru.stringPropertyNames()) {
            assertEquals(placeholders(ru.getProperty(key)), placeholders(en.getProperty(key)), "placeholders of " + key);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void russianForRussianUsersEnglishForEnglishFallbackForOthers() {
        Messages ru = new Messages("ru");
        assertEquals("ru", ru.languageFor("ru"));
        assertEquals("en", ru.languageFor("en-GB"));
        assertEquals("ru", ru.languageFor("uk"));
        assertEquals("ru", ru.languageFor(null));
        Messages en = new Messages("en");
        assertEquals("en", en.languageFor("de"));
        assertEquals("ru", en.languageFor("ru"));
    }

    @Test
    void placeholdersAreFilledAndMissingKeysAreVisible() {
        Messages m = new Messages("en");
        assertEquals("Your Telegram id: 42\nYour role: admin", m.get("en", "whoami.text", "id", 42, "role", "admin"));
        assertTrue(Messages.isMissingMarker(m.get("en", "no.such.key")));
    }
}
