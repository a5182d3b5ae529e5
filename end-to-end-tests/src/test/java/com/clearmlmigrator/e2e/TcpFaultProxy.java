package com.clearmlmigrator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

/**
 * A TCP proxy in front of a real server that injects one fault mid-run: once a given number of bytes have come back
 * from the server, it runs the fault, for example {@link #takeAwayFor} (every connection closed, new ones refused for a
 * while, as a restarting or partitioned server) or killing a worker. Deciding by bytes, not by time, puts the fault in
 * the middle of the work whatever the machine's speed. Answers may also be paced to a number of bytes per second per
 * connection, so the work lasts long enough for a fault that takes effect slowly.
 */
final class TcpFaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final long bytesBeforeFault;
    private final long bytesPerSecond;
    private final Consumer<TcpFaultProxy> fault;
    private final ExecutorService pipes = Executors.newCachedThreadPool();
    private final ScheduledExecutorService restorer = Executors.newSingleThreadScheduledExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean faulted = new AtomicBoolean();
    private final AtomicBoolean faultReturned = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    private final CountDownLatch injected = new CountDownLatch(1);

    /**
     * @param bytesPerSecond pace of each connection's answers, or 0 for full speed
     */
    TcpFaultProxy(int upstreamPort, long bytesBeforeFault, long bytesPerSecond, Consumer<TcpFaultProxy> fault)
            throws IOException {
        this(
                new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                upstreamPort,
                bytesBeforeFault,
                bytesPerSecond,
                fault);
    }

    private TcpFaultProxy(
            ServerSocket listener,
            int upstreamPort,
            long bytesBeforeFault,
            long bytesPerSecond,
            Consumer<TcpFaultProxy> fault) {
        this.upstreamPort = upstreamPort;
        this.bytesBeforeFault = bytesBeforeFault;
        this.bytesPerSecond = bytesPerSecond;
        this.fault = fault;
        this.listener = listener;
        pipes.submit(this::acceptLoop);
    }

    /**
     * A proxy without faults that speaks TLS to its clients and plain TCP to the server, as a TLS-terminating load
     * balancer in front of Elasticsearch or MongoDB does: clients see the server through {@code tls}'s certificate.
     */
    static TcpFaultProxy terminatingTls(int upstreamPort, SSLContext tls) throws IOException {
        ServerSocket listener =
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TcpFaultProxy(listener, upstreamPort, Long.MAX_VALUE, 0, proxy -> {});
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether the fault was injected (at most once). */
    boolean faulted() {
        return faulted.get();
    }

    /** Waits until the fault has been injected and has returned; false when it was not within the time. */
    boolean awaitFault(Duration atMost) throws InterruptedException {
        return injected.await(atMost.toMillis(), TimeUnit.MILLISECONDS) && faultReturned.get();
    }

    /** Bytes the server has answered through the proxy so far. */
    long bytesServed() {
        return served.get();
    }

    /** Whether the server can be reached through the proxy (false while it is taken away). */
    boolean isUp() {
        return !down.get();
    }

    /** Connections refused while the server was away. */
    int refusedConnections() {
        return refused.get();
    }

    /** Closes every connection and refuses new ones for this long; the server itself keeps running and its data. */
    void takeAwayFor(Duration outage) {
        down.set(true);
        open.forEach(TcpFaultProxy::closeQuietly);
        open.clear();
        restorer.schedule(() -> down.set(false), outage.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down.get()) {
                    refused.incrementAndGet();
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(server);
                pipes.submit(() -> pipe(client, server, false));
                pipes.submit(() -> pipe(server, client, true));
            } catch (IOException e) {
                // The listener was closed, or one connection failed: the next accept decides.
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (fromServer) {
                    answered(n);
                }
            }
        } catch (IOException | InterruptedException e) {
            // A connection closed by a fault or by its peer, or the proxy closing.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void answered(int bytes) throws InterruptedException {
        if (served.addAndGet(bytes) >= bytesBeforeFault && faulted.compareAndSet(false, true)) {
            // On a thread of its own: a fault such as restarting a service takes seconds and must not stall this pipe.
            Thread injector = new Thread(() -> {
                try {
                    fault.accept(this);
                    faultReturned.set(true);
                } finally {
                    injected.countDown();
                }
            });
            injector.start();
        }
        if (bytesPerSecond > 0) {
            // Pacing, not waiting for a condition: the answer's bytes take their share of a second.
            TimeUnit.MICROSECONDS.sleep(bytes * 1_000_000L / bytesPerSecond);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(TcpFaultProxy::closeQuietly);
        pipes.shutdownNow();
        restorer.shutdownNow();
    }
}
