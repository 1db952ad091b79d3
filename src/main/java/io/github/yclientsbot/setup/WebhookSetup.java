package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.RecordWatchConfig;
import io.github.yclientsbot.storage.AuditLog;
import io.github.yclientsbot.yclients.HooksApi;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * /webhook: the address YCLIENTS should post its record events to — {@code yclients.webhook.public-url} +
 * {@code /api/v1/yclients/webhook/<yclients.webhook.secret>} — shown to paste into YCLIENTS, or registered (and removed)
 * through the company's webhook settings, keeping every other address and switch there as it was.
 */
public final class WebhookSetup {
    /** The webhook's path on the HTTP port, before the secret. */
    public static final String PATH = "/api/v1/yclients/webhook/";

    /** What came of a /webhook command. */
    public sealed interface Outcome {
        /** The address to paste (it holds the secret: private chats only). */
        record Address(String url) implements Outcome {}

        /** A setting is missing: the public address and/or the secret (and the HTTP port, for the bot to listen). */
        record NotConfigured(boolean publicUrl, boolean secret, boolean httpPort) implements Outcome {}

        /** The company or the partner token is not set. */
        record NotReady() implements Outcome {}

        /** The webhook settings need the user token. */
        record NoUserToken() implements Outcome {}

        /** Registered: YCLIENTS posts record events to {@code url}; {@code already} when nothing had to change. */
        record Registered(String url, boolean already, int otherUrls) implements Outcome {}

        /** Removed ({@code wasThere} false: it was not registered); {@code otherUrls} stay. */
        record Removed(boolean wasThere, int otherUrls) implements Outcome {}

        /** YCLIENTS refused or did not answer; its message. */
        record Failed(String message) implements Outcome {}
    }

    private final Settings settings;
    private final HooksApi hooks;
    private final RecordWatchConfig config;
    private final boolean httpPort;
    private final AuditLog audit;

    /**
     * @param hooks    the webhook settings API on the admins' share of the YCLIENTS budget
     * @param httpPort whether the HTTP port (where the webhook listens) is on
     */
    public WebhookSetup(Settings settings, HooksApi hooks, RecordWatchConfig config, boolean httpPort, AuditLog audit) {
        this.settings = settings;
        this.hooks = hooks;
        this.config = config;
        this.httpPort = httpPort;
        this.audit = audit;
    }

    /** The full address, when the public URL and the secret are set. */
    public Optional<String> url() {
        if (config.publicUrl().isEmpty() || config.webhookSecret().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(config.publicUrl().get() + PATH + config.webhookSecret().get());
    }

    /** The address to paste into YCLIENTS. */
    public Outcome show() {
        Optional<String> url = url();
        return url.isPresent() && httpPort ? new Outcome.Address(url.get()) : notConfigured();
    }

    /** Adds the address to the company's webhook settings (record events on), keeping the others. */
    public Outcome register(long userId) {
        Optional<String> url = url();
        if (url.isEmpty() || !httpPort) {
            return notConfigured();
        }
        return withSettings((credentials, company) -> {
            HooksApi.Settings current = hooks.get(credentials, company);
            List<String> others = others(current, url.get());
            if (current.urls().contains(url.get()) && current.active() && current.records()) {
                return new Outcome.Registered(url.get(), true, others.size());
            }
            List<String> urls = new ArrayList<>(others);
            urls.add(url.get());
            hooks.save(credentials, company, current.with(urls, true));
            audit.record(userId, "webhook", "registered in YCLIENTS");
            return new Outcome.Registered(url.get(), false, others.size());
        });
    }

    /** Removes the address from the company's webhook settings, keeping the others. */
    public Outcome off(long userId) {
        Optional<String> url = url();
        if (url.isEmpty()) {
            return notConfigured();
        }
        return withSettings((credentials, company) -> {
            HooksApi.Settings current = hooks.get(credentials, company);
            List<String> others = others(current, url.get());
            if (!current.urls().contains(url.get())) {
                return new Outcome.Removed(false, others.size());
            }
            hooks.save(credentials, company, current.with(others, false));
            audit.record(userId, "webhook", "removed from YCLIENTS");
            return new Outcome.Removed(true, others.size());
        });
    }

    private static List<String> others(HooksApi.Settings current, String ours) {
        return current.urls().stream().filter(u -> !u.equals(ours)).toList();
    }

    private Outcome notConfigured() {
        return new Outcome.NotConfigured(config.publicUrl().isEmpty(), config.webhookSecret().isEmpty(), !httpPort);
    }

    private interface Call {
        Outcome run(YclientsCredentials credentials, long company) throws YclientsException;
    }

    /**
     * Runs {@code call} for every branch (each company has its own webhook settings; one company: that one). The
     * outcomes are summed up: "already" only when it was so everywhere, the other addresses counted over all branches;
     * the first failure stops there and names its branch when there are several.
     */
    private Outcome withSettings(Call call) {
        Optional<YclientsCredentials> credentials = settings.credentials();
        OptionalLong company = settings.companyId();
        if (credentials.isEmpty() || company.isEmpty()) {
            return new Outcome.NotReady();
        }
        if (!credentials.get().hasUserToken()) {
            return new Outcome.NoUserToken();
        }
        List<Long> branches = settings.branchIds().isEmpty() ? List.of(company.getAsLong()) : settings.branchIds();
        Outcome sum = null;
        for (long branch : branches) {
            Outcome one;
            try {
                one = call.run(credentials.get(), branch);
            } catch (YclientsException e) {
                String message = e.apiMessage() == null || e.apiMessage().isBlank() ? e.getMessage() : e.apiMessage();
                return new Outcome.Failed(branches.size() > 1 ? branch + ": " + message : message);
            }
            sum = sum == null ? one : sum(sum, one);
        }
        return sum;
    }

    private static Outcome sum(Outcome a, Outcome b) {
        if (a instanceof Outcome.Registered x && b instanceof Outcome.Registered y) {
            return new Outcome.Registered(x.url(), x.already() && y.already(), x.otherUrls() + y.otherUrls());
        }
        if (a instanceof Outcome.Removed x && b instanceof Outcome.Removed y) {
            return new Outcome.Removed(x.wasThere() || y.wasThere(), x.otherUrls() + y.otherUrls());
        }
        return a;
    }
}
