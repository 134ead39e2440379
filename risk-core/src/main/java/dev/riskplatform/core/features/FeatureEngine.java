package dev.riskplatform.core.features;

import dev.riskplatform.core.market.Bar;
import java.util.List;
import java.util.Objects;

/**
 * Incremental features for ONE symbol's bar stream, O(1) per bar and allocation-free on
 * {@link #update}. The formulas are those of the spec's version: {@link ReturnFeatures} (v1) and
 * {@link ScaleFreeFeatures} (v2), see docs/features.md. Output starts after exactly
 * {@link FeatureSpec#warmUpBars()} bars. The batch entries {@link #computeAll} run this same
 * {@code update}, so batch and stream are bit-identical.
 */
public final class FeatureEngine {

    /** |ratio| bound: far beyond any alert threshold, and keeps tree splits on finite values. */
    public static final double Z_CAP = 1_000.0;
    /**
     * A std of log returns below this is treated as 0: one part in 1e12 is far below any
     * exchange tick, so such a std is rounding residue, not volatility.
     */
    public static final double STD_FLOOR = 1e-12;

    private final FeatureSpec spec;
    private final FeatureDefinition definition;
    private long lastOpenTime = Long.MIN_VALUE;
    private long bars;

    public FeatureEngine(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.definition = spec.version() == 1 ? new ReturnFeatures(spec) : new ScaleFreeFeatures(spec);
    }

    public FeatureSpec spec() { return spec; }
    public int warmUpBars() { return spec.warmUpBars(); }
    public long barsSeen() { return bars; }

    /** Streaming entry: null until warmed up. Refuses bars of another interval or out of order. */
    public FeatureVector onBar(Bar bar) {
        requireInterval(bar);
        if (bar.openTime() <= lastOpenTime) {
            throw new IllegalArgumentException("bar " + bar.openTime() + " is not after " + lastOpenTime);
        }
        lastOpenTime = bar.openTime();
        double[] out = new double[spec.featureCount()];
        return update(bar, out, 0) ? new FeatureVector(bar.openTime(), bar.close(), out) : null;
    }

    private boolean update(Bar b, double[] out, int offset) {
        return update(b.high(), b.low(), b.close(), b.volume(), b.tradeCount(), b.gap(), out, offset);
    }

    /**
     * The one entry to the formulas: takes the next bar, writes {@link FeatureSpec#featureCount()}
     * values at {@code out[offset..]} and returns true once warmed up; returns false (out untouched) before.
     */
    public boolean update(double high, double low, double close, double volume, long trades, boolean gap, double[] out, int offset) {
        requirePositiveFinite("close", close);
        if (spec.version() > 1) {
            requirePositiveFinite("low", low);
            requirePositiveFinite("high", high);
            if (!(low <= high)) throw new IllegalArgumentException("low " + low + " is above high " + high);
            if (!(volume >= 0 && volume <= Double.MAX_VALUE)) throw new IllegalArgumentException("volume must be finite and >= 0, got " + volume);
            if (trades < 0) throw new IllegalArgumentException("trade count must be >= 0, got " + trades);
        }
        bars++;
        return definition.update(high, low, close, volume, trades, gap, out, offset);
    }

    /** Version 1 only, which reads nothing but the close: closes-only series (benchmarks, tests). */
    public boolean update(double close, boolean gap, double[] out, int offset) {
        if (spec.version() != 1) throw new IllegalArgumentException("feature spec v" + spec.version() + " needs high, low, volume and trades");
        return update(close, close, close, 0.0, 0, gap, out, offset);
    }

    private static void requirePositiveFinite(String what, double v) {
        if (!(v > 0 && v <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
    }

    /**
     * ln(c / p) keeps full relative precision for small moves. When c / p leaves the normal
     * double range (extreme inputs) ln c - ln p is used instead: finite for any positive doubles.
     */
    static double logReturn(double c, double p) {
        double q = c / p;
        return q >= Double.MIN_NORMAL && q <= Double.MAX_VALUE ? Math.log(q) : Math.log(c) - Math.log(p);
    }

    /**
     * num / den clamped to ±{@link #Z_CAP}. A den below {@link #STD_FLOOR} is no scale at all:
     * 0 when |num| is within the floor too, else ±Z_CAP. Never NaN or infinite.
     */
    static double ratio(double num, double den) {
        if (!(den >= STD_FLOOR)) return Math.abs(num) <= STD_FLOOR ? 0.0 : Math.copySign(Z_CAP, num);
        double q = num / den;
        return Math.max(-Z_CAP, Math.min(Z_CAP, q));
    }

    private void requireInterval(Bar b) {
        if (!b.interval().equals(spec.interval())) {
            throw new IllegalArgumentException("bar interval " + b.interval() + " does not match spec " + spec.interval());
        }
    }

    /** Batch over bars: same engine, same code path as the stream. */
    public static FeatureMatrix computeAll(FeatureSpec spec, List<Bar> bars) {
        FeatureEngine engine = new FeatureEngine(spec);
        Rows rows = new Rows(spec, bars.size());
        long previous = Long.MIN_VALUE;
        for (Bar b : bars) {
            engine.requireInterval(b);
            // Same refusal as onBar: features of a shuffled series would be silently wrong.
            if (b.openTime() <= previous) throw new IllegalArgumentException("bar " + b.openTime() + " is not after " + previous);
            previous = b.openTime();
            if (engine.update(b, rows.values, rows.offset())) rows.add(b.openTime(), b.close());
        }
        return rows.matrix();
    }

    /**
     * Batch over a closes-only series in bar order, version 1 only ({@code gaps} may be null: no gap
     * bars; open times are only copied). Rows start after warm-up.
     */
    public static FeatureMatrix computeAll(FeatureSpec spec, long[] openTimes, double[] closes, boolean[] gaps) {
        int n = closes.length;
        if (openTimes.length != n || (gaps != null && gaps.length != n)) {
            throw new IllegalArgumentException("openTimes, closes and gaps must have the same length");
        }
        FeatureEngine engine = new FeatureEngine(spec);
        Rows rows = new Rows(spec, n);
        for (int i = 0; i < n; i++) {
            if (engine.update(closes[i], gaps != null && gaps[i], rows.values, rows.offset())) rows.add(openTimes[i], closes[i]);
        }
        return rows.matrix();
    }

    /** The growing output of a batch run, sized once for every row after warm-up. */
    private static final class Rows {
        final int columns;
        final long[] open;
        final double[] close, values;
        int count;

        Rows(FeatureSpec spec, int bars) {
            int rows = Math.max(0, bars - spec.warmUpBars());
            columns = spec.featureCount();
            open = new long[rows];
            close = new double[rows];
            values = new double[rows * columns]; // a definition writes only rows past warm-up
        }

        int offset() {
            return count * columns;
        }

        void add(long openTime, double closePrice) {
            open[count] = openTime;
            close[count++] = closePrice;
        }

        FeatureMatrix matrix() {
            return new FeatureMatrix(open, close, values, columns);
        }
    }
}
