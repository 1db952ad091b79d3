package io.github.yclientsbot.chat;

import io.github.yclientsbot.setup.LiveCheck;

/** How a YCLIENTS check reads in chat. */
final class CheckTexts {
    private CheckTexts() {
    }

    static String describe(Context ctx, LiveCheck check) {
        if (check instanceof LiveCheck.Ok ok) {
            return ctx.t("check.ok", "title", ok.companyTitle(), "ms", ok.latencyMs());
        }
        if (check instanceof LiveCheck.Rejected r) {
            return ctx.t("check.rejected", "status", r.httpStatus(), "message", r.message());
        }
        if (check instanceof LiveCheck.Unavailable u) {
            return ctx.t("check.unavailable", "reason", u.reason());
        }
        LiveCheck.Pending p = (LiveCheck.Pending) check;
        return switch (p.reason()) {
            case NO_COMPANY -> ctx.t("check.pending.company");
            case NO_PARTNER_TOKEN -> ctx.t("check.pending.partner");
        };
    }
}
