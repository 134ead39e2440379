package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.FeatureStats;

/** Reads featureStats: one entry per feature, in spec order, named as the spec names it. */
final class StatsCodec {

    private StatsCodec() {
    }

    static FeatureStats read(JsonNode a, FeatureSpec spec) throws ModelArtifactException {
        int d = spec.featureCount();
        if (a.size() != d) throw new ModelArtifactException("featureStats has " + a.size() + " entries, spec has " + d + " features");
        double[] mean = new double[d];
        double[] std = new double[d];
        double[] p01 = new double[d];
        double[] p99 = new double[d];
        for (int f = 0; f < d; f++) {
            JsonNode s = a.get(f);
            String where = ".featureStats[" + f + "]";
            String name = Json.text(s, where, "name");
            if (!name.equals(spec.featureNames().get(f))) {
                throw new ModelArtifactException(where + ".name is " + name + ", spec says " + spec.featureNames().get(f));
            }
            mean[f] = Json.number(s, where, "mean");
            std[f] = Json.number(s, where, "std");
            p01[f] = Json.number(s, where, "p01");
            p99[f] = Json.number(s, where, "p99");
        }
        return new FeatureStats(mean, std, p01, p99);
    }
}
