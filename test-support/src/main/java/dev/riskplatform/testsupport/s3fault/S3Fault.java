package dev.riskplatform.testsupport.s3fault;

import java.nio.charset.StandardCharsets;

/**
 * What the proxy does to one request. Each kind is a failure real S3 (or the network to it) shows:
 * a slow answer, a connection dropped before the request reached S3 (S3 did not act), dropped
 * after S3 answered (S3 acted, the client never learns it: the hard case for conditional writes),
 * and S3's own 5xx answers with their XML error body.
 */
public enum S3Fault {
    /** Forwarded untouched. */
    NONE,
    /** Forwarded after {@link S3FaultProxy#LATENCY_MILLIS}. */
    LATENCY,
    /** The connection is reset (TCP RST) once the request is read; nothing reaches S3. */
    RESET_BEFORE,
    /** The connection is closed without an answer; nothing reaches S3 ("Unexpected end of file from server"). */
    CLOSE_BEFORE,
    /** The request reaches S3 and is acted on; then the connection is reset instead of answering. */
    RESET_AFTER,
    /** 503 SlowDown; nothing reaches S3. */
    SLOW_DOWN,
    /** 500 InternalError; nothing reaches S3. */
    INTERNAL_ERROR;

    /** The answer of a 5xx fault, as S3 words it. */
    byte[] errorResponse(String resource) {
        int status = this == SLOW_DOWN ? 503 : 500;
        String code = this == SLOW_DOWN ? "SlowDown" : "InternalError";
        String message = this == SLOW_DOWN ? "Please reduce your request rate." : "We encountered an internal error. Please try again.";
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><Resource>" + resource + "</Resource><RequestId>FAULT" + Long.toHexString(System.nanoTime())
                + "</RequestId></Error>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + (status == 503 ? "Slow Down" : "Internal Server Error") + "\r\n"
                + "Content-Type: application/xml\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return all;
    }
}
