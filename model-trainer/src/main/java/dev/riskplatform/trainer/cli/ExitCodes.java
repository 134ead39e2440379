package dev.riskplatform.trainer.cli;

import dev.riskplatform.trainer.training.TrainingOutcome;

/** Process exit codes of the one-shot job, for Kubernetes Jobs and Jenkins. */
public final class ExitCodes {

    /** Registered and promoted. */
    public static final int PROMOTED = 0;
    /** Any error: bad request, bad input data, storage or broker failure. Nothing was promoted. */
    public static final int ERROR = 1;
    /** Registered but not promoted: validation failed (the reason is in the log, the registry and the card). */
    public static final int NOT_PROMOTED = 2;

    private ExitCodes() {
    }

    /** The worse of two codes: an error over not promoted over promoted. */
    public static int worst(int a, int b) {
        return a == ERROR || b == ERROR ? ERROR : Math.max(a, b);
    }

    public static int of(TrainingOutcome o) {
        return o.promoted() ? PROMOTED : NOT_PROMOTED;
    }
}
