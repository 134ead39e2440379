package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.io.FeatureParquet;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * raw/bars → features/ (docs/storage.md). Features come from risk-core's FeatureEngine.computeAll,
 * the code path the detector and batch jobs run. The dataset is written once with If-None-Match
 * (one PUT: never half-visible) and an identical request reuses it.
 */
@ApplicationScoped
public class FeatureDatasetBuilder {

    private static final Logger LOG = Logger.getLogger(FeatureDatasetBuilder.class);
    private final ObjectStore store;
    private final RawBarReader reader;


    public FeatureDatasetBuilder(ObjectStore store, RawBarReader reader) {
        this.store = store;
        this.reader = reader;
    }

    public FeatureDataset build(DatasetRequest r) {
        long t0 = System.nanoTime();
        RawInput raw = reader.read(r.symbol(), r.spec().interval(), r.from(), r.to());
        LOG.infof("read %d bars (%d gap bars filled) from %d objects for %s %s %s..%s in %d ms", raw.bars().size(),
                raw.gapsFilled(), raw.inputs().size(), r.symbol(), r.spec().interval(), r.from(), r.to(), ms(t0));
        int needed = r.spec().warmUpBars() + 1;
        if (raw.bars().size() < needed) {
            throw new DatasetException(r.symbol() + " " + r.spec().interval() + " " + r.from() + ".." + r.to() + " has "
                    + raw.bars().size() + " bars, fewer than the warm-up of " + r.spec().warmUpBars() + " + 1 needed for one feature row");
        }
        String hash = DatasetKeys.contentHash(r, raw.inputs());
        String key = DatasetKeys.key(r, hash);
        Optional<byte[]> existing = store.get(key);
        if (existing.isPresent()) {
            LOG.infof("reusing feature dataset %s", key);
            return new FeatureDataset(key, hash, new FeatureParquet(r.spec()).readMatrix(existing.get()), true);
        }
        FeatureMatrix m = FeatureEngine.computeAll(r.spec(), raw.bars());
        // An identical concurrent request writes identical bytes: losing the If-None-Match race is fine.
        store.putIfAbsent(key, new FeatureParquet(r.spec()).write(m), "application/vnd.apache.parquet");
        LOG.infof("wrote feature dataset %s: %d rows in %d ms", key, m.rows(), ms(t0));
        return new FeatureDataset(key, hash, m, false);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
