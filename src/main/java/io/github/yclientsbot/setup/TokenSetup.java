package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.logging.SecretRedactor;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.yclients.AuthResult;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.Optional;
import java.util.OptionalLong;

/** /settoken and /yclogin: store a token encrypted, then check it against YCLIENTS. */
public final class TokenSetup {
    private final Settings settings;
    private final YclientsDirectory yclients;
    private final AuditLog audit;

    public TokenSetup(Settings settings, YclientsDirectory yclients, AuditLog audit) {
        this.settings = settings;
        this.yclients = yclients;
        this.audit = audit;
    }

    public enum TokenKind {
        PARTNER(SettingKey.YCLIENTS_API_TOKEN), USER(SettingKey.YCLIENTS_USER_TOKEN);

        public final SettingKey key;

        TokenKind(SettingKey key) {
            this.key = key;
        }
    }

    public record TokenResult(String masked, LiveCheck check) {}

    /** A token is one word of printable characters, 8 to 512 long. */
    public static boolean looksLikeToken(String token) {
        return token != null && token.length() >= 8 && token.length() <= 512 && token.chars().allMatch(c -> c > 32 && c < 127 && c != ',');
    }

    public TokenResult setToken(TokenKind kind, String token, long userId) {
        SecretRedactor.register(token);
        settings.setInChat(kind.key, token, userId);
        audit.record(userId, "settoken", kind.name().toLowerCase(java.util.Locale.ROOT) + " token set in chat");
        yclients.invalidate();
        return new TokenResult(SecretRedactor.mask(token), check(kind));
    }

    /** Checks the token now in effect for {@code kind}. */
    public LiveCheck check(TokenKind kind) {
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty()) {
            return new LiveCheck.Pending(LiveCheck.Reason.NO_PARTNER_TOKEN);
        }
        OptionalLong company = settings.companyId();
        if (company.isEmpty()) {
            return new LiveCheck.Pending(LiveCheck.Reason.NO_COMPANY);
        }
        if (kind == TokenKind.USER && !creds.get().hasUserToken()) {
            return new LiveCheck.Rejected(0, "no readable user token");
        }
        long started = System.nanoTime();
        try {
            String title = yclients.client().companies().company(creds.get().withoutUserToken(), company.getAsLong()).displayTitle();
            if (kind == TokenKind.USER) {
                yclients.client().catalog().companyServices(creds.get(), company.getAsLong());
            }
            return new LiveCheck.Ok(title, (System.nanoTime() - started) / 1_000_000);
        } catch (YclientsException e) {
            return LiveCheck.of(e);
        }
    }

    public sealed interface LoginResult {
        record LoggedIn(String userName, TokenResult token) implements LoginResult {}

        record Refused(LiveCheck failure) implements LoginResult {}

        record NoPartnerToken() implements LoginResult {}
    }

    /** Gets a user token with a YCLIENTS login and password; the password is used once and forgotten. */
    public LoginResult login(String login, String password, long userId) {
        Optional<YclientsCredentials> creds = settings.credentials();
        if (creds.isEmpty()) {
            return new LoginResult.NoPartnerToken();
        }
        AuthResult auth;
        try {
            auth = yclients.client().auth().login(creds.get().partnerToken(), login, password);
        } catch (YclientsException e) {
            return new LoginResult.Refused(LiveCheck.of(e));
        }
        SecretRedactor.register(auth.userToken());
        settings.setInChat(SettingKey.YCLIENTS_USER_TOKEN, auth.userToken(), userId);
        audit.record(userId, "yclogin", "user token obtained with /yclogin");
        yclients.invalidate();
        return new LoginResult.LoggedIn(auth.userName(), new TokenResult(SecretRedactor.mask(auth.userToken()), check(TokenKind.USER)));
    }
}
