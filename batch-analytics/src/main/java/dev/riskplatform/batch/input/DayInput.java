package dev.riskplatform.batch.input;

/**
 * A day as read from raw/: {@code found} = the partition exists (manifest or files);
 * {@code manifested} = read through its manifest (false: listed, reported).
 */
public record DayInput(ValidatedDay day, boolean found, boolean manifested, int files) {

    /** No real bar (none at all, or only stored gap bars): reported as missing input, not fatal to a range. */
    public boolean missing() {
        return day.completeness().barsPresent() == 0;
    }
}
