package dev.riskplatform.core.features;

/**
 * Feature spec version 2: every feature in units of the symbol's own recent behaviour
 * (docs/features.md). With r_t = ln(close_t / close_{t−1}) (0 for a gap bar), L the level span,
 * S the short span and M the momentum window:
 * <ul>
 *   <li>σ̂²_{t−1}: EWMA (span L) of r² over the returns <em>before</em> t, each winsorised at
 *       {@link #WINSOR}·σ̂ once warmed up: min(r_t², W²·σ̂²_{t−1}). A jump enters the level as a
 *       4σ̂ move, so it does not mask the hour after it, while a lasting rise in volatility still
 *       lifts the level within a few spans.</li>
 *   <li>return_sigma = r_t / σ̂_{t−1}</li>
 *   <li>range_sigma = ln(high_t / low_t) / σ̂_{t−1} (0 for a gap bar): a move that reverts within
 *       the bar, invisible to r_t.</li>
 *   <li>volatility_ratio = ½·ln(BV_t / σ̂²_{t−1}), BV_t = EWMA (span S) of (π/2)·|r_t|·|r_{t−1}|,
 *       the bipower variation (Barndorff-Nielsen and Shephard): a burst of volatility lifts it at
 *       once, a single jump barely (it multiplies an ordinary neighbour).</li>
 *   <li>volume_surprise = (ln v_t − m_{t−1}) / s_{t−1}, m and s the EWMA (span L) level and
 *       dispersion of ln volume over earlier bars; trades_surprise the same for the trade count.
 *       0 for a bar without trades, which does not move the levels.</li>
 *   <li>momentum_sigma = ln(close_t / close_{t−M}) / (σ̂_{t−1}·√M)</li>
 * </ul>
 * Ratios are capped as {@link FeatureEngine#ratio}. Warm-up: {@link FeatureSpec#warmUpBars()}.
 */
final class ScaleFreeFeatures implements FeatureDefinition {

    /** Returns beyond this many σ̂ enter the volatility level at this size. */
    static final double WINSOR = 4.0;
    private static final double HALF_PI = Math.PI / 2;
    private static final double FLOOR_VAR = FeatureEngine.STD_FLOOR * FeatureEngine.STD_FLOOR;

    private final int warmUp, levelSpan;
    private final double sqrtM;
    private final double[] pastCloses; // ring of the last M closes, for momentum
    private final Ewma level, bipower;
    private final LogLevel volume, trades;
    private int closePos;
    private long bars;
    private double prevClose, prevAbsReturn = Double.NaN;

    ScaleFreeFeatures(FeatureSpec spec) {
        this.warmUp = spec.warmUpBars();
        this.levelSpan = spec.volatilityWindow();
        this.sqrtM = Math.sqrt(spec.momentumWindow());
        this.pastCloses = new double[spec.momentumWindow()];
        this.level = new Ewma(levelSpan);
        this.bipower = new Ewma(spec.zScoreWindow());
        this.volume = new LogLevel(levelSpan);
        this.trades = new LogLevel(levelSpan);
    }

    @Override
    public boolean update(double high, double low, double close, double vol, long count, boolean gap, double[] out, int offset) {
        long i = bars++;
        double back = pastCloses[closePos]; // close_{i−M} once i >= M
        pastCloses[closePos] = close;
        if (++closePos == pastCloses.length) closePos = 0;
        boolean traded = !gap && vol > 0 && count > 0;
        double logVolume = traded ? Math.log(vol) : 0.0, logTrades = traded ? Math.log(count) : 0.0;
        if (i == 0) {
            prevClose = close;
            observe(traded, logVolume, logTrades);
            return false;
        }
        double r = gap ? 0.0 : FeatureEngine.logReturn(close, prevClose);
        prevClose = close;
        double var = level.mean(); // σ̂²_{t−1}: r_t not yet in it
        double absR = Math.abs(r);
        if (!Double.isNaN(prevAbsReturn)) bipower.push(HALF_PI * absR * prevAbsReturn);
        prevAbsReturn = absR;
        boolean ready = i >= warmUp;
        if (ready) {
            double sigma = Math.sqrt(var);
            out[offset] = FeatureEngine.ratio(r, sigma);
            out[offset + 1] = gap ? 0.0 : FeatureEngine.ratio(FeatureEngine.logReturn(high, low), sigma);
            out[offset + 2] = 0.5 * Math.log(Math.max(bipower.mean(), FLOOR_VAR) / Math.max(var, FLOOR_VAR));
            out[offset + 3] = traded ? volume.surprise(logVolume) : 0.0;
            out[offset + 4] = traded ? trades.surprise(logTrades) : 0.0;
            out[offset + 5] = FeatureEngine.ratio(FeatureEngine.logReturn(close, back), sigma * sqrtM);
        }
        double r2 = r * r;
        level.push(i > levelSpan ? Math.min(r2, WINSOR * WINSOR * var) : r2); // winsorised once σ̂ rests on L returns
        observe(traded, logVolume, logTrades);
        return ready;
    }

    private void observe(boolean traded, double logVolume, double logTrades) {
        if (!traded) return;
        volume.push(logVolume);
        trades.push(logTrades);
    }
}
