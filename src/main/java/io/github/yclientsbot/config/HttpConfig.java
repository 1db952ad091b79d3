package io.github.yclientsbot.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The optional HTTP port: {@code /health}, {@code /metrics} and the widget-link API.
 *
 * @param port   empty when off (not set or 0)
 * @param host   the address it listens on, {@code 127.0.0.1} unless set
 * @param apiKey what callers of the widget-link API send as {@code Authorization: Bearer <key>}; empty: that API
 *               is closed
 */
public record HttpConfig(OptionalInt port, String host, Optional<String> apiKey) {

    static HttpConfig read(SettingReader r) throws ConfigException {
        return new HttpConfig(port(r), host(r), r.optional(SettingKey.BOT_HTTP_API_KEY));
    }

    private static OptionalInt port(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.BOT_HTTP_PORT;
        if (!r.isSet(key)) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(r.text(key));
            if (port >= 0 && port <= 65535) {
                return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw r.invalid(key, "must be a port number from 1 to 65535 (0 or empty: off), got "
                + SettingReader.quote(r.text(key)), "like 8080, or leave it empty to keep the HTTP endpoints off");
    }

    private static String host(SettingReader r) throws ConfigException {
        SettingKey key = SettingKey.BOT_HTTP_HOST;
        String host = r.text(key);
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw r.invalid(key, "must be a host name or IP address, got " + SettingReader.quote(host),
                    "like 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, e.g. in a container)");
        }
        return host;
    }

    /** The API key masked. */
    @Override
    public String toString() {
        return "HttpConfig[port=" + port + ", host=" + host + ", apiKey=" + SettingReader.masked(apiKey.orElse("")) + "]";
    }
}
