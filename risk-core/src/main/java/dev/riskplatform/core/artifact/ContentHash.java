package dev.riskplatform.core.artifact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The artifact's integrity field. A document is {@code BODY + ,"contentSha256":"<hex>"} + "}" + optional LF,
 * where BODY is the canonical compact JSON of every other member without its closing brace, and
 * {@code hex = SHA-256(BODY)} in lower-case hex. Hashing the bytes as written (not a re-serialisation)
 * means no two JSON libraries have to agree on how to print a double.
 */
final class ContentHash {

    static final String MEMBER = "contentSha256";
    private static final byte[] INFIX = (",\"" + MEMBER + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_LENGTH = 64;

    private ContentHash() {
    }

    /** Appends the hash member to a compact JSON object ending in '}'. */
    static byte[] seal(byte[] canonicalWithoutHash) {
        byte[] body = Arrays.copyOf(canonicalWithoutHash, canonicalWithoutHash.length - 1);
        String tail = new String(INFIX, StandardCharsets.US_ASCII) + sha256Hex(body) + "\"}\n";
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(body, body.length + t.length);
        System.arraycopy(t, 0, out, body.length, t.length);
        return out;
    }

    /** Checks the trailing hash member against the bytes before it. */
    static void verify(byte[] doc) throws ModelArtifactException {
        int end = doc.length;
        if (end > 0 && doc[end - 1] == '\n') end--;
        int start = end - 2 - HEX_LENGTH - INFIX.length;
        if (start < 0 || doc[end - 1] != '}' || doc[end - 2] != '"'
                || !Arrays.equals(doc, start, start + INFIX.length, INFIX, 0, INFIX.length)) {
            throw new ModelArtifactException("content hash: the document must end with the "
                    + MEMBER + " member (truncated or not written by a riskplatform writer?)");
        }
        String stored = new String(doc, start + INFIX.length, HEX_LENGTH, StandardCharsets.US_ASCII);
        String actual = sha256Hex(Arrays.copyOf(doc, start));
        if (!actual.equals(stored)) {
            throw new ModelArtifactException("content hash mismatch: stored " + stored + ", computed " + actual
                    + " (the artifact was modified or corrupted)");
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
