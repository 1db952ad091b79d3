package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.ServiceMenu;

import java.util.ArrayList;
import java.util.List;

/** Renders a page of the customer service list: text, one URL button per service, ‹ › to page. */
final class ServiceListView {
    static final String PAGE_CALLBACK = "svc:";

    private final ServiceMenu menu;
    private final java.util.function.Supplier<io.github.yclientsbot.booking.BookingService.Mode> mode;

    ServiceListView(ServiceMenu menu, java.util.function.Supplier<io.github.yclientsbot.booking.BookingService.Mode> mode) {
        this.menu = menu;
        this.mode = mode;
    }

    record View(String text, Keyboard keyboard) {}

    View render(Context ctx, int page, String intro) {
        ServiceMenu.Page p = menu.page(page);
        String business = menu.businessName().orElse(ctx.t("services.business.unknown"));
        StringBuilder text = new StringBuilder();
        if (intro != null) {
            text.append(intro).append("\n\n");
        }
        if (!p.available()) {
            text.append(switch (p.unavailable().get()) {
                case DISABLED, NOT_CONFIGURED -> ctx.t("services.unavailable");
                case NO_SERVICES -> ctx.t("services.empty");
            });
            if (ctx.role().atLeast(io.github.yclientsbot.setup.Role.ADMIN)) {
                text.append("\n\n").append(ctx.t(switch (p.unavailable().get()) {
                    case DISABLED -> "services.admin.hint.disabled";
                    case NOT_CONFIGURED -> "services.admin.hint.setup";
                    case NO_SERVICES -> "services.admin.hint.empty";
                }));
            }
            return new View(text.toString(), Keyboard.NONE);
        }
        text.append(ctx.t("services.header", "business", business));
        Keyboard.Builder kb = Keyboard.builder();
        var how = mode.get();
        for (ServiceMenu.Item item : p.items()) {
            String book = BookingChat.SERVICE + item.mappingId();
            switch (how) {
                case FORM -> kb.row(Button.url(item.text(), item.url()));
                case CHAT -> kb.row(Button.callback(item.text(), book));
                case BOTH -> kb.row(Button.url(item.text(), item.url()), Button.callback(ctx.t("bookflow.button.here"), book));
            }
        }
        if (p.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (p.page() > 0) {
                nav.add(Button.callback("‹", PAGE_CALLBACK + (p.page() - 1)));
            }
            nav.add(Button.callback((p.page() + 1) + "/" + p.pages(), PAGE_CALLBACK + p.page()));
            if (p.page() < p.pages() - 1) {
                nav.add(Button.callback("›", PAGE_CALLBACK + (p.page() + 1)));
            }
            kb.row(nav);
        }
        return new View(text.toString(), kb.build());
    }
}
