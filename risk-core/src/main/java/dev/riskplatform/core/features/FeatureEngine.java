package dev.riskplatform.core.features;

import dev.riskplatform.core.market.Bar;
import java.util.List;
import java.util.Objects;

/**
 * Incremental features for ONE symbol's bar stream, O(1) per bar and allocation-free on
 * {@link #update}. Definitions (see docs/features.md), with r_t = log_return:
 * <ul>
 *   <li>log_return r_t = ln(close_t / close_{t-1}); 0 for a gap bar (no trade, no move).</li>
 *   <li>volatility = sample std (ddof=1) of r_{t-V+1..t}.</li>
 *   <li>z_score = (r_t - mean(r_{t-Z..t-1})) / std(r_{t-Z..t-1}): r_t is excluded so a jump is
 *       not diluted by itself. Clamped to +-{@link #Z_CAP}; see {@link #zScore}.</li>
 *   <li>momentum = close_t / close_{t-M} - 1.</li>
 * </ul>
 * Output starts after exactly {@link FeatureSpec#warmUpBars()} bars. The batch entry
 * {@link #computeAll} runs this same {@code update}, so batch and stream are bit-identical.
 */
public final class FeatureEngine {

    /** |z| bound: far beyond any alert threshold, and keeps tree splits on finite values. */
    public static final double Z_CAP = 1_000.0;
    /**
     * A std of log returns below this is treated as 0: one part in 1e12 is far below any
     * exchange tick, so such a std is rounding residue, not volatility.
     */
    public static final double STD_FLOOR = 1e-12;

    private final FeatureSpec spec;
    private final int warmUp;
    private final double[] pastCloses; // ring of the last M closes, for momentum
    private final RollingStats volStats, zStats;
    private int closePos;
    private long bars;
    private double prevClose;
    private long lastOpenTime = Long.MIN_VALUE;

    public FeatureEngine(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.warmUp = spec.warmUpBars();
        this.pastCloses = new double[spec.momentumWindow()];
        this.volStats = new RollingStats(spec.volatilityWindow());
        this.zStats = new RollingStats(spec.zScoreWindow());
    }

    public FeatureSpec spec() { return spec; }
    public int warmUpBars() { return warmUp; }
    public long barsSeen() { return bars; }

    /** Streaming entry: null until warmed up. Refuses bars of another interval or out of order. */
    public FeatureVector onBar(Bar bar) {
        if (!bar.interval().equals(spec.interval())) {
            throw new IllegalArgumentException("bar interval " + bar.interval() + " does not match spec " + spec.interval());
        }
        if (bar.openTime() <= lastOpenTime) {
            throw new IllegalArgumentException("bar " + bar.openTime() + " is not after " + lastOpenTime);
        }
        lastOpenTime = bar.openTime();
        double[] out = new double[FeatureMatrix.COLUMNS];
        return update(bar.close(), bar.gap(), out, 0) ? new FeatureVector(bar.openTime(), bar.close(), out) : null;
    }

    /**
     * The one implementation of the features. Writes 4 values at {@code out[offset..]} and
     * returns true once warmed up; returns false (out untouched) before.
     */
    public boolean update(double close, boolean gap, double[] out, int offset) {
        if (!(close > 0 && close <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("close must be a positive finite number, got " + close);
        }
        long i = bars++;
        double back = pastCloses[closePos]; // close_{i-M} once i >= M
        pastCloses[closePos] = close;
        if (++closePos == pastCloses.length) closePos = 0;
        if (i == 0) {
            prevClose = close;
            return false;
        }
        double r = gap ? 0.0 : logReturn(close, prevClose);
        prevClose = close;
        boolean ready = i >= warmUp;
        if (ready) out[offset + 2] = zScore(r); // before r enters the window: r_t is excluded
        zStats.push(r);
        volStats.push(r);
        if (!ready) return false;
        out[offset] = r;
        double vol = volStats.sampleStd();
        out[offset + 1] = vol < STD_FLOOR ? 0.0 : vol;
        out[offset + 3] = momentum(close, back);
        return true;
    }

    /**
     * ln(c / p) keeps full relative precision for small moves. When c / p leaves the normal
     * double range (extreme inputs) ln c - ln p is used instead: finite for any positive doubles.
     */
    static double logReturn(double c, double p) {
        double q = c / p;
        return q >= Double.MIN_NORMAL && q <= Double.MAX_VALUE ? Math.log(q) : Math.log(c) - Math.log(p);
    }

    /** If the std is below {@link #STD_FLOOR}: 0 when r equals the mean (within the floor), else +-Z_CAP. */
    private double zScore(double r) {
        double dev = r - zStats.mean();
        double sd = zStats.sampleStd();
        if (sd < STD_FLOOR) return Math.abs(dev) <= STD_FLOOR ? 0.0 : Math.copySign(Z_CAP, dev);
        double z = dev / sd;
        return Math.max(-Z_CAP, Math.min(Z_CAP, z));
    }

    /** close_t / close_{t-M} - 1; the ratio of two extreme doubles may overflow: capped at MAX_VALUE. */
    private static double momentum(double close, double back) {
        return Math.min(close / back - 1.0, Double.MAX_VALUE);
    }

    /** Batch over bars: same engine, same code path as the stream. */
    public static FeatureMatrix computeAll(FeatureSpec spec, List<Bar> bars) {
        int n = bars.size();
        long[] open = new long[n];
        double[] closes = new double[n];
        boolean[] gaps = new boolean[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            if (!b.interval().equals(spec.interval())) {
                throw new IllegalArgumentException("bar interval " + b.interval() + " does not match spec " + spec.interval());
            }
            // Same refusal as onBar: features of a shuffled series would be silently wrong.
            if (i > 0 && b.openTime() <= open[i - 1]) {
                throw new IllegalArgumentException("bar " + b.openTime() + " is not after " + open[i - 1]);
            }
            open[i] = b.openTime();
            closes[i] = b.close();
            gaps[i] = b.gap();
        }
        return computeAll(spec, open, closes, gaps);
    }

    /**
     * Batch over arrays in bar order ({@code gaps} may be null: no gap bars; open times are only
     * copied). Rows start after warm-up.
     */
    public static FeatureMatrix computeAll(FeatureSpec spec, long[] openTimes, double[] closes, boolean[] gaps) {
        int n = closes.length;
        if (openTimes.length != n || (gaps != null && gaps.length != n)) {
            throw new IllegalArgumentException("openTimes, closes and gaps must have the same length");
        }
        FeatureEngine engine = new FeatureEngine(spec);
        int rows = Math.max(0, n - engine.warmUpBars());
        long[] rowOpen = new long[rows];
        double[] rowClose = new double[rows];
        double[] values = new double[rows * FeatureMatrix.COLUMNS];
        int row = 0;
        for (int i = 0; i < n; i++) {
            if (engine.update(closes[i], gaps != null && gaps[i], values, row * FeatureMatrix.COLUMNS)) {
                rowOpen[row] = openTimes[i];
                rowClose[row++] = closes[i];
            }
        }
        return new FeatureMatrix(rowOpen, rowClose, values);
    }
}
