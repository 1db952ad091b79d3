package io.github.yclientsbot.chat;

import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.setup.WebhookSetup;

import java.util.List;
import java.util.Locale;

/**
 * /webhook (admins, private chat only: the address holds the webhook's secret): the address to paste into YCLIENTS
 * (settings → system settings → for developers, record events); {@code /webhook register} adds it to the company's
 * webhook settings through the API, {@code /webhook off} removes it — other addresses there are kept.
 */
public final class WebhookCommand implements Command {
    private final WebhookSetup setup;

    public WebhookCommand(WebhookSetup setup) {
        this.setup = setup;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Role requiredRole() {
        return Role.ADMIN;
    }

    @Override
    public Reply handle(Context ctx, CommandLine line) {
        if (!ctx.isPrivate()) {
            return ctx.say("webhook.private");
        }
        List<String> args = line.args();
        if (args.size() > 1) {
            return ctx.say("webhook.usage");
        }
        String action = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        return switch (action) {
            case "" -> Reply.text(ctx.chatId(), text(ctx, setup.show()));
            case "register" -> Reply.text(ctx.chatId(), text(ctx, setup.register(ctx.userId())));
            case "off" -> Reply.text(ctx.chatId(), text(ctx, setup.off(ctx.userId())));
            default -> ctx.say("webhook.usage");
        };
    }

    private static String text(Context ctx, WebhookSetup.Outcome outcome) {
        if (outcome instanceof WebhookSetup.Outcome.Address a) {
            return ctx.t("webhook.address", "url", a.url());
        }
        if (outcome instanceof WebhookSetup.Outcome.NotConfigured n) {
            StringBuilder missing = new StringBuilder();
            if (n.publicUrl()) {
                missing.append("\n• yclients.webhook.public-url (YCLIENTS_WEBHOOK_PUBLIC_URL)");
            }
            if (n.secret()) {
                missing.append("\n• yclients.webhook.secret (YCLIENTS_WEBHOOK_SECRET)");
            }
            if (n.httpPort()) {
                missing.append("\n• bot.http.port (BOT_HTTP_PORT)");
            }
            return ctx.t("webhook.not.configured", "missing", missing.toString());
        }
        if (outcome instanceof WebhookSetup.Outcome.NotReady) {
            return ctx.t("webhook.not.ready");
        }
        if (outcome instanceof WebhookSetup.Outcome.NoUserToken) {
            return ctx.t("webhook.no.user.token");
        }
        if (outcome instanceof WebhookSetup.Outcome.Registered r) {
            return ctx.t(r.already() ? "webhook.registered.already" : "webhook.registered", "url", r.url(),
                    "others", r.otherUrls());
        }
        if (outcome instanceof WebhookSetup.Outcome.Removed r) {
            return ctx.t(r.wasThere() ? "webhook.removed" : "webhook.removed.none", "others", r.otherUrls());
        }
        return ctx.t("webhook.failed", "message", ((WebhookSetup.Outcome.Failed) outcome).message());
    }
}
