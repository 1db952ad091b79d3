package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.chat.DocumentDownloader;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.ratelimit.Sleeper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The bot's line to the Bot API for everything but polling: the client replies are sent with, who the bot is
 * ({@code getMe}), and downloads of files users send. Built before the chat bot (which needs the bot's username
 * and the downloads) and before the poller; owns its HTTP client and closes it.
 */
public final class TelegramConnection implements DocumentDownloader, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramConnection.class);

    private final String token;
    private final TelegramUrl url;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final Sleeper sleeper;
    private volatile String username;

    /** @param apiUrl e.g. "https://api.telegram.org" or a local fake "http://127.0.0.1:8081" */
    public TelegramConnection(String token, String apiUrl, ObjectMapper mapper, Sleeper sleeper) {
        this.token = token;
        this.url = telegramUrl(apiUrl);
        this.sleeper = sleeper;
        SecretRedactor.register(token);
        // the client sends asynchronously through this dispatcher; its default of 5 calls per host would make
        // three of the eight workers queue behind the others on the one host there is
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // OkHttp keeps 5 idle connections by default: with eight workers sending at once, three connections
                // (TLS handshakes, against the real Telegram) were closed and opened again on every round
                .connectionPool(new okhttp3.ConnectionPool(16, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(45))
                .build();
        this.client = new OkHttpTelegramClient(mapper, http, token, url);
    }

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(scheme) ? 443 : 80);
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    TelegramClient client() {
        return client;
    }

    TelegramUrl url() {
        return url;
    }

    String token() {
        return token;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** The bot's @username, once {@link #identify} learned it (null before, and in console mode). */
    public String username() {
        return username;
    }

    /**
     * Learns who the bot is. Waits (with back-off) while Telegram cannot be reached; gives up only when Telegram
     * says the token is invalid, or returns null when {@code stop} says so first.
     */
    User identify(BooleanSupplier stop) throws InvalidBotTokenException {
        PollBackOff backOff = new PollBackOff(1000, 30_000);
        boolean warned = false;
        while (!stop.getAsBoolean()) {
            try {
                User me = client.execute(new GetMe());
                username = me.getUserName();
                return me;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && (code == 401 || code == 404)) {
                    throw new InvalidBotTokenException("Telegram rejected telegram.bot.token (" + code + " " + e.getApiResponse()
                            + "): check the token @BotFather gave you (TELEGRAM_BOT_TOKEN)");
                }
                warned = waitBeforeRetry(backOff, warned, e);
            } catch (TelegramApiException e) {
                warned = waitBeforeRetry(backOff, warned, e);
            }
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
        }
        return null;
    }

    /** Logs the first failure of a series, then waits the next back-off; false only when interrupted. */
    boolean waitBeforeRetry(PollBackOff backOff, boolean warned, Exception e) {
        long wait = backOff.nextBackOffMillis();
        if (!warned) {
            log.warn("Telegram cannot be reached at {} ({}); retrying until it can", url.getHost(), ReplySender.describe(e));
        } else {
            log.debug("Telegram still unreachable, next try in {} ms", wait);
        }
        try {
            sleeper.sleepNanos(wait * 1_000_000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /**
     * Downloads a file a user sent (an /import): getFile, then a GET of {@code /file/bot<token>/<file_path>} on the
     * same API URL (so a local Bot API server or a test fake works too). Reads at most {@code maxBytes}. The URL
     * holds the token: it is never logged.
     */
    @Override
    public byte[] download(String fileId, int maxBytes) throws DownloadException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiException e) {
            throw new DownloadException("getFile failed: " + e.getMessage(), false);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new DownloadException("the file has " + file.getFileSize() + " bytes", true);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new DownloadException("getFile returned no file_path", false);
        }
        HttpUrl fileUrl = new HttpUrl.Builder()
                .scheme(url.getSchema())
                .host(url.getHost())
                .port(url.getPort())
                .addPathSegment("file")
                .addPathSegment("bot" + token)
                .addPathSegments(file.getFilePath())
                .build();
        try (Response response = http.newCall(new Request.Builder().url(fileUrl).get().build()).execute()) {
            if (!response.isSuccessful()) {
                throw new DownloadException("the file download answered HTTP " + response.code(), false);
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBytes) {
                throw new DownloadException("the file has " + body.contentLength() + " bytes", true);
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new DownloadException("the file has more than " + maxBytes + " bytes", true);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new DownloadException("the file download failed: " + e.getClass().getSimpleName(), false);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
