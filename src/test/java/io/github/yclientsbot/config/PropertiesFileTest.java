package io.github.yclientsbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesFileTest {

    private static List<PropertiesFile.Entry> parse(String text) throws PropertiesFile.SyntaxException {
        return PropertiesFile.parse(text);
    }

    @Test
    void keysValuesAndLineNumbers() throws Exception {
        List<PropertiesFile.Entry> entries = parse("""
                # comment
                ! also a comment

                a.b=1
                  c.d = two words\s
                e.f: 3
                g.h   4
                empty=
                bare
                """);
        assertEquals(List.of(
                new PropertiesFile.Entry("a.b", "1", 4),
                new PropertiesFile.Entry("c.d", "two words ", 5),
                new PropertiesFile.Entry("e.f", "3", 6),
                new PropertiesFile.Entry("g.h", "4", 7),
                new PropertiesFile.Entry("empty", "", 8),
                new PropertiesFile.Entry("bare", "", 9)), entries);
    }

    @Test
    void continuationLinesAndEscapes() throws Exception {
        List<PropertiesFile.Entry> entries = parse("""
                list=1,\\
                     2,\\
                     3
                template={form}/x?o=m{staff}s{service}
                path=C:\\\\data\\\\secret.key
                escaped\\=key=v
                unicode=\\u20BD
                next=after
                """);
        assertEquals(List.of(
                new PropertiesFile.Entry("list", "1,2,3", 1),
                new PropertiesFile.Entry("template", "{form}/x?o=m{staff}s{service}", 4),
                new PropertiesFile.Entry("path", "C:\\data\\secret.key", 5),
                new PropertiesFile.Entry("escaped=key", "v", 6),
                new PropertiesFile.Entry("unicode", "₽", 7),
                new PropertiesFile.Entry("next", "after", 8)), entries);
    }

    @Test
    void utf8TextAndByteOrderMarkAndWindowsLineEnds() throws Exception {
        assertEquals(List.of(new PropertiesFile.Entry("bot.currency", "₽", 1), new PropertiesFile.Entry("x", "y", 2)),
                parse("\uFEFFbot.currency=₽\r\nx=y\r\n"));
    }

    @Test
    void commentLinesDoNotContinue() throws Exception {
        assertEquals(List.of(new PropertiesFile.Entry("a", "1", 2)), parse("# comment \\\na=1"));
    }

    @Test
    void malformedUnicodeEscapeNamesTheLine() {
        PropertiesFile.SyntaxException e = assertThrows(PropertiesFile.SyntaxException.class,
                () -> parse("a=1\nb=\\u12\n"));
        assertEquals(2, e.line());
    }
}
