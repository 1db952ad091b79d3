package io.github.yclientsbot;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.ConfigLoader;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code java -jar yclients-telegram-bot.jar [--config PATH]}. */
public final class Main {
    static final String USAGE = "Usage: java -jar yclients-telegram-bot.jar [--config PATH]\n"
            + "  --config PATH   settings file (default ./bot-config.properties; optional when the environment has the settings)\n"
            + "  --version       print the version\n"
            + "  --help          this text";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** @return the exit code, or -1 once the bot runs until a signal stops it */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        err.println("--config needs a file path\n" + USAGE);
                        return 2;
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--version" -> {
                    out.println(Version.current());
                    return 0;
                }
                default -> {
                    err.println("Unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        BotConfig config;
        try {
            config = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load(configFile);
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        BotApplication app;
        try {
            app = BotApplication.create(config, BotApplication.Options.production());
        } catch (StartupException e) {
            err.println("Cannot start: " + e.getMessage());
            return e.exitCode();
        }
        java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            // a clean stop on SIGTERM is a success, not "killed by signal" (143); a failed start keeps its code
            Runtime.getRuntime().halt(exitCode.get() != 0 ? exitCode.get() : app.exitCode());
        }, "shutdown"));
        try {
            app.run();
        } catch (StartupException e) {
            err.println("Cannot start: " + e.getMessage());
            exitCode.set(e.exitCode());
            return e.exitCode();
        }
        try {
            app.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // stopped from inside (409 Conflict): leave with its code; after SIGTERM the hook decides
        return app.exitCode() != 0 ? app.exitCode() : -1;
    }
}
