package io.github.yclientsbot.booking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PriceFormatTest {
    private final PriceFormat rub = new PriceFormat("₽");

    @Test
    void rangeSingleAndNone() {
        assertEquals(Optional.of("2\u00A0500–4\u00A0000\u00A0₽"), rub.format(new BigDecimal("2500"), new BigDecimal("4000.00")));
        assertEquals(Optional.of("1\u00A0800\u00A0₽"), rub.format(new BigDecimal("1800"), new BigDecimal("1800")));
        assertEquals(Optional.of("900\u00A0₽"), rub.format(null, new BigDecimal("900")));
        assertEquals(Optional.empty(), rub.format(BigDecimal.ZERO, null));
        assertEquals(Optional.of("99,50"), new PriceFormat("").format(new BigDecimal("99.5"), null));
    }
}
