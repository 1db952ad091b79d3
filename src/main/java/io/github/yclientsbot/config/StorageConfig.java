package io.github.yclientsbot.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The database and the key that encrypts the secrets stored in it.
 *
 * @param dbUrl      a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…})
 * @param dbUser     may be {@code ""}
 * @param dbPassword may be {@code ""}
 * @param secretKey  may be {@code ""}: then the key lives in {@code secretFile}
 * @param secretFile {@code bot.secret.file}, resolved against the working directory the config was loaded in
 */
public record StorageConfig(String dbUrl, String dbUser, String dbPassword, String secretKey, Path secretFile) {

    static StorageConfig read(SettingReader r, Path workingDir) throws ConfigException {
        String url = r.text(SettingKey.BOT_DB_URL);
        if (!url.startsWith("jdbc:")) {
            throw r.invalid(SettingKey.BOT_DB_URL, "must be a JDBC URL starting with jdbc:",
                    "like " + SettingKey.BOT_DB_URL.defaultValue());
        }
        return new StorageConfig(url, r.text(SettingKey.BOT_DB_USER), r.text(SettingKey.BOT_DB_PASSWORD),
                r.text(SettingKey.BOT_SECRET_KEY), secretFile(r, workingDir));
    }

    private static Path secretFile(SettingReader r, Path workingDir) throws ConfigException {
        String file = r.text(SettingKey.BOT_SECRET_FILE);
        try {
            Path path = Path.of(file);
            return workingDir == null ? path : workingDir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw r.invalid(SettingKey.BOT_SECRET_FILE, "is not a valid file path, got " + SettingReader.quote(file),
                    "like ./data/secret.key");
        }
    }

    /**
     * The password and the secret key masked; the URL without its parameters and user info, which may carry a
     * password too.
     */
    @Override
    public String toString() {
        return "StorageConfig[dbUrl=" + withoutCredentials(dbUrl) + ", dbUser=" + dbUser + ", dbPassword=" + SettingReader.masked(dbPassword)
                + ", secretKey=" + SettingReader.masked(secretKey) + ", secretFile=" + secretFile + "]";
    }

    private static String withoutCredentials(String url) {
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut).replaceFirst("//[^/@]*@", "//");
    }
}
