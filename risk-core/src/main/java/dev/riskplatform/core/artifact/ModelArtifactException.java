package dev.riskplatform.core.artifact;

import java.io.IOException;

/** A model artifact that cannot be trusted; the message says which check failed and why. */
public class ModelArtifactException extends IOException {

    public ModelArtifactException(String message) {
        super(message);
    }

    public ModelArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
