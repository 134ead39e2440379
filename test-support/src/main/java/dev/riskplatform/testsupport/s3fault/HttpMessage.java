package dev.riskplatform.testsupport.s3fault;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 message read off a socket byte for byte, framed by Content-Length or chunked
 * encoding, so the proxy can forward it unchanged (an S3 request is signed: Host and every signed
 * header must arrive as the client sent them).
 */
record HttpMessage(String startLine, String head, byte[] raw) {

    /** The message, or null when the peer closed the connection before a new one began. */
    static HttpMessage read(InputStream in, boolean answerToHead) throws IOException {
        return read(in, answerToHead, null);
    }

    /**
     * As {@link #read(InputStream, boolean)}; a request head with {@code Expect: 100-continue} is
     * answered on {@code continueTo} before its body is read (the client waits for it).
     */
    static HttpMessage read(InputStream in, boolean answerToHead, OutputStream continueTo) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String head = readHead(in, raw);
        if (head == null) return null;
        String startLine = head.substring(0, head.indexOf("\r\n"));
        String lower = head.toLowerCase(Locale.ROOT);
        if (continueTo != null && lower.contains("\r\nexpect: 100-continue")) {
            continueTo.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            continueTo.flush();
        }
        if (answerToHead || noBody(startLine)) return new HttpMessage(startLine, head, raw.toByteArray());
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            copyChunked(in, raw);
        } else {
            long length = contentLength(lower);
            if (length < 0 && startLine.startsWith("HTTP/")) copyToEnd(in, raw);
            else copy(in, raw, Math.max(length, 0));
        }
        return new HttpMessage(startLine, head, raw.toByteArray());
    }

    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    String target() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    int status() {
        return Integer.parseInt(startLine.split(" ")[1]);
    }

    boolean header(String name, String value) {
        return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": " + value.toLowerCase(Locale.ROOT));
    }

    private static boolean noBody(String startLine) {
        if (!startLine.startsWith("HTTP/")) return false;
        int status = Integer.parseInt(startLine.split(" ")[1]);
        return status < 200 || status == 204 || status == 304;
    }

    private static String readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (raw.size() == 0) return null;
                throw new EOFException("connection closed inside a message head");
            }
            raw.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return raw.toString(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String lowerHead) {
        int i = lowerHead.indexOf("\r\ncontent-length:");
        if (i < 0) return -1;
        int end = lowerHead.indexOf("\r\n", i + 2);
        return Long.parseLong(lowerHead.substring(i + "\r\ncontent-length:".length(), end).trim());
    }

    private static void copyChunked(InputStream in, ByteArrayOutputStream raw) throws IOException {
        while (true) {
            String sizeLine = readLine(in, raw);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in, raw).isEmpty()) {
                    // trailers, up to the empty line
                }
                return;
            }
            copy(in, raw, size);
            readLine(in, raw);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new EOFException("connection closed inside a chunked body");
            raw.write(b);
            if (b != '\r') line.append((char) b);
        }
        raw.write('\n');
        return line.toString();
    }

    private static void copy(InputStream in, ByteArrayOutputStream raw, long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new EOFException("connection closed inside a body, " + n + " bytes short");
            raw.write(buf, 0, r);
            n -= r;
        }
    }

    private static void copyToEnd(InputStream in, ByteArrayOutputStream raw) throws IOException {
        in.transferTo(raw);
    }
}
