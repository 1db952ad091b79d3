package io.github.yclientsbot.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link ChildDatabaseProcess} in a separate JVM on the test class path. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildJvm start(Path workDir, String jdbcUrl, String name, String value) throws IOException {
        Path output = workDir.resolve("child-output.txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM: the quick JIT alone and the serial collector start it on half the CPU
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.jboss.logging.provider=slf4j");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildDatabaseProcess.class.getName());
        command.add(jdbcUrl);
        command.add(name);
        command.add(value);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new ChildJvm(process, output);
    }

    /** Waits until the child printed WRITTEN, failing at once if it died first. */
    void awaitWritten() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (outputLines().contains(ChildDatabaseProcess.WRITTEN)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("child JVM exited with " + process.exitValue() + " before writing:\n"
                        + String.join("\n", outputLines()));
            }
            return false;
        });
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM did not die after destroyForcibly");
        }
    }

    private List<String> outputLines() throws IOException {
        return Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
    }

    /** Kills the child if it still runs, so no test leaves a JVM behind. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
