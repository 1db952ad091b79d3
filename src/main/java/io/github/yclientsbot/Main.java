package io.github.yclientsbot;

import io.github.yclientsbot.console.ConsoleClock;

import io.github.yclientsbot.config.BotConfig;
import io.github.yclientsbot.config.ConfigException;
import io.github.yclientsbot.config.ConfigLoader;
import ch.qos.logback.classic.LoggerContext;
import io.github.yclientsbot.logging.ConsoleLog;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code java -jar yclients-telegram-bot.jar [--config PATH] [--console [--demo]] [--healthcheck]}. */
public final class Main {
    static final String USAGE = "Usage: java -jar yclients-telegram-bot.jar [--config PATH] [--console [--demo]]\n"
            + "  --config PATH   settings file (default ./bot-config.properties; optional when the environment has the settings)\n"
            + "  --console       talk to the bot in this terminal, no Telegram token needed (data in memory unless --config)\n"
            + "  --demo          with --console: a built-in sample salon instead of a real YCLIENTS account\n"
            + "  --healthcheck   ask the running bot's GET /health (bot.http.port) and exit 0 when healthy, 1 otherwise\n"
            + "  --version       print the version\n"
            + "  --help          this text";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> flags = List.of(args);
        boolean console = flags.contains("--console") || flags.contains("--demo");
        if (flags.contains("--healthcheck") && !console && System.getenv("BOT_LOG_LEVEL") == null) {
            // a health probe prints its one answer: only warnings and errors from the log (logback.xml reads this)
            System.setProperty("BOT_LOG_LEVEL", "WARN");
        }
        System.setProperty("org.jboss.logging.provider", "slf4j");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // in the console the terminal is the conversation: the log goes to a file (stderr if that fails), named in the banner
        String log = console ? moveLogOffTheTerminal() : null;
        int code = run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath(), log);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** @return the exit code, or -1 once the bot runs until a signal stops it */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** @return the exit code, or -1 once the bot runs until a signal stops it */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Path.of("").toAbsolutePath(), null);
    }

    /**
     * @param documents where console mode saves the files the bot sends (the working directory)
     * @param log       where the log goes in console mode, for the banner; null when it was not moved
     * @return the exit code, or -1 once the bot runs until a signal stops it
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path documents, String log) {
        Path configFile = null;
        boolean console = false;
        boolean demo = false;
        boolean healthcheck = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        err.println("--config needs a file path\n" + USAGE);
                        return 2;
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--console" -> console = true;
                case "--demo" -> demo = true;
                case "--healthcheck" -> healthcheck = true;
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
        if (demo && !console) {
            console = true; // --demo alone means the console demo
        }
        BotConfig config;
        try {
            // the console and the health check do not talk to Telegram: no token needed there
            config = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath())
                    .load(configFile, !console && !healthcheck);
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (healthcheck) {
            return healthcheck(config, out, err);
        }
        BotApplication app;
        try {
            app = console
                    ? BotApplication.startConsole(config, BotApplication.Options.production()
                            .withClock(new ConsoleClock(java.time.Clock.systemUTC())), demo, configFile == null)
                    : BotApplication.create(config, BotApplication.Options.production());
        } catch (StartupException e) {
            err.println("Cannot start: " + e.getMessage());
            return e.exitCode();
        }
        if (console) {
            Thread hook = new Thread(app::close, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                app.runConsole(in, out, documents, log);
            } finally {
                app.close();
                removeHook(hook);
            }
            return 0;
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

    /** The console's log file: in the temporary directory, so the directory the console runs in stays clean. */
    static Path consoleLogFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "yclients-telegram-bot-console.log");
    }

    /** @return where the log goes now, or null when the logging is not Logback's (then it stays where it was) */
    private static String moveLogOffTheTerminal() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                ? ConsoleLog.moveOffTheTerminal(context, consoleLogFile()) : null;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook runs (close is idempotent)
        }
    }

    /** {@code GET /health} on this machine's bot.http.port: 0 when it answers 200, 1 otherwise (Docker HEALTHCHECK). */
    static int healthcheck(BotConfig config, PrintStream out, PrintStream err) {
        if (config.http().port().isEmpty()) {
            err.println("unhealthy: the HTTP port is off (set bot.http.port / BOT_HTTP_PORT)");
            return 1;
        }
        String host = config.http().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        URI uri = URI.create("http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + config.http().port().getAsInt() + "/health");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                out.println("healthy: " + response.body());
                return 0;
            }
            err.println("unhealthy: " + response.statusCode() + " " + response.body());
            return 1;
        } catch (java.io.IOException e) {
            err.println("unhealthy: " + uri + " does not answer (" + e.getClass().getSimpleName() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
