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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a real server that takes the server away once, mid-run, and brings it back: after a given
 * number of bytes have come back from the server it closes every connection and refuses new ones for a while, as a
 * restarting or partitioned server does. Deciding by bytes, not by time, puts the outage in the middle of the work
 * whatever the machine's speed. The server keeps its data throughout.
 */
final class TcpOutageProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final long bytesBeforeOutage;
    private final Duration outage;
    private final ExecutorService pipes = Executors.newCachedThreadPool();
    private final ScheduledExecutorService restorer = Executors.newSingleThreadScheduledExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger outages = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    TcpOutageProxy(int upstreamPort, long bytesBeforeOutage, Duration outage) throws IOException {
        this.upstreamPort = upstreamPort;
        this.bytesBeforeOutage = bytesBeforeOutage;
        this.outage = outage;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pipes.submit(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many times the server was taken away (at most once). */
    int outages() {
        return outages.get();
    }

    /** Connections refused while the server was away. */
    int refusedConnections() {
        return refused.get();
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
                if (fromServer && served.addAndGet(n) >= bytesBeforeOutage && outages.get() == 0) {
                    takeAway();
                }
            }
        } catch (IOException e) {
            // A connection closed by the outage or by its peer.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void takeAway() {
        if (outages.get() > 0) {
            return;
        }
        outages.incrementAndGet();
        down.set(true);
        open.forEach(TcpOutageProxy::closeQuietly);
        open.clear();
        restorer.schedule(() -> down.set(false), outage.toMillis(), TimeUnit.MILLISECONDS);
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
        open.forEach(TcpOutageProxy::closeQuietly);
        pipes.shutdownNow();
        restorer.shutdownNow();
    }
}
