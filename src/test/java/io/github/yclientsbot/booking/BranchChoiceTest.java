package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.storage.CustomerBranches;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The branch picker's choices: cities, the nearest by distance (no coordinates last), the choice kept. */
class BranchChoiceTest {
    private static final Branches.Branch POKROVKA = branch(502817, "Москва", 55.759241, 37.647331);
    private static final Branches.Branch LENINA = branch(611205, "Екатеринбург", 56.838011, 60.597474);
    private static final Branches.Branch ARBAT = branch(611206, "Москва", null, null);
    private static final Branches.Branch NOWHERE = branch(611207, null, 0.0, 0.0);

    private final Branches branches = mock(Branches.class);
    private final Branches forCustomer = mock(Branches.class);
    private final CustomerBranches stored = mock(CustomerBranches.class);
    private final CallerScope callers = new CallerScope();
    private final BranchChoice choice = new BranchChoice(branches, stored, callers);

    private static Branches.Branch branch(long id, String city, Double lat, Double lon) {
        return new Branches.Branch(id, Optional.of("Лён " + id), Optional.ofNullable(city), Optional.of("адрес " + id),
                Optional.of("Europe/Moscow"), lat, lon, Optional.empty());
    }

    private void serving(List<Branches.Branch> list) {
        for (Branches b : List.of(branches, forCustomer)) {
            when(b.list()).thenReturn(list);
            when(b.ids()).thenReturn(list.stream().map(Branches.Branch::id).toList());
            when(b.several()).thenReturn(list.size() > 1);
        }
        when(branches.forCaller(Caller.BACKGROUND)).thenReturn(branches);
        when(branches.forCaller(Caller.customer(3003))).thenReturn(forCustomer);
    }

    @Test
    void citiesInTheOrderOfTheirFirstBranchAndABranchOfNoCityUnderOthers() {
        serving(List.of(POKROVKA, LENINA, ARBAT, NOWHERE));
        assertEquals(List.of("Москва", "Екатеринбург", ""), choice.cities());
        assertEquals(List.of(POKROVKA, ARBAT), choice.in("Москва"));
        assertEquals(List.of(NOWHERE), choice.in(""));
    }

    @Test
    void theNearestFirstAndBranchesWithoutCoordinatesLast() {
        serving(List.of(ARBAT, NOWHERE, POKROVKA, LENINA));
        List<BranchChoice.Nearby> fromYekaterinburg = choice.nearest(56.84, 60.61);
        assertEquals(List.of(LENINA, POKROVKA, ARBAT, NOWHERE), fromYekaterinburg.stream().map(BranchChoice.Nearby::branch).toList());
        assertTrue(fromYekaterinburg.get(0).km().getAsDouble() < 1, fromYekaterinburg.toString());
        // Moscow–Yekaterinburg is about 1 420 km along the earth's surface
        assertEquals(1420, fromYekaterinburg.get(1).km().getAsDouble(), 20);
        assertFalse(fromYekaterinburg.get(2).km().isPresent());
        assertFalse(fromYekaterinburg.get(3).km().isPresent(), "0,0 is no place");

        assertEquals(List.of(POKROVKA, LENINA, ARBAT, NOWHERE),
                choice.nearest(55.7558, 37.6173).stream().map(BranchChoice.Nearby::branch).toList());
    }

    @Test
    void aChoiceIsKeptOnlyForABranchOfTheBotAndOneBranchNeedsNone() {
        serving(List.of(POKROVKA, LENINA));
        assertFalse(choice.choose(3003, 999));
        verify(stored, never()).choose(3003, 999);
        assertTrue(choice.choose(3003, LENINA.id()));
        verify(stored).choose(3003, LENINA.id());

        when(stored.find(3003)).thenReturn(OptionalLong.of(611206)); // a branch that left the bot: pick again
        assertEquals(OptionalLong.empty(), choice.of(3003));
        when(stored.find(3003)).thenReturn(OptionalLong.of(LENINA.id()));
        assertEquals(OptionalLong.of(LENINA.id()), choice.of(3003));

        serving(List.of(POKROVKA));
        assertEquals(OptionalLong.of(0), choice.of(3003), "one branch: the first, as before branches");
    }

    @Test
    void theBranchesAreDescribedOnTheShareOfTheCustomerBeingServed() {
        serving(List.of(POKROVKA, LENINA));
        callers.call(Caller.customer(3003), () -> choice.all());
        verify(forCustomer).list();
        verify(branches, never()).list();
    }
}
