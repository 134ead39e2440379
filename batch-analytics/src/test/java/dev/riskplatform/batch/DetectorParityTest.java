package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.riskplatform.batch.input.BarValidator;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureVector;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.io.ProcessedBar;
import dev.riskplatform.io.ProcessedBarParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch features and scores against the detector's streaming path (FeatureEngine.onBar, one bar at a
 * time, then the model per vector): bit-identical for the same bars (the batch's look-back + the day),
 * and within 1e-12 of a stream that started a whole day earlier (the sliding sums' rounding differs).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DetectorParityTest extends BatchTestBase {

    private static final String SYMBOL = "PARITYUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 8, 5);

    @Test
    void processedFeaturesEqualStreamingFeatures() throws Exception {
        List<RawBar> prevRaw = BatchFixtures.day(SYMBOL, DAY.minusDays(1), 61, 45_000);
        List<RawBar> dayRaw = BatchFixtures.day(SYMBOL, DAY, 62, prevRaw.get(1439).close());
        BatchFixtures.writeRaw(writer, SYMBOL, DAY.minusDays(1), prevRaw);
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, dayRaw);
        runner.run(SYMBOL, DAY, DAY);
        List<ProcessedBar> processed = new ProcessedBarParquet().read(processedFile(SYMBOL, DAY));
        RegisteredModel model = registry.loadPromoted(BatchFixtures.MODEL);
        List<Bar> prev = BarValidator.validate(SYMBOL, BatchFixtures.M1, DAY.minusDays(1), List.of(BatchFixtures.columns(prevRaw))).bars();
        List<Bar> day = BarValidator.validate(SYMBOL, BatchFixtures.M1, DAY, List.of(BatchFixtures.columns(dayRaw))).bars();
        int history = model.artifact().featureSpec().historyBars();

        List<FeatureVector> sameBars = stream(model, prev.subList(1440 - history - 1, 1440), day);
        List<FeatureVector> longer = stream(model, prev, day);
        assertEquals(day.size(), processed.size());
        for (int i = 0; i < processed.size(); i++) {
            ProcessedBar p = processed.get(i);
            FeatureVector v = sameBars.get(i);
            assertNotNull(v, "the day's first bar is already warm");
            assertEquals(v.openTime(), p.openTime());
            List<String> names = model.artifact().featureSpec().featureNames();
            double[] batch = names.stream().mapToDouble(p::feature).toArray();
            for (int f = 0; f < names.size(); f++) {
                assertEquals(Double.doubleToRawLongBits(v.value(f)), Double.doubleToRawLongBits(batch[f]), "bar " + i + " feature " + f);
                assertEquals(longer.get(i).value(f), batch[f], 1e-12 * Math.max(1, Math.abs(batch[f])));
            }
            assertEquals(Double.doubleToRawLongBits(model.artifact().servedScorer().score(v.values())), Double.doubleToRawLongBits(p.score()));
            assertEquals(model.artifact().scorer().id(), p.scorer());
            assertEquals(model.version(), p.modelVersion());
        }
    }

    /** The detector's path: onBar per bar; returns the vectors of the day's bars (null before warm-up). */
    private static List<FeatureVector> stream(RegisteredModel model, List<Bar> before, List<Bar> day) {
        FeatureEngine engine = new FeatureEngine(model.artifact().featureSpec());
        before.forEach(engine::onBar);
        List<FeatureVector> out = new ArrayList<>();
        for (Bar b : day) out.add(engine.onBar(b));
        return out;
    }
}
