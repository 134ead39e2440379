package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.market.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a sorted bar list contiguous as docs/features.md requires (window lengths in bars are
 * window lengths in time): an interval missing between two bars becomes a gap bar at the
 * previous close. Two bars with the same open time are refused.
 */
final class BarSeries {

    private BarSeries() {
    }

    static RawInput contiguous(List<Bar> sorted, List<String> inputs) {
        List<Bar> out = new ArrayList<>(sorted.size());
        int filled = 0;
        for (Bar b : sorted) {
            if (!out.isEmpty()) {
                Bar prev = out.get(out.size() - 1);
                if (b.openTime() == prev.openTime()) {
                    throw new DatasetException("duplicate bar " + b.symbol() + " " + b.interval() + " at openTime " + b.openTime());
                }
                long step = b.interval().millis();
                for (long t = prev.openTime() + step; t < b.openTime(); t += step, filled++) {
                    out.add(Bar.gap(b.symbol(), b.interval(), t, out.get(out.size() - 1).close()));
                }
            }
            out.add(b);
        }
        List<String> keys = new ArrayList<>(inputs);
        keys.sort(null);
        return new RawInput(List.copyOf(out), List.copyOf(keys), filled);
    }
}
