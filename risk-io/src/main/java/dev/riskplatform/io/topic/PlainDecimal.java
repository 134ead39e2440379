package dev.riskplatform.io.topic;

/**
 * The only decimal texts market_prices carries (docs/topics.md, the schema's pattern): {@code 0} or a digit string
 * without a leading zero, optionally followed by {@code .} and digits: no sign, exponent, white space or other digit
 * scripts, as Binance writes prices and quantities. For exactly these texts BigDecimal's plain string is the text
 * itself, so the topic carries the decimal as Binance sent it; anything else is refused rather than rewritten ("1e5"
 * would be published as "100000"). The ingestor checks what it takes from Binance with it, the codec what it reads.
 */
public final class PlainDecimal {

    private PlainDecimal() {
    }

    public static boolean is(String s) {
        int n = s.length(), i = integerDigits(s);
        if (i == 0) return false;
        if (i == n) return true;
        if (s.charAt(i) != '.' || i + 1 == n) return false;
        for (int j = i + 1; j < n; j++) if (!digit(s.charAt(j))) return false;
        return true;
    }

    /** How many characters the integer part takes: "0" alone, or digits not starting with 0; 0 when neither. */
    private static int integerDigits(String s) {
        if (s.isEmpty()) return 0;
        if (s.charAt(0) == '0') return 1;
        int i = 0;
        while (i < s.length() && digit(s.charAt(i))) i++;
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
