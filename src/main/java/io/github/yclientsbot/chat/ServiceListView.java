package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BookingService;
import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.booking.ServiceMenu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Renders a page of the customer service list: text, one URL button per service, ‹ › to page. Booking in the chat
 * works only in a private chat, so in a group its buttons are {@code t.me/<bot>?start=book} links into it.
 */
public final class ServiceListView {
    static final String PAGE_CALLBACK = "svc:";

    private final ServiceMenu menu;
    private final Supplier<BookingService.Mode> mode;
    private final Supplier<String> botUsername;

    public ServiceListView(ServiceMenu menu, Supplier<BookingService.Mode> mode, Supplier<String> botUsername) {
        this.menu = menu;
        this.mode = mode;
        this.botUsername = botUsername;
    }

    View render(Context ctx, int page, String intro) {
        return render(ctx, page, intro, 0);
    }

    /** A page of branch {@code company}'s services (0: the first branch, the only one of a single-company bot). */
    View render(Context ctx, int page, String intro, long company) {
        ServiceMenu menu = this.menu.forBranch(company);
        ServiceMenu.Page p = menu.page(page);
        String business = menu.businessName().orElse(ctx.t("services.business.unknown"));
        String branch = company == 0 ? "" : ":" + company;
        StringBuilder text = new StringBuilder();
        if (intro != null) {
            text.append(intro).append("\n\n");
        }
        if (!p.available()) {
            text.append(unavailable(ctx, p.unavailable().get()));
            return new View(text.toString(), Keyboard.NONE);
        }
        text.append(ctx.t("services.header", "business", business));
        Keyboard.Builder kb = Keyboard.builder();
        var how = mode.get();
        // in a group: the link into the private chat, or none when the bot's username is not known yet
        Optional<String> deepLink = ctx.isPrivate() ? Optional.empty() : deepLink();
        for (ServiceMenu.Item item : p.items()) {
            String book = BookingButtons.of(new Choice.Service(item.mappingId()));
            switch (how) {
                case FORM -> kb.row(Button.url(item.text(), item.url()));
                case CHAT -> kb.row(deepLink.map(url -> Button.url(item.text(), url))
                        // without a link the names stay listed; a tap says booking is in a private chat
                        .orElse(Button.callback(item.text(), book)));
                case BOTH -> {
                    if (ctx.isPrivate()) {
                        kb.row(Button.url(item.text(), item.url()), Button.callback(ctx.t("bookflow.button.here"), book));
                    } else if (deepLink.isPresent()) {
                        kb.row(Button.url(item.text(), item.url()), Button.url(ctx.t("bookflow.button.here.group"), deepLink.get()));
                    } else {
                        kb.row(Button.url(item.text(), item.url()));
                    }
                }
            }
        }
        if (p.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (p.page() > 0) {
                nav.add(Button.callback("‹", PAGE_CALLBACK + (p.page() - 1) + branch));
            }
            nav.add(Button.callback((p.page() + 1) + "/" + p.pages(), PAGE_CALLBACK + p.page() + branch));
            if (p.page() < p.pages() - 1) {
                nav.add(Button.callback("›", PAGE_CALLBACK + (p.page() + 1) + branch));
            }
            kb.row(nav);
        }
        return new View(text.toString(), kb.build());
    }

    /** Why there is nothing to book (the same for /services and /book), and for an admin what to do about it. */
    static String unavailable(Context ctx, ServiceMenu.Unavailable why) {
        String text = ctx.t(switch (why) {
            case DISABLED, NOT_CONFIGURED -> "services.unavailable";
            case NO_SERVICES -> "services.empty";
        });
        if (!ctx.role().atLeast(io.github.yclientsbot.setup.Role.ADMIN)) {
            return text;
        }
        return text + "\n\n" + ctx.t(switch (why) {
            case DISABLED -> "services.admin.hint.disabled";
            case NOT_CONFIGURED -> "services.admin.hint.setup";
            case NO_SERVICES -> "services.admin.hint.empty";
        });
    }

    private Optional<String> deepLink() {
        String bot = botUsername.get();
        return bot == null || bot.isBlank() ? Optional.empty() : Optional.of("https://t.me/" + bot.strip() + "?start=book");
    }
}
