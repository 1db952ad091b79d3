package io.github.yclientsbot.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's files: saved under their own name, never over another file, never outside the folder. */
class DocumentFolderTest {
    @TempDir
    Path dir;

    @Test
    void aNameTakenGetsTheNextFreeSuffixBeforeTheExtension() throws Exception {
        DocumentFolder folder = new DocumentFolder(dir);
        byte[] one = "one".getBytes(StandardCharsets.UTF_8);
        byte[] two = "two".getBytes(StandardCharsets.UTF_8);
        byte[] three = "three".getBytes(StandardCharsets.UTF_8);

        assertEquals(dir.resolve("booking-1.ics"), folder.save("booking-1.ics", one));
        assertEquals(dir.resolve("booking-1-1.ics"), folder.save("booking-1.ics", two));
        assertEquals(dir.resolve("booking-1-2.ics"), folder.save("booking-1.ics", three));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("booking-1.ics")));
        assertArrayEquals(two, Files.readAllBytes(dir.resolve("booking-1-1.ics")));
        folder.save("README", one);
        assertEquals(dir.resolve("README-1"), folder.save("README", two), "no extension: the suffix goes at the end");
    }

    @Test
    void aNameNeverLeavesTheFolderNorHidesItself() {
        assertEquals("passwd", DocumentFolder.safeName("../../etc/passwd"));
        assertEquals("evil.json", DocumentFolder.safeName("C:\\temp\\evil.json"));
        assertEquals("bashrc", DocumentFolder.safeName(".bashrc"));
        assertEquals("a_b_c.txt", DocumentFolder.safeName("a:b\nc.txt"));
        assertEquals("file", DocumentFolder.safeName(""));
        assertEquals("file", DocumentFolder.safeName(null));
    }
}
