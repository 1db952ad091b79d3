package io.github.yclientsbot.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** "1 800 ₽", "2 500–4 000 ₽"; nothing when YCLIENTS gave no price. */
public final class PriceFormat {
    private final String currency;

    public PriceFormat(String currency) {
        this.currency = currency == null ? "" : currency.strip();
    }

    public Optional<String> format(BigDecimal min, BigDecimal max) {
        boolean hasMin = min != null && min.signum() > 0;
        boolean hasMax = max != null && max.signum() > 0;
        if (!hasMin && !hasMax) {
            return Optional.empty();
        }
        String text;
        if (hasMin && hasMax && min.compareTo(max) != 0) {
            text = amount(min.min(max)) + "–" + amount(min.max(max));
        } else {
            text = amount(hasMin ? min : max);
        }
        return Optional.of(currency.isEmpty() ? text : text + "\u00A0" + currency);
    }

    private static String amount(BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u00A0');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat(value.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
