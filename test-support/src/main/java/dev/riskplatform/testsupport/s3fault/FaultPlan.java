package dev.riskplatform.testsupport.s3fault;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Decides the fault for each request the proxy sees. Decisions depend only on the seed and the
 * order of requests, so a failing run can be replayed with the same seed.
 */
@FunctionalInterface
public interface FaultPlan {

    S3Fault decide(S3Request request);

    /** The request as the plan sees it: method and target (path and query). */
    record S3Request(String method, String target) {
        public boolean isPut() {
            return "PUT".equals(method);
        }
    }

    FaultPlan NONE = r -> S3Fault.NONE;

    /** Every request gets {@code fault}: an S3 that is down for good. */
    static FaultPlan always(S3Fault fault) {
        return r -> fault;
    }

    /**
     * A fraction {@code rate} of the requests faulted, the kind drawn evenly from {@code kinds}, from
     * a seeded generator (deterministic for one order of requests).
     */
    static FaultPlan seeded(long seed, double rate, List<S3Fault> kinds) {
        Random random = new Random(seed);
        return r -> {
            synchronized (random) {
                return random.nextDouble() < rate ? kinds.get(random.nextInt(kinds.size())) : S3Fault.NONE;
            }
        };
    }

    /** The first {@code times} requests matching {@code which} get {@code fault}; the rest go to {@code otherwise}. */
    static FaultPlan firstMatching(Predicate<S3Request> which, int times, S3Fault fault, FaultPlan otherwise) {
        int[] left = {times};
        return r -> {
            synchronized (left) {
                if (left[0] > 0 && which.test(r)) {
                    left[0]--;
                    return fault;
                }
            }
            return otherwise.decide(r);
        };
    }
}
