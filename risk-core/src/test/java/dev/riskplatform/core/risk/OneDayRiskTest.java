package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** 1-day VaR/ES on fixtures whose answers are computed by hand below (numpy/scipy: {@link OneDayRiskNumpyTest}). */
class OneDayRiskTest {

    /**
     * 40 returns: −0.05, −0.04 and 38 × +0.01. Historical: k95 = ceil(40 · 0.05) = 2 → VaR95 = −r_(2) = 0.04,
     * ES95 = −(−0.05 − 0.04)/2 = 0.045; k99 = max(1, ceil(0.4)) = 1 → VaR99 = ES99 = 0.05.
     */
    @Test
    void historicalSimulationByHand() {
        double[] r = new double[40];
        Arrays.fill(r, 0.01);
        r[3] = -0.05;
        r[30] = -0.04;
        OneDayRisk risk = OneDayRisk.of(r);
        assertEquals(40, risk.windowDays());
        assertEquals(0.04, risk.historical().var95(), 1e-15);
        assertEquals(0.045, risk.historical().es95(), 1e-15);
        assertEquals(0.05, risk.historical().var99(), 1e-15);
        assertEquals(0.05, risk.historical().es99(), 1e-15);
    }

    /**
     * Returns all ±0.02: every weight multiplies 0.0004, so σ = 0.02 whatever λ. Then
     * VaR95 = 0.02 · 1.6448536 = 0.0328971, ES95 = 0.02 · φ(1.6448536)/0.05 = 0.02 · 0.1031356/0.05 = 0.0412543,
     * VaR99 = 0.02 · 2.3263479 = 0.0465270, ES99 = 0.02 · φ(2.3263479)/0.01 = 0.02 · 0.0266521/0.01 = 0.0533043.
     */
    @Test
    void ewmaOfConstantMagnitudeIsThatMagnitude() {
        double[] r = new double[25];
        for (int i = 0; i < r.length; i++) r[i] = i % 2 == 0 ? 0.02 : -0.02;
        OneDayRisk risk = OneDayRisk.of(r);
        assertEquals(0.02, risk.ewmaSigma(), 1e-15);
        assertEquals(0.0328971, risk.ewma().var95(), 1e-7);
        assertEquals(0.0412543, risk.ewma().es95(), 1e-7);
        assertEquals(0.0465270, risk.ewma().var99(), 1e-7);
        assertEquals(0.0533043, risk.ewma().es99(), 1e-7);
    }

    /**
     * 20 returns, only the newest non-zero (0.1): σ² = 1 · 0.01 / Σ_{i=0}^{19} 0.94^i
     * = 0.01 · (1 − 0.94)/(1 − 0.94^20) = 0.01 · 0.06 / (1 − 0.2901062) = 0.0006/0.7098938 = 0.000845197,
     * σ = 0.0290723. The oldest alone non-zero weighs 0.94^19 = 0.3086237 times as much: σ = 0.0161508.
     */
    @Test
    void ewmaWeightsTheNewestReturnMost() {
        double[] r = new double[20];
        r[19] = 0.1;
        assertEquals(0.0290723, OneDayRisk.of(r).ewmaSigma(), 1e-7);
        double[] old = new double[20];
        old[0] = 0.1;
        assertEquals(0.0161508, OneDayRisk.of(old).ewmaSigma(), 1e-7);
    }

    @Test
    void missingDaysAreSkippedAndAShortWindowGivesNoVar() {
        double[] r = new double[30];
        Arrays.fill(r, 0.01);
        for (int i = 0; i < 11; i++) r[2 * i] = Double.NaN; // 19 returns left
        OneDayRisk risk = OneDayRisk.of(r);
        assertEquals(19, risk.windowDays());
        assertNull(risk.historical().var99());
        assertNull(risk.ewmaSigma());
    }

    /** Closes 100, (none), 110, 121 and today 133.1: returns NaN, NaN, ln 1.1, ln 1.1. */
    @Test
    void dailyReturnsSkipDaysWithoutBothCloses() {
        double[] r = OneDayRisk.dailyReturns(new double[] {100, Double.NaN, 110, 121}, 133.1);
        assertEquals(4, r.length);
        assertEquals(Double.NaN, r[0]);
        assertEquals(Double.NaN, r[1]);
        assertEquals(Math.log(1.1), r[2], 1e-15);
        assertEquals(Math.log(1.1), r[3], 1e-15);
    }
}
