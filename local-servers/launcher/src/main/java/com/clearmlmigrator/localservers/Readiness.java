package com.clearmlmigrator.localservers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How to tell that a started process is ready for work. */
public sealed interface Readiness {
    /** True once the process is ready; {@code log} is the process's output file. */
    boolean isReady(Path log);

    /** Ready once the process has written a line containing the marker. */
    record LogMarker(String marker) implements Readiness {
        @Override
        public boolean isReady(Path log) {
            try {
                return Files.exists(log)
                        && Files.readString(log, StandardCharsets.ISO_8859_1).contains(marker);
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Ready once the URL answers 200. */
    record HttpOk(URI url) implements Readiness {
        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        @Override
        public boolean isReady(Path log) {
            try {
                HttpRequest request = HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
