package com.clearmlmigrator.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, Microsoft's Azure Storage server, as a Node.js process of the test on a free port, its blobs in a temporary
 * folder: installed from the npm registry into {@code ~/.cache/clearml-migrator} at its first start (half a minute), with one storage account of its own ({@link #ACCOUNT}, {@link #KEY}).
 */
public final class AzuriteServer implements AutoCloseable {
    public static final String ACCOUNT = "clearmldata";
    private static final String VERSION = "3.37.0";
    public static final String KEY = Base64.getEncoder()
            .encodeToString("clearml-azure-account-key-never-printed".getBytes(StandardCharsets.UTF_8));
    /** Outside the checkout, so that every module's tests and every build share one install of its 300 MB. */
    private static final Path INSTALL =
            Path.of(System.getProperty("user.home"), ".cache", "clearml-migrator", "azurite-" + VERSION);

    private static final Path MAIN = INSTALL.resolve("node_modules/azurite/dist/src/blob/main.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path blobs;
    private final Path log;
    private final int port;

    private AzuriteServer(Process process, Path blobs, Path log, int port) {
        this.process = process;
        this.blobs = blobs;
        this.log = log;
        this.port = port;
    }

    /** Starts Azurite; a machine without Node.js and npm skips the test that asks. */
    public static AzuriteServer start() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Azurite runs on Node.js: no node and npm on this machine's PATH");
        install();
        Path blobs = Files.createTempDirectory("azurite-blobs");
        int port = freePort();
        Path log = Files.createTempFile("azurite", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        "node",
                        MAIN.toString(),
                        "--blobHost",
                        "127.0.0.1",
                        "--blobPort",
                        Integer.toString(port),
                        "--location",
                        blobs.toString(),
                        "--skipApiVersionCheck",
                        "--loose",
                        "--silent")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + KEY);
        AzuriteServer server = new AzuriteServer(builder.start(), blobs, log, port);
        server.awaitListening();
        return server;
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.exists(MAIN)) {
            return;
        }
        Files.createDirectories(INSTALL);
        Process npm = new ProcessBuilder(
                        "npm",
                        "install",
                        "--prefix",
                        INSTALL.toString(),
                        "--no-audit",
                        "--no-fund",
                        "--prefer-offline",
                        "--loglevel=error",
                        "azurite@" + VERSION)
                .redirectErrorStream(true)
                .redirectOutput(INSTALL.resolve("npm-install.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(MAIN)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm could not install azurite@" + VERSION + ": see "
                    + INSTALL.resolve("npm-install.log").toAbsolutePath());
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Azurite stopped at its start: see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("Azurite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    /** The Blob service of the account, as {@code --azure-endpoint} names it. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT);
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try (var files = Files.walk(blobs)) {
            Files.deleteIfExists(log);
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is the system's to clear.
        }
    }
}
