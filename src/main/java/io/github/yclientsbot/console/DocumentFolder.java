package io.github.yclientsbot.console;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the console keeps the files the bot sends (the {@code .ics} after a booking, the {@code /export} file): the
 * directory the console runs in, unless a test gives another. A file never replaces one that is there: the name
 * gets {@code -1}, {@code -2}, … before its extension.
 */
public final class DocumentFolder {
    private static final int MAX_TRIES = 1000;

    private final Path dir;

    public DocumentFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code content} as a new file named after {@code fileName}; returns where it went. */
    public Path save(String fileName, byte[] content) throws IOException {
        String name = safeName(fileName);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; n < MAX_TRIES; n++) {
            Path target = dir.resolve(n == 0 ? name : stem + "-" + n + extension);
            try {
                // CREATE_NEW: never overwrites, even when another console writes the same name at the same moment
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return target;
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
        throw new FileAlreadyExistsException(dir.resolve(name).toString(), null, MAX_TRIES + " files of that name exist");
    }

    /** The last path element only, without characters a file system refuses; never empty, never hidden. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || ":*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        String clean = out.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        return clean.isEmpty() ? "file" : clean;
    }
}
