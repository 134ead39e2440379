package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.market.Bar;
import java.util.List;

/**
 * Bars read from raw/ with the objects they came from.
 *
 * @param bars   contiguous bars in time order (missing intervals filled with gap bars)
 * @param inputs "key sha256" of every object read, in key order: the input half of the dataset hash
 * @param gapsFilled intervals with no bar between two real bars, filled as gap bars
 */
public record RawInput(List<Bar> bars, List<String> inputs, int gapsFilled) {
}
