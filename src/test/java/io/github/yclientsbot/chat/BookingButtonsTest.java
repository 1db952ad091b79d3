package io.github.yclientsbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.yclientsbot.booking.Choice;
import io.github.yclientsbot.chat.BookingButtons.Pressed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The booking's button data: every kind written exactly as buttons already on customers' screens carry it, and read
 * back to the same meaning; anything else is stale.
 */
class BookingButtonsTest {

    /** Each kind of data as the bot has always written it, and what it means. */
    private static Map<String, Pressed> contract() {
        Map<String, Pressed> m = new LinkedHashMap<>();
        m.put("bk:svc:17", new BookingButtons.Step(new Choice.Service(17)));
        m.put("bk:sp:2", new BookingButtons.Step(new Choice.ServicePage(2)));
        m.put("bk:st:2290341", new BookingButtons.Step(new Choice.Staff(2290341)));
        m.put("bk:st:0", new BookingButtons.Step(new Choice.Staff(0)));
        m.put("bk:stp:1", new BookingButtons.Step(new Choice.StaffPage(1)));
        m.put("bk:m:2027-01", new BookingButtons.Step(new Choice.Month(YearMonth.of(2027, 1))));
        m.put("bk:d:2026-12-01", new BookingButtons.Step(new Choice.Day(LocalDate.of(2026, 12, 1))));
        m.put("bk:t:20261201:0", new BookingButtons.Step(new Choice.Time(LocalDate.of(2026, 12, 1), 0)));
        m.put("bk:t:20261209:23", new BookingButtons.Step(new Choice.Time(LocalDate.of(2026, 12, 9), 23)));
        m.put("bk:tp:1", new BookingButtons.Step(new Choice.TimePage(1)));
        m.put("bk:b", new BookingButtons.Step(new Choice.Back()));
        m.put("bk:x", new BookingButtons.Step(new Choice.Cancel()));
        m.put("bk:ok", new BookingButtons.Step(new Choice.Confirm(null)));
        m.put("bk:ok:5e1c2a9f", new BookingButtons.Step(new Choice.Confirm("5e1c2a9f")));
        m.put("bk:agree", new BookingButtons.Step(new Choice.Agree()));
        m.put("bk:rc", new BookingButtons.Step(new Choice.ResendCode()));
        m.put("bk:nm", new BookingButtons.Step(new Choice.EditName()));
        m.put("bk:ph", new BookingButtons.Step(new Choice.OtherPhone()));
        m.put("bk:rm:y", new BookingButtons.Step(new Choice.Remember(true)));
        m.put("bk:rm:n", new BookingButtons.Step(new Choice.Remember(false)));
        m.put("bk:n", new BookingButtons.Noop());
        m.put("bk:n:d", new BookingButtons.ClosedDay());
        m.put("bk:my:c:42", new BookingButtons.MyAsk(42));
        m.put("bk:my:y:42", new BookingButtons.MyCancel(42));
        m.put("bk:my:n", new BookingButtons.MyKeep());
        m.put("bk:my:p:2", new BookingButtons.MyPage(2));
        m.put("bk:my:mv:42", new BookingButtons.MoveAsk(42));
        m.put("bk:all:q", new BookingButtons.WatchAsk());
        m.put("bk:all:y", new BookingButtons.WatchAnswer(true));
        m.put("bk:all:n", new BookingButtons.WatchAnswer(false));
        m.put("bk:my:ok:42", new BookingButtons.Come(42));
        m.put("bk:ag:13700211:2290341", new BookingButtons.Again(13700211, 2290341));
        m.put("bk:ag:13700211:2290341:611205", new BookingButtons.Again(13700211, 2290341, 611205));
        return m;
    }

    @Test
    void everyKindIsWrittenAsBeforeAndReadBackTheSame() {
        contract().forEach((data, meaning) -> {
            assertEquals(meaning, BookingButtons.decode(data), data);
            assertEquals(data, BookingButtons.encode(meaning), meaning.toString());
        });
    }

    @Test
    void theContractCoversEveryChoiceAndEveryKindOfData() {
        Set<Class<?>> choices = contract().values().stream().filter(p -> p instanceof BookingButtons.Step)
                .map(p -> ((BookingButtons.Step) p).choice().getClass()).collect(Collectors.toSet());
        assertEquals(Set.of(Choice.class.getPermittedSubclasses()), choices);
        Set<Class<?>> kinds = contract().values().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Arrays.stream(Pressed.class.getPermittedSubclasses())
                .filter(k -> k != BookingButtons.Stale.class).collect(Collectors.toSet());
        assertEquals(all, kinds);
    }

    @Test
    void theLongestDataFitsTelegramsSixtyFourBytes() {
        String time = BookingButtons.of(new Choice.Time(LocalDate.of(2026, 12, 31), 999_999_999));
        String confirm = BookingButtons.of(new Choice.Confirm(Integer.toHexString(-1)));
        String service = BookingButtons.of(new Choice.Service(Long.MIN_VALUE));
        String again = BookingButtons.encode(new BookingButtons.Again(Long.MIN_VALUE, Long.MIN_VALUE));
        for (String data : new String[] {time, confirm, service, again}) {
            assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64, data);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bk:", "bk:zzz", "svc:3", "bk:svc:", "bk:svc:abc", "bk:sp:x", "bk:st:", "bk:st:one",
            "bk:stp:-", "bk:m:2026-13", "bk:m:december", "bk:d:2026-02-30", "bk:d:tomorrow", "bk:t:3", "bk:t:20261201",
            "bk:t:20261201:", "bk:t:20261201:-1", "bk:t:2026-12-01:0", "bk:t:20261301:0", "bk:t:20261201:1:2",
            "bk:tp:", "bk:okay", "bk:rm:maybe", "bk:my:", "bk:my:c:", "bk:my:c:x", "bk:my:y:1.5", "bk:my:nope", "bk:my:p:", "bk:my:p:x",
            "bk:my:mv:", "bk:my:mv:x", "bk:my:mv:1:2", "bk:ag:", "bk:ag:1", "bk:ag:1:x", "bk:ag:1:2:3:4", "bk:ag:1:2:x",
            "bk:agree:1", "bk:b:", "BK:x"})
    void anythingElseIsStale(String data) {
        assertEquals(new BookingButtons.Stale(), BookingButtons.decode(data));
    }

    @Test
    void noDataIsStaleToo() {
        assertEquals(new BookingButtons.Stale(), BookingButtons.decode(null));
    }

    @Test
    void pagesBeyondAnIntAreTheLastPossibleOneForTheListToClamp() {
        assertEquals(new BookingButtons.Step(new Choice.ServicePage(Integer.MAX_VALUE)), BookingButtons.decode("bk:sp:99999999999"));
        assertEquals(new BookingButtons.Step(new Choice.TimePage(-1)), BookingButtons.decode("bk:tp:-1"));
    }
}
