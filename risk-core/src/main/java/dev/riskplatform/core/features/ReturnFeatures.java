package dev.riskplatform.core.features;

/**
 * Feature spec version 1, in raw units (docs/features.md), with r_t = log_return:
 * <ul>
 *   <li>log_return r_t = ln(close_t / close_{t-1}); 0 for a gap bar (no trade, no move).</li>
 *   <li>volatility = sample std (ddof=1) of r_{t-V+1..t}.</li>
 *   <li>z_score = (r_t - mean(r_{t-Z..t-1})) / std(r_{t-Z..t-1}): r_t is excluded so a jump is
 *       not diluted by itself; capped as {@link FeatureEngine#ratio}.</li>
 *   <li>momentum = close_t / close_{t-M} - 1.</li>
 * </ul>
 * High, low, volume and trade count are not used.
 */
final class ReturnFeatures implements FeatureDefinition {

    private final int warmUp;
    private final double[] pastCloses; // ring of the last M closes, for momentum
    private final RollingStats volStats, zStats;
    private int closePos;
    private long bars;
    private double prevClose;

    ReturnFeatures(FeatureSpec spec) {
        this.warmUp = spec.warmUpBars();
        this.pastCloses = new double[spec.momentumWindow()];
        this.volStats = new RollingStats(spec.volatilityWindow());
        this.zStats = new RollingStats(spec.zScoreWindow());
    }

    @Override
    public boolean update(double high, double low, double close, double volume, long trades, boolean gap, double[] out, int offset) {
        long i = bars++;
        double back = pastCloses[closePos]; // close_{i-M} once i >= M
        pastCloses[closePos] = close;
        if (++closePos == pastCloses.length) closePos = 0;
        if (i == 0) {
            prevClose = close;
            return false;
        }
        double r = gap ? 0.0 : FeatureEngine.logReturn(close, prevClose);
        prevClose = close;
        boolean ready = i >= warmUp;
        if (ready) out[offset + 2] = FeatureEngine.ratio(r - zStats.mean(), zStats.sampleStd()); // r_t not yet in the window
        zStats.push(r);
        volStats.push(r);
        if (!ready) return false;
        out[offset] = r;
        double vol = volStats.sampleStd();
        out[offset + 1] = vol < FeatureEngine.STD_FLOOR ? 0.0 : vol;
        out[offset + 3] = momentum(close, back);
        return true;
    }

    /** close_t / close_{t-M} - 1; the ratio of two extreme doubles may overflow: capped at MAX_VALUE. */
    private static double momentum(double close, double back) {
        return Math.min(close / back - 1.0, Double.MAX_VALUE);
    }
}
