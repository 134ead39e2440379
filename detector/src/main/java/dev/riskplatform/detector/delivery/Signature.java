package dev.riskplatform.detector.delivery;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The webhook signature: {@code sha256=} + lowercase hex HMAC-SHA256 of the raw body under the shared secret. */
public final class Signature {

    public static final String HEADER = "X-Risk-Signature";

    private Signature() {
    }

    public static String of(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
