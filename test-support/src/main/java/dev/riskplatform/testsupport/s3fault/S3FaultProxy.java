package dev.riskplatform.testsupport.s3fault;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy between the services and an S3 API that injects the faults of a {@link FaultPlan}.
 * Requests are forwarded byte for byte (they are signed), each on a fresh connection to S3, so the
 * proxy adds no failure of its own; the client side keeps its connections alive as S3 would.
 */
public final class S3FaultProxy implements AutoCloseable {

    /** The delay of a {@link S3Fault#LATENCY} fault: slow, well inside the SDK's timeouts. */
    public static final long LATENCY_MILLIS = 200;

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Map<S3Fault, AtomicInteger> counts = new EnumMap<>(S3Fault.class);
    private volatile FaultPlan plan = FaultPlan.NONE;

    public S3FaultProxy(String upstreamHost, int upstreamPort) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        for (S3Fault f : S3Fault.values()) counts.put(f, new AtomicInteger());
        try {
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "s3-fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, requests are faulted by {@code plan}; the counts start again from zero. */
    public void plan(FaultPlan plan) {
        counts.values().forEach(c -> c.set(0));
        this.plan = plan;
    }

    /** How many requests got each fault since the last {@link #plan}. */
    public int count(S3Fault fault) {
        return counts.get(fault).get();
    }

    /** Requests faulted (anything but NONE) since the last {@link #plan}. */
    public int faulted() {
        return counts.entrySet().stream().filter(e -> e.getKey() != S3Fault.NONE).mapToInt(e -> e.getValue().get()).sum();
    }

    public int requests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        clients.forEach(S3FaultProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "s3-fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (HttpMessage request = HttpMessage.read(in, false, out); request != null; request = HttpMessage.read(in, false, out)) {
                if (!answer(request, client, out)) return;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            clients.remove(client);
        }
    }

    /** Answers one request as the plan says; false when the client connection is gone after it. */
    private boolean answer(HttpMessage request, Socket client, OutputStream out) throws IOException {
        S3Fault fault = plan.decide(new FaultPlan.S3Request(request.method(), request.target()));
        counts.get(fault).incrementAndGet();
        switch (fault) {
            case RESET_BEFORE -> {
                reset(client);
                return false;
            }
            case CLOSE_BEFORE -> {
                client.close();
                return false;
            }
            case SLOW_DOWN, INTERNAL_ERROR -> {
                out.write(fault.errorResponse(request.target()));
                out.flush();
                return true;
            }
            case LATENCY -> sleep(LATENCY_MILLIS);
            default -> {
                // forwarded below
            }
        }
        HttpMessage response = forward(request);
        if (fault == S3Fault.RESET_AFTER) {
            reset(client);
            return false;
        }
        out.write(response.raw());
        out.flush();
        return !response.header("connection", "close");
    }

    private HttpMessage forward(HttpMessage request) throws IOException {
        try (Socket s3 = new Socket()) {
            s3.connect(upstream, 5_000);
            s3.getOutputStream().write(request.raw());
            s3.getOutputStream().flush();
            InputStream in = new BufferedInputStream(s3.getInputStream());
            boolean head = "HEAD".equals(request.method());
            HttpMessage response = HttpMessage.read(in, head);
            while (response != null && response.status() < 200) response = HttpMessage.read(in, head);
            if (response == null) throw new IOException("S3 closed the connection without an answer");
            return response;
        }
    }

    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
