package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/** Artifact tests: tampering as a careful forger would, so that only the content checks can catch it. */
final class Forgery {

    private Forgery() {
    }

    /** Edits the document, then re-seals it with a correct hash. */
    static byte[] editAndReseal(byte[] doc, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) ArtifactWriter.JSON.readTree(doc);
        root.remove(ContentHash.MEMBER);
        edit.accept(root);
        return ContentHash.seal(ArtifactWriter.JSON.writeValueAsBytes(root));
    }
}
