package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.storage.CustomerBranches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Which branch of a chain a customer books: the cities and branches to pick from, the branches nearest a location
 * the customer shared (never stored), and the choice, remembered per customer ({@link CustomerBranches}) until
 * {@code /branch} changes it or {@code /forgetme} deletes it. With one branch there is nothing to pick: every
 * customer books it.
 */
public final class BranchChoice {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final Branches all;
    private final CustomerBranches chosen;
    private final CallerScope callers;

    /** @param callers who the update is for: the branches are described by YCLIENTS on that customer's share */
    public BranchChoice(Branches branches, CustomerBranches chosen, CallerScope callers) {
        this.all = branches;
        this.chosen = chosen;
        this.callers = callers;
    }

    /** The branches, described on the share of the customer being served (background work outside an update). */
    private Branches branches() {
        return all.forCaller(callers.current(Caller.BACKGROUND));
    }

    /** More than one branch: customers pick theirs. */
    public boolean several() {
        return branches().several();
    }

    /**
     * The branch the customer books: with one branch, 0 (the first branch, as before branches); with several, the
     * one they chose while it is still one of the bot's, else empty (they are to pick).
     */
    public OptionalLong of(long userId) {
        if (!several()) {
            return OptionalLong.of(0);
        }
        OptionalLong c = chosen.find(userId);
        return c.isPresent() && branches().ids().contains(c.getAsLong()) ? c : OptionalLong.empty();
    }

    /** The branch with this id among the bot's, described when YCLIENTS answers. */
    public Optional<Branches.Branch> find(long companyId) {
        return branches().find(companyId);
    }

    /** Every branch, in the bot's order. */
    public List<Branches.Branch> all() {
        return branches().list();
    }

    /** The cities of the branches, in the order their first branch comes; a branch of no known city adds "". */
    public List<String> cities() {
        List<String> out = new ArrayList<>();
        for (Branches.Branch b : all()) {
            String city = city(b);
            if (!out.contains(city)) {
                out.add(city);
            }
        }
        return out;
    }

    /** The branches of {@code city} ("" for those of no known city). */
    public List<Branches.Branch> in(String city) {
        return all().stream().filter(b -> city(b).equals(city)).toList();
    }

    /**
     * The branches by their distance from a point (nearest first, along the earth's surface); branches without
     * coordinates come last, in the bot's order. The point is used for this answer only.
     */
    public List<Nearby> nearest(double latitude, double longitude) {
        List<Nearby> out = new ArrayList<>();
        for (Branches.Branch b : all()) {
            out.add(new Nearby(b, b.hasCoordinates() && !(b.latitude() == 0 && b.longitude() == 0)
                    ? OptionalDouble.of(distanceKm(latitude, longitude, b.latitude(), b.longitude()))
                    : OptionalDouble.empty()));
        }
        out.sort(Comparator.comparingDouble(n -> n.km().orElse(Double.MAX_VALUE)));
        return out;
    }

    /** A branch and how far it is, when it has coordinates. */
    public record Nearby(Branches.Branch branch, OptionalDouble km) {}

    /** Remembers the customer's branch; false when it is not one of the bot's (an old button). */
    public boolean choose(long userId, long companyId) {
        if (!branches().ids().contains(companyId)) {
            return false;
        }
        chosen.choose(userId, companyId);
        return true;
    }

    /** /forgetme: the choice is deleted. */
    public boolean forget(long userId) {
        return chosen.delete(userId);
    }

    /** The great-circle distance (haversine) in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static String city(Branches.Branch b) {
        return b.city().map(String::strip).orElse("");
    }
}
