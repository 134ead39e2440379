package dev.riskplatform.core.risk;

/**
 * Data quality of one day: valid distinct <b>real</b> bars present (gap bars, stored with
 * {@code gap = true} when no trade happened in the interval, are not observations and count as missing)
 * of the expected count ({@code 86_400_000 / interval}), missing bars ({@code gaps = expected - present}), extra rows with an
 * open time already seen ({@code duplicates}) and rows excluded as out of range ({@code invalid}).
 */
public record DayCompleteness(int barsPresent, int barsExpected, int duplicates, int invalid) {

    public int gaps() {
        return barsExpected - barsPresent;
    }

    public boolean complete() {
        return barsPresent == barsExpected;
    }
}
