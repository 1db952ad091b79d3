package io.github.yclientsbot.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark measures memory with the JVM options the Dockerfile really uses. */
class BenchmarkOptionsTest {
    @Test
    void benchmarkJvmOptionsAreTheDockerfiles() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("JAVA_TOOL_OPTIONS=\"" + Benchmark.DOCKER_JVM_OPTIONS_TEXT + "\""),
                "Dockerfile JAVA_TOOL_OPTIONS differ from Benchmark.DOCKER_JVM_OPTIONS_TEXT");
    }
}
