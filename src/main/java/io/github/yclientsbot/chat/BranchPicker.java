package io.github.yclientsbot.chat;

import io.github.yclientsbot.booking.BranchChoice;
import io.github.yclientsbot.company.Branches;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The branch picker of a chain (more than one branch): a city first when the branches are in more than one, then the
 * branches (title and address) as buttons; in a private chat "📍 nearest", which asks for the customer's location in
 * a new message (a reply keyboard, as Telegram requires) and lists the branches by distance. Its buttons
 * ({@link #PREFIX}) carry what the customer was after — the in-chat booking or the service list — so the chosen
 * branch's screen follows at once.
 */
final class BranchPicker {
    static final String PREFIX = "br:";
    private static final int BUTTON_TEXT_MAX = 60;

    /** What the customer asked for when the picker came up: to book in the chat, or the service list. */
    enum Intent {
        BOOK('b'), SERVICES('s');

        final char code;

        Intent(char code) {
            this.code = code;
        }

        static Intent of(char c) {
            return c == 's' ? SERVICES : BOOK;
        }
    }

    /** A picker button pressed: a city (by its place in the list), a branch, "nearest", or back to the cities. */
    sealed interface Pressed permits City, Pick, Nearest, Cities, Unknown {}

    record City(int index, Intent intent) implements Pressed {}

    record Pick(long companyId, Intent intent) implements Pressed {}

    record Nearest(Intent intent) implements Pressed {}

    record Cities(Intent intent) implements Pressed {}

    record Unknown() implements Pressed {}

    private final BranchChoice choice;

    BranchPicker(BranchChoice choice) {
        this.choice = choice;
    }

    boolean several() {
        return choice.several();
    }

    /** The branch {@code userId} books: 0 with one branch; empty when they are to pick. */
    OptionalLong branchOf(long userId) {
        return choice.of(userId);
    }

    boolean choose(long userId, long companyId) {
        return choice.choose(userId, companyId);
    }

    boolean forget(long userId) {
        return choice.forget(userId);
    }

    Optional<Branches.Branch> find(long companyId) {
        return choice.find(companyId);
    }

    /** The first screen: the cities when there are several, else the branches. */
    View start(Context ctx, Intent intent, String intro) {
        List<String> cities = choice.cities();
        StringBuilder text = new StringBuilder();
        if (intro != null) {
            text.append(intro).append("\n\n");
        }
        if (cities.size() > 1) {
            text.append(ctx.t("branch.pick.city"));
            Keyboard.Builder kb = Keyboard.builder();
            for (int i = 0; i < cities.size(); i++) {
                String city = cities.get(i).isEmpty() ? ctx.t("branch.city.other") : cities.get(i);
                kb.row(Button.callback(city, PREFIX + "c:" + i + ":" + intent.code));
            }
            nearestRow(ctx, kb, intent);
            return new View(text.toString(), kb.build());
        }
        text.append(ctx.t("branch.pick"));
        return new View(text.toString(), branchButtons(ctx, choice.all(), intent, true));
    }

    /** The branches of one city (with "‹ all cities"). */
    View city(Context ctx, int index, Intent intent) {
        List<String> cities = choice.cities();
        if (index < 0 || index >= cities.size()) {
            return start(ctx, intent, null);
        }
        String city = cities.get(index);
        String text = city.isEmpty() ? ctx.t("branch.pick") : ctx.t("branch.pick.in", "city", city);
        Keyboard kb = branchButtons(ctx, choice.in(city), intent, false);
        List<List<Button>> rows = new java.util.ArrayList<>(kb.rows());
        rows.add(List.of(Button.callback(ctx.t("branch.cities"), PREFIX + "a:" + intent.code)));
        return new View(text, new Keyboard(rows));
    }

    /** The branches nearest first, from a location the customer just sent (and which is not kept). */
    View nearest(Context ctx, double latitude, double longitude) {
        Keyboard.Builder kb = Keyboard.builder();
        for (BranchChoice.Nearby n : choice.nearest(latitude, longitude)) {
            String distance = n.km().isPresent() ? " · " + km(ctx, n.km().getAsDouble()) : "";
            kb.row(Button.callback(label(ctx, n.branch(), distance), PREFIX + "b:" + n.branch().id() + ":" + Intent.BOOK.code));
        }
        return new View(ctx.t("branch.nearest.list"), kb.build());
    }

    static Pressed decode(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return new Unknown();
        }
        String[] p = data.substring(PREFIX.length()).split(":");
        try {
            Intent intent = Intent.of(p[p.length - 1].isEmpty() ? 'b' : p[p.length - 1].charAt(0));
            return switch (p[0]) {
                case "c" -> p.length == 3 ? new City(Integer.parseInt(p[1]), intent) : new Unknown();
                case "b" -> p.length == 3 ? new Pick(Long.parseLong(p[1]), intent) : new Unknown();
                case "n" -> p.length == 2 ? new Nearest(intent) : new Unknown();
                case "a" -> p.length == 2 ? new Cities(intent) : new Unknown();
                default -> new Unknown();
            };
        } catch (NumberFormatException e) {
            return new Unknown();
        }
    }

    /** The title and address of a branch, as a button or a line shows it. */
    static String name(Context ctx, Branches.Branch b) {
        String title = b.title().orElse(ctx.t("branch.untitled", "id", b.id()));
        return b.address().filter(a -> !a.isBlank()).map(a -> title + " — " + a.strip()).orElse(title);
    }

    private Keyboard branchButtons(Context ctx, List<Branches.Branch> branches, Intent intent, boolean withNearest) {
        Keyboard.Builder kb = Keyboard.builder();
        for (Branches.Branch b : branches) {
            kb.row(Button.callback(label(ctx, b, ""), PREFIX + "b:" + b.id() + ":" + intent.code));
        }
        if (withNearest) {
            nearestRow(ctx, kb, intent);
        }
        return kb.build();
    }

    private static void nearestRow(Context ctx, Keyboard.Builder kb, Intent intent) {
        if (ctx.isPrivate()) {
            // Telegram asks for a location with a reply keyboard only, and only in a private chat
            kb.row(Button.callback(ctx.t("branch.nearest.button"), PREFIX + "n:" + intent.code));
        }
    }

    private static String label(Context ctx, Branches.Branch b, String suffix) {
        String text = name(ctx, b);
        int room = BUTTON_TEXT_MAX - suffix.length();
        if (text.length() > room) {
            text = text.substring(0, Math.max(1, room - 1)) + "…";
        }
        return text + suffix;
    }

    private static String km(Context ctx, double km) {
        return km < 1 ? ctx.t("branch.distance.m", "m", Math.round(km * 1000 / 10.0) * 10)
                : ctx.t("branch.distance.km", "km", String.format(Locale.ROOT, km < 10 ? "%.1f" : "%.0f", km));
    }
}
