package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    @Test
    void assignmentsQuotesExportCommentsAndBlanks() {
        Map<String, String> values = DotEnvFile.parse("""
                # a business's .env holds other things too
                POSTGRES_PASSWORD=other

                YCLIENTS_ENABLED=True
                export YCLIENTS_COMPANY_ID=611204
                YCLIENTS_API_TOKEN = "partner token with spaces"
                YCLIENTS_USER_TOKEN='single # not a comment'
                BOT_ADMINS=1,2 # inline comment
                BOT_CURRENCY=#
                TELEGRAM_API_URL="http://a/\\"b\\"\\\\"
                EMPTY=
                not an assignment
                =no-name
                """);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("POSTGRES_PASSWORD", "other");
        expected.put("YCLIENTS_ENABLED", "True");
        expected.put("YCLIENTS_COMPANY_ID", "611204");
        expected.put("YCLIENTS_API_TOKEN", "partner token with spaces");
        expected.put("YCLIENTS_USER_TOKEN", "single # not a comment");
        expected.put("BOT_ADMINS", "1,2");
        expected.put("BOT_CURRENCY", "#");
        expected.put("TELEGRAM_API_URL", "http://a/\"b\"\\");
        expected.put("EMPTY", "");
        assertEquals(expected, values);
    }

    @Test
    void unterminatedQuotesAreKeptAsWritten() {
        assertEquals(Map.of("A", "\"open", "B", "'open"), DotEnvFile.parse("A=\"open\nB='open\n"));
    }

    @Test
    void lastAssignmentWinsAndWindowsLineEndsAreFine() {
        assertEquals(Map.of("A", "2"), DotEnvFile.parse("\uFEFFA=1\r\nA=2\r\n"));
    }

    @Test
    void textAfterTheClosingQuoteIsIgnored() {
        assertEquals(Map.of("A", "x y"), DotEnvFile.parse("A=\"x y\" # comment"));
    }

    @Test
    void aHashInsideAnUnquotedValueIsPartOfIt() {
        // passwords and tokens contain '#': only " #" (after a space) starts a comment, so nothing is cut silently
        assertEquals(Map.of("BOT_DB_PASSWORD", "abc#123", "BOT_SECRET_KEY", "k#"),
                DotEnvFile.parse("BOT_DB_PASSWORD=abc#123\nBOT_SECRET_KEY=k# \n"));
    }
}
