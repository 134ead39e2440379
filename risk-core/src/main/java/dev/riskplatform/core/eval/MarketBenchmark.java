package dev.riskplatform.core.eval;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A labelled benchmark of realistic one-minute OHLCV bars of one symbol, fully determined by its
 * seed, for evaluating anomaly detectors on a market that has the stylised facts of real crypto
 * data (so that a detector cannot score well just by flagging every big move).
 *
 * <p><b>Normal market.</b> Bar t (t = 0, 1, …) opens at 2024-01-01T00:00Z + t minutes; m(t) = t mod 1440
 * is its minute of the UTC day.
 * <ul>
 *   <li><b>Intraday seasonality</b>: s(m) = c · (1 + A·cos(2π(m − {@link #PEAK_MINUTE})/1440))
 *       · (1 + {@link #HOUR_BUMP}·exp(−(m mod 60)/{@link #HOUR_BUMP_MINUTES})), peak at 14:30 UTC
 *       (US open inside the EU session), trough at 02:30 UTC, a bump at the top of each hour; c makes
 *       the daily mean of s² equal 1. With A = 0.4 the busiest/calmest minute ratio is ≈ 2.9.</li>
 *   <li><b>Regimes</b>: the long-run variance V_L is redrawn at the start of each regime as
 *       V_L = V̄ · R^(u − ½) / E[R^(u − ½)], u ~ U(0, 1) (log-uniform over a range R of variance,
 *       mean V̄ = annualVol² / 525,600, the background variance outside bursts); regime lengths
 *       are exponential with mean {@code regimeMeanDays} days, so calm and busy weeks alternate.</li>
 *   <li><b>GARCH(1,1)</b> on the de-seasonalised variance: h_t = ω_t + α·ε²_{t−1} + β·h_{t−1},
 *       ω_t = (1 − α − β)·V_L(t), ε_t = √h_t · z_t, h_0 = V_L(0). Only the diffusive part ε feeds
 *       the recursion: labelled events leave no GARCH after-shock.</li>
 *   <li><b>Fat tails</b>: z_t = T·√((ν − 2)/ν), T ~ Student-t(ν) (unit variance), T = N / √(χ²_ν/ν).</li>
 *   <li><b>Bar σ and return</b>: σ_t = s(m(t)) · √h_t · b_t (b_t = volatility-burst multiplier,
 *       normally 1); r_t = σ_t · z_t (+ the anomaly terms below).</li>
 *   <li><b>OHLC</b> from an intra-bar path of K = {@link #SUB_STEPS} steps: W_j = Σ_{i≤j} σ_t/√K · N_i,
 *       bridged to the bar return, x_j = W_j − (j/K)(W_K − r_t), x_0 = 0; open = previous close
 *       (bar 0: {@link #START_PRICE}), close = open·e^{x_K}, high = open·e^{max x}, low = open·e^{min x},
 *       vwap = open · (1/K)Σ_{j≥1} e^{x_j} (so low ≤ open, close, vwap ≤ high and low &gt; 0).</li>
 *   <li><b>Volume</b>: ln V_t = ln V₀ + {@link #VOLUME_SEASONAL_ELASTICITY}·ln s(m)
 *       + {@link #VOLUME_VOL_ELASTICITY}·ln(√h_t·b_t / √V̄)
 *       + {@link #VOLUME_MOVE_ELASTICITY}·ln((1 + |z_t|)/(1 + {@link #VOLUME_MOVE_REF})) + a_t,
 *       with a_t = φ·a_{t−1} + √(1 − φ²)·{@link #VOLUME_LOG_SD}·N (AR(1), φ = {@link #VOLUME_AR}):
 *       volume rises with the bar's move in units of its σ, with the volatility level and with the
 *       intraday multiplier, and is persistent. quoteVolume = V·vwap.</li>
 *   <li><b>Trade count</b>: negative binomial, n_t ~ Poisson(λ), λ = κ·V_t·G/k, G ~ Gamma(k),
 *       k = {@link #TRADE_COUNT_GAMMA_SHAPE}, κ = {@code tradesPerVolume}; n_t ≥ 1. Trade ids are
 *       consecutive from {@link #FIRST_TRADE_ID}.</li>
 * </ul>
 *
 * <p><b>Labelled anomalies.</b> N = round(anomaliesPerDay · (bars − {@link #WARM_UP_BARS}) / 1440)
 * events, kinds in equal shares (i mod 4, shuffled), placed uniformly at random in
 * [{@link #WARM_UP_BARS}, bars) with at least {@link #MIN_EVENT_GAP} bars between the end of one
 * event's footprint and the start of the next (a uniform random composition of the free bars).
 * <ul>
 *   <li><b>JUMP</b>: r_t += ±μ·σ_t, μ ~ U[{@link #JUMP_MIN_SIGMAS}, {@link #JUMP_MAX_SIGMAS}], at a random
 *       sub-step; V_t ×U[{@link #JUMP_MIN_VOLUME_FACTOR}, {@link #JUMP_MAX_VOLUME_FACTOR}]. Label: that bar.</li>
 *   <li><b>FLASH_CRASH</b>: depth d = μ·σ_t, μ ~ U[{@link #CRASH_MIN_SIGMAS}, {@link #CRASH_MAX_SIGMAS}].
 *       With probability {@link #CRASH_ONE_BAR_SHARE} within one bar: x_{j₀} = −d (low = open·e^{−d}),
 *       then x_j = W̃_j − d·((1 − ρ) + ρ·((K − j)/(K − j₀))²), ρ ~ U[{@link #CRASH_ONE_BAR_MIN_RECOVERY}, 1]:
 *       a long lower wick, close near the open. Otherwise over 2 or 3 bars: the first bar falls by d
 *       (in 3 sub-steps), the next bar(s) recover ρ·d, ρ ~ U[{@link #CRASH_MIN_RECOVERY},
 *       {@link #CRASH_MAX_RECOVERY}] (a 3-bar crash splits the recovery a : 1 − a,
 *       a ~ U[{@link #CRASH_MIN_SPLIT}, {@link #CRASH_MAX_SPLIT}]), along x_j += rec·√(j/K). Each crash bar's
 *       volume ×U[{@link #CRASH_MIN_VOLUME_FACTOR}, {@link #CRASH_MAX_VOLUME_FACTOR}]. Label: every crash bar.</li>
 *   <li><b>VOLATILITY_BURST</b>: b_t = f, f ~ U[{@link #BURST_MIN_FACTOR}, {@link #BURST_MAX_FACTOR}], for
 *       D ~ U{{@link #BURST_MIN_BARS}..{@link #BURST_MAX_BARS}} bars, then b_t = 1 + (b_{t−1} − 1)·e^{−1/τ},
 *       τ = {@link #BURST_DECAY_BARS}; footprint D + 3τ. Label: the first {@link #BURST_LABEL_BARS}
 *       bars only (the onset). At the defaults the bursts' unlabelled bodies raise the realised
 *       annual vol of all unlabelled bars from ≈ 0.6 to ≈ 0.85-1.0 and their excess kurtosis from ≈ 40 to
 *       several hundred: a detector must not mistake the body of a burst for new events.</li>
 *   <li><b>VOLUME_SPIKE</b>: a bar with a normal price path gets V_t ×U[{@link #SPIKE_MIN_FACTOR},
 *       {@link #SPIKE_MAX_FACTOR}] (and so its trade count): a wash-trading / spoofing print. Label: that bar.</li>
 * </ul>
 * {@code labels[i]} is true when bar i is part of a labelled anomaly and {@code kinds[i]} is its
 * {@link Kind#ordinal()} ({@link Kind#NONE} otherwise, including the unlabelled body of a burst).
 * Generation is O(bars·K) with one {@link Random}; 500,000 bars take well under 2 s.
 */
public record MarketBenchmark(List<Bar> bars, boolean[] labels, byte[] kinds) {

    /** What a bar is labelled as; {@code kinds[i] = kind.ordinal()}. */
    public enum Kind { NONE, JUMP, FLASH_CRASH, VOLATILITY_BURST, VOLUME_SPIKE }

    /**
     * The knobs of the generator.
     *
     * @param annualVol         annualised σ of the background market (RMS over regimes and the day, outside
     *                          volatility bursts, which add on top), e.g. 0.6
     * @param anomaliesPerDay   labelled events per day (all kinds together)
     * @param garchAlpha        GARCH α: reaction of the variance to the last shock
     * @param garchBeta         GARCH β: memory of the variance; α + β is the persistence (&lt; 1)
     * @param tailDof           Student-t degrees of freedom ν of the innovations (&gt; 2)
     * @param regimeRange       ratio of the busiest to the calmest long-run variance level (≥ 1)
     * @param regimeMeanDays    mean length of a volatility regime, in days
     * @param intradayAmplitude A, amplitude of the daily cosine in σ (0 ≤ A &lt; 1)
     * @param baseVolume        V₀, the volume level: a normal bar trades ≈ V₀ on average (median ≈ 0.8·V₀)
     * @param tradesPerVolume   κ, mean trades per unit of volume
     */
    public record Params(double annualVol, double anomaliesPerDay, double garchAlpha, double garchBeta,
                         double tailDof, double regimeRange, double regimeMeanDays, double intradayAmplitude,
                         double baseVolume, double tradesPerVolume) {

        public Params {
            if (!(annualVol > 0) || !Double.isFinite(annualVol)) throw new IllegalArgumentException("annualVol must be > 0: " + annualVol);
            if (!(anomaliesPerDay >= 0) || !Double.isFinite(anomaliesPerDay)) throw new IllegalArgumentException("anomaliesPerDay must be >= 0: " + anomaliesPerDay);
            if (!(garchAlpha >= 0) || !(garchBeta >= 0) || !(garchAlpha + garchBeta < 1)) {
                throw new IllegalArgumentException("GARCH needs alpha, beta >= 0 and alpha + beta < 1: " + garchAlpha + ", " + garchBeta);
            }
            if (!(tailDof > 2) || !Double.isFinite(tailDof)) throw new IllegalArgumentException("tailDof must be > 2 (finite variance): " + tailDof);
            if (!(regimeRange >= 1) || !Double.isFinite(regimeRange)) throw new IllegalArgumentException("regimeRange must be >= 1: " + regimeRange);
            if (!(regimeMeanDays > 0) || !Double.isFinite(regimeMeanDays)) throw new IllegalArgumentException("regimeMeanDays must be > 0: " + regimeMeanDays);
            if (!(intradayAmplitude >= 0 && intradayAmplitude < 1)) throw new IllegalArgumentException("intradayAmplitude must be in [0, 1): " + intradayAmplitude);
            if (!(baseVolume > 0) || !Double.isFinite(baseVolume)) throw new IllegalArgumentException("baseVolume must be > 0: " + baseVolume);
            if (!(tradesPerVolume > 0) || !Double.isFinite(tradesPerVolume)) throw new IllegalArgumentException("tradesPerVolume must be > 0: " + tradesPerVolume);
        }

        /**
         * BTC-like defaults: 60 % annual vol; 2 events a day; α = 0.05, β = 0.935 (persistence 0.985,
         * half-life ≈ 46 min); ν = 4; long-run variance over a 10× range (σ over ≈ 3.2×), regimes of
         * 3 days on average; A = 0.4; 20 BTC a minute; 40 trades per BTC (≈ 800 trades a minute).
         */
        public static Params defaults() {
            return new Params(0.60, 2.0, 0.05, 0.935, 4.0, 10.0, 3.0, 0.40, 20.0, 40.0);
        }
    }

    /** One-minute bars. */
    public static final BarInterval INTERVAL = BarInterval.parse("1m");
    /** Open time of bar 0: 2024-01-01T00:00:00Z. */
    public static final long START_MILLIS = 1_704_067_200_000L;
    /** Open price of bar 0 (a BTC-like level). */
    public static final double START_PRICE = 40_000;
    /** Id of the first trade of bar 0. */
    public static final long FIRST_TRADE_ID = 1L;
    /** Minutes in a UTC day: the period of the intraday seasonality. */
    public static final int MINUTES_PER_DAY = 1_440;
    /** Minutes in a year: crypto trades 24/7/365, so annualVol = σ_minute·√525,600. */
    public static final double MINUTES_PER_YEAR = 525_600;
    /** Sub-steps of the intra-bar Brownian path that yields high, low and vwap. */
    public static final int SUB_STEPS = 12;

    /** Minute of the UTC day with the highest σ: 14:30, the US open inside the EU session. */
    public static final int PEAK_MINUTE = 14 * 60 + 30;
    /** Extra σ at the first minute of every hour (hourly fixings, scheduled news, bots). */
    public static final double HOUR_BUMP = 0.25;
    /** e-folding time in minutes of the top-of-the-hour bump. */
    public static final double HOUR_BUMP_MINUTES = 2;

    /** Elasticity of volume to the intraday multiplier s(m): busy hours trade more. */
    public static final double VOLUME_SEASONAL_ELASTICITY = 1.0;
    /** Elasticity of volume to the volatility level √h·b: busy regimes and bursts trade more. */
    public static final double VOLUME_VOL_ELASTICITY = 0.6;
    /** Elasticity of volume to (1 + |z|): a bar that moves many of its σ trades more. */
    public static final double VOLUME_MOVE_ELASTICITY = 0.8;
    /** The |z| of an ordinary bar (≈ E|z| for ν = 4), at which the move term is zero. */
    public static final double VOLUME_MOVE_REF = 0.7;
    /** AR(1) coefficient of the idiosyncratic log volume: volume is persistent minute to minute. */
    public static final double VOLUME_AR = 0.7;
    /** Stationary standard deviation of the idiosyncratic log volume. */
    public static final double VOLUME_LOG_SD = 0.5;
    /** Gamma shape of the trade-count intensity: average trade size varies ≈ 20 % bar to bar. */
    public static final double TRADE_COUNT_GAMMA_SHAPE = 25;

    /** Bars at the start without anomalies (detector warm-up). */
    public static final int WARM_UP_BARS = 1_500;
    /** Minimum number of bars between the end of one event's footprint and the next event. */
    public static final int MIN_EVENT_GAP = 60;

    /** Smallest jump, in σ_t of its bar. */
    public static final double JUMP_MIN_SIGMAS = 5;
    /** Largest jump, in σ_t of its bar. */
    public static final double JUMP_MAX_SIGMAS = 12;
    /** Smallest volume multiplier of a jump bar (some jumps happen on thin books). */
    public static final double JUMP_MIN_VOLUME_FACTOR = 1;
    /** Largest volume multiplier of a jump bar. */
    public static final double JUMP_MAX_VOLUME_FACTOR = 4;

    /** Smallest flash-crash depth, in σ_t. */
    public static final double CRASH_MIN_SIGMAS = 8;
    /** Largest flash-crash depth, in σ_t. */
    public static final double CRASH_MAX_SIGMAS = 20;
    /** Share of flash crashes that fall and recover inside one bar (a long lower wick). */
    public static final double CRASH_ONE_BAR_SHARE = 0.5;
    /** Least recovered fraction of a one-bar crash by the close. */
    public static final double CRASH_ONE_BAR_MIN_RECOVERY = 0.85;
    /** Least recovered fraction of a 2-3 bar crash. */
    public static final double CRASH_MIN_RECOVERY = 0.7;
    /** Most recovered fraction of a 2-3 bar crash. */
    public static final double CRASH_MAX_RECOVERY = 0.95;
    /** Least share of a 3-bar crash's recovery made in its second bar. */
    public static final double CRASH_MIN_SPLIT = 0.4;
    /** Most share of a 3-bar crash's recovery made in its second bar. */
    public static final double CRASH_MAX_SPLIT = 0.8;
    /** Sub-steps over which a multi-bar crash falls (a liquidation cascade, not one print). */
    public static final int CRASH_FALL_STEPS = 3;
    /** Smallest volume multiplier of a crash bar (liquidations). */
    public static final double CRASH_MIN_VOLUME_FACTOR = 3;
    /** Largest volume multiplier of a crash bar. */
    public static final double CRASH_MAX_VOLUME_FACTOR = 10;

    /** Smallest σ multiplier of a volatility burst (news, liquidation spiral). */
    public static final double BURST_MIN_FACTOR = 4;
    /** Largest σ multiplier of a volatility burst. */
    public static final double BURST_MAX_FACTOR = 8;
    /** Shortest burst at the full multiplier, in bars. */
    public static final int BURST_MIN_BARS = 30;
    /** Longest burst at the full multiplier, in bars. */
    public static final int BURST_MAX_BARS = 180;
    /** e-folding time, in bars, of the multiplier's decay back to 1 after the burst. */
    public static final double BURST_DECAY_BARS = 20;
    /** Bars of a burst that are labelled: the onset, the only part a detector can be asked to flag. */
    public static final int BURST_LABEL_BARS = 5;

    /** Smallest volume multiplier of a volume spike. */
    public static final double SPIKE_MIN_FACTOR = 8;
    /** Largest volume multiplier of a volume spike. */
    public static final double SPIKE_MAX_FACTOR = 30;

    private static final Kind[] EVENT_KINDS = {Kind.JUMP, Kind.FLASH_CRASH, Kind.VOLATILITY_BURST, Kind.VOLUME_SPIKE};
    private static final int BURST_DECAY_FOOTPRINT = (int) Math.ceil(3 * BURST_DECAY_BARS);

    public MarketBenchmark {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(kinds, "kinds");
        bars = List.copyOf(bars);
        if (labels.length != bars.size() || kinds.length != bars.size()) {
            throw new IllegalArgumentException(bars.size() + " bars but " + labels.length + " labels and " + kinds.length + " kinds");
        }
        int kindCount = Kind.values().length;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] < 0 || kinds[i] >= kindCount || labels[i] != (kinds[i] != 0)) {
                throw new IllegalArgumentException("bar " + i + ": label " + labels[i] + " does not match kind " + kinds[i]);
            }
        }
    }

    /** {@code bars} one-minute bars of {@code symbol} with {@link Params#defaults()}. */
    public static MarketBenchmark generate(String symbol, int bars, long seed) {
        return generate(symbol, bars, seed, Params.defaults());
    }

    /** {@code bars} one-minute bars of {@code symbol}; see the class comment for the model. */
    public static MarketBenchmark generate(String symbol, int bars, long seed, Params p) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(p, "params");
        if (bars < 1) throw new IllegalArgumentException("bars must be >= 1: " + bars);
        Random rng = new Random(seed);
        final int k = SUB_STEPS;

        // --- the anomaly schedule: kinds, footprints, uniform non-overlapping placement
        int n = bars > WARM_UP_BARS ? (int) Math.round(p.anomaliesPerDay() * (bars - WARM_UP_BARS) / MINUTES_PER_DAY) : 0;
        Kind[] evKind = new Kind[n];
        int[] evLen = new int[n];
        int[] evStart = new int[n];
        long footprints = 0;
        for (int e = 0; e < n; e++) evKind[e] = EVENT_KINDS[e % EVENT_KINDS.length];
        for (int e = n - 1; e > 0; e--) {
            int j = rng.nextInt(e + 1);
            Kind t = evKind[e]; evKind[e] = evKind[j]; evKind[j] = t;
        }
        int[] footprint = new int[n];
        for (int e = 0; e < n; e++) {
            switch (evKind[e]) {
                case FLASH_CRASH -> evLen[e] = rng.nextDouble() < CRASH_ONE_BAR_SHARE ? 1 : 2 + rng.nextInt(2);
                case VOLATILITY_BURST -> evLen[e] = BURST_MIN_BARS + rng.nextInt(BURST_MAX_BARS - BURST_MIN_BARS + 1);
                default -> evLen[e] = 1;
            }
            footprint[e] = evLen[e] + (evKind[e] == Kind.VOLATILITY_BURST ? BURST_DECAY_FOOTPRINT : 0);
            footprints += footprint[e];
        }
        long slack = n == 0 ? 0 : (long) bars - WARM_UP_BARS - footprints - (long) (n - 1) * MIN_EVENT_GAP;
        if (slack < 0) {
            throw new IllegalArgumentException(n + " anomalies (" + p.anomaliesPerDay() + " a day) do not fit in " + bars + " bars");
        }
        long[] offset = new long[n];
        for (int e = 0; e < n; e++) offset[e] = (long) (rng.nextDouble() * (slack + 1));
        Arrays.sort(offset);
        long used = 0;
        for (int e = 0; e < n; e++) {
            evStart[e] = (int) (WARM_UP_BARS + offset[e] + used);
            used += footprint[e] + MIN_EVENT_GAP;
        }

        // --- the deterministic intraday multiplier s(m), normalised to a mean s² of 1
        double[] season = new double[MINUTES_PER_DAY];
        double sumSq = 0;
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            season[m] = (1 + p.intradayAmplitude() * Math.cos(2 * Math.PI * (m - PEAK_MINUTE) / MINUTES_PER_DAY))
                    * (1 + HOUR_BUMP * Math.exp(-(m % 60) / HOUR_BUMP_MINUTES));
            sumSq += season[m] * season[m];
        }
        double[] lnSeason = new double[MINUTES_PER_DAY];
        double norm = Math.sqrt(sumSq / MINUTES_PER_DAY);
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            season[m] /= norm;
            lnSeason[m] = Math.log(season[m]);
        }

        // --- model constants
        double alpha = p.garchAlpha(), beta = p.garchBeta(), nu = p.tailDof();
        double vBar = p.annualVol() * p.annualVol() / MINUTES_PER_YEAR;          // mean per-minute variance
        double lnSigmaBar = 0.5 * Math.log(vBar);
        double range = p.regimeRange();
        double regimeNorm = range == 1 ? 1 : (Math.sqrt(range) - 1 / Math.sqrt(range)) / Math.log(range); // E[R^(u-1/2)]
        double meanRegimeBars = p.regimeMeanDays() * MINUTES_PER_DAY;
        double tScale = Math.sqrt((nu - 2) / nu);                                 // Student-t to unit variance
        double halfNu = nu / 2;
        double lnBaseVolume = Math.log(p.baseVolume());
        double lnMoveRef = Math.log1p(VOLUME_MOVE_REF);
        double volInnovation = Math.sqrt(1 - VOLUME_AR * VOLUME_AR) * VOLUME_LOG_SD;
        double burstDecay = Math.exp(-1 / BURST_DECAY_BARS);
        double subSd = 1 / Math.sqrt(k);

        // --- the path
        Bar[] out = new Bar[bars];
        boolean[] labels = new boolean[bars];
        byte[] kinds = new byte[bars];
        double[] x = new double[k + 1];
        double open = START_PRICE;
        long nextTradeId = FIRST_TRADE_ID;
        double h = 0, longRun = 0, eps2 = 0, burst = 1, logVolNoise = 0;
        long regimeLeft = 0;
        int next = 0, active = -1;
        double crashDepth = 0, crashRecovery = 0, crashSplit = 0;
        for (int i = 0; i < bars; i++) {
            if (regimeLeft-- <= 0) {
                longRun = vBar * Math.pow(range, rng.nextDouble() - 0.5) / regimeNorm;     // log-uniform level
                regimeLeft = (long) Math.ceil(-meanRegimeBars * Math.log(1 - rng.nextDouble())); // exponential length
                if (i == 0) h = longRun;
            }
            if (i > 0) h = (1 - alpha - beta) * longRun + alpha * eps2 + beta * h;

            if (next < n && i == evStart[next]) active = next++;
            int pos = active >= 0 ? i - evStart[active] : -1;
            Kind kind = active >= 0 && pos < evLen[active] ? evKind[active] : Kind.NONE;

            if (kind == Kind.VOLATILITY_BURST) {
                if (pos == 0) burst = BURST_MIN_FACTOR + (BURST_MAX_FACTOR - BURST_MIN_FACTOR) * rng.nextDouble();
            } else {
                burst = 1 + (burst - 1) * burstDecay;
            }
            int minute = i % MINUTES_PER_DAY;
            double sqrtH = Math.sqrt(h);
            double sigma = season[minute] * sqrtH * burst;

            // Student-t innovation, unit variance: N / sqrt(chi2_nu / nu), chi2_nu = 2 Gamma(nu/2)
            double z = tScale * rng.nextGaussian() / Math.sqrt(2 * gamma(rng, halfNu) / nu);
            double rDiff = sigma * z;
            eps2 = h * z * z;

            // Brownian bridge from 0 to rDiff in k sub-steps
            double w = 0, step = sigma * subSd;
            for (int j = 1; j <= k; j++) {
                w += step * rng.nextGaussian();
                x[j] = w;
            }
            double fix = w - rDiff;
            for (int j = 1; j <= k; j++) x[j] -= fix * j / k;
            x[k] = rDiff;

            double volumeFactor = 1;
            boolean labelled = false;
            switch (kind) {
                case JUMP -> {
                    double jump = (rng.nextBoolean() ? 1 : -1) * sigma * uniform(rng, JUMP_MIN_SIGMAS, JUMP_MAX_SIGMAS);
                    int at = 1 + rng.nextInt(k);
                    for (int j = at; j <= k; j++) x[j] += jump;
                    volumeFactor = uniform(rng, JUMP_MIN_VOLUME_FACTOR, JUMP_MAX_VOLUME_FACTOR);
                    labelled = true;
                }
                case FLASH_CRASH -> {
                    int len = evLen[active];
                    if (pos == 0) crashDepth = sigma * uniform(rng, CRASH_MIN_SIGMAS, CRASH_MAX_SIGMAS);
                    if (len == 1) {
                        double rho = uniform(rng, CRASH_ONE_BAR_MIN_RECOVERY, 1);
                        int bottom = 1 + rng.nextInt(k - 1);
                        x[bottom] = -crashDepth;
                        for (int j = bottom + 1; j <= k; j++) {
                            double left = (double) (k - j) / (k - bottom);
                            x[j] -= crashDepth * ((1 - rho) + rho * left * left);
                        }
                    } else if (pos == 0) {
                        crashRecovery = uniform(rng, CRASH_MIN_RECOVERY, CRASH_MAX_RECOVERY) * crashDepth;
                        crashSplit = len == 2 ? 1 : uniform(rng, CRASH_MIN_SPLIT, CRASH_MAX_SPLIT);
                        int start = 1 + rng.nextInt(k - CRASH_FALL_STEPS + 1);
                        for (int j = start; j <= k; j++) x[j] -= crashDepth * Math.min(1, (j - start + 1) / (double) CRASH_FALL_STEPS);
                    } else {
                        double rec = crashRecovery * (pos == 1 ? crashSplit : 1 - crashSplit);
                        for (int j = 1; j <= k; j++) x[j] += rec * Math.sqrt((double) j / k);
                    }
                    volumeFactor = uniform(rng, CRASH_MIN_VOLUME_FACTOR, CRASH_MAX_VOLUME_FACTOR);
                    labelled = true;
                }
                case VOLATILITY_BURST -> labelled = pos < BURST_LABEL_BARS;
                case VOLUME_SPIKE -> {
                    volumeFactor = uniform(rng, SPIKE_MIN_FACTOR, SPIKE_MAX_FACTOR);
                    labelled = true;
                }
                default -> { }
            }
            if (labelled) {
                labels[i] = true;
                kinds[i] = (byte) kind.ordinal();
            }

            // OHLC and vwap from the path
            double lo = 0, hi = 0, sumPrice = 0;
            for (int j = 1; j <= k; j++) {
                double v = x[j];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
                sumPrice += Math.exp(v);
            }
            double close = open * Math.exp(x[k]);
            double high = open * Math.exp(hi);
            double low = open * Math.exp(lo);
            double vwap = Math.min(high, Math.max(low, open * sumPrice / k));

            // volume and trades
            logVolNoise = VOLUME_AR * logVolNoise + volInnovation * rng.nextGaussian();
            double lnVolume = lnBaseVolume
                    + VOLUME_SEASONAL_ELASTICITY * lnSeason[minute]
                    + VOLUME_VOL_ELASTICITY * (Math.log(sqrtH * burst) - lnSigmaBar)
                    + VOLUME_MOVE_ELASTICITY * (Math.log1p(Math.abs(z)) - lnMoveRef)
                    + logVolNoise;
            double volume = Math.exp(lnVolume) * volumeFactor;
            double intensity = p.tradesPerVolume() * volume * gamma(rng, TRADE_COUNT_GAMMA_SHAPE) / TRADE_COUNT_GAMMA_SHAPE;
            long trades = Math.max(1, poisson(rng, intensity));

            long openTime = START_MILLIS + INTERVAL.millis() * i;
            out[i] = new Bar(symbol, INTERVAL, openTime, openTime + INTERVAL.millis() - 1,
                    open, high, low, close, volume, volume * vwap, vwap,
                    trades, nextTradeId, nextTradeId + trades - 1, false);
            nextTradeId += trades;
            open = close;
        }
        return new MarketBenchmark(Arrays.asList(out), labels, kinds);
    }

    /** Number of labelled bars of kind {@code k} ({@link Kind#NONE}: unlabelled bars). */
    public int count(Kind k) {
        int c = 0;
        byte o = (byte) k.ordinal();
        for (byte b : kinds) if (b == o) c++;
        return c;
    }

    /** Compares bars, labels and kinds by content (the record default compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MarketBenchmark m && bars.equals(m.bars)
                && Arrays.equals(labels, m.labels) && Arrays.equals(kinds, m.kinds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * bars.hashCode() + Arrays.hashCode(labels)) + Arrays.hashCode(kinds);
    }

    /** A summary: the default would print every bar. */
    @Override
    public String toString() {
        List<String> counts = new ArrayList<>();
        for (Kind k : Kind.values()) if (k != Kind.NONE) counts.add(k + "=" + count(k));
        return "MarketBenchmark[" + bars.size() + " bars of " + (bars.isEmpty() ? "?" : bars.get(0).symbol())
                + ", labelled bars " + String.join(", ", counts) + "]";
    }

    private static double uniform(Random rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Gamma(shape, 1) for shape ≥ 1: Marsaglia and Tsang (2000). */
    private static double gamma(Random rng, double shape) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double g = rng.nextGaussian(), v = 1 + c * g;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * g * g * g * g || Math.log(u) < 0.5 * g * g + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** Poisson(λ): Knuth's product of uniforms below 30, the rounded normal approximation above. */
    private static long poisson(Random rng, double lambda) {
        if (lambda < 30) {
            double limit = Math.exp(-lambda), prod = rng.nextDouble();
            long count = 0;
            while (prod > limit) {
                prod *= rng.nextDouble();
                count++;
            }
            return count;
        }
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
    }
}
