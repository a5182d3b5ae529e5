package com.clearmlmigrator.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Plotly JSON as the ClearML SDK reports it, and the server's compression of large plots. */
public final class Plots {
    /** ClearML compresses plots of at least this many characters into {@code plot_data}. */
    public static final int COMPRESSION_THRESHOLD = 100_000;

    /** The server's regex for {@code source_urls}. */
    private static final Pattern SOURCE_URL =
            Pattern.compile("['\"]source['\"]:\\s?['\"]([a-z][a-z0-9+\\-.]*://.*?)['\"]");

    private Plots() {}

    /** A small image plot: the URL sits in {@code layout.images[0].source}. */
    public static String imagePlot(String title, String imageUrl) {
        return "{\"data\": [], \"layout\": {\"images\": [{\"source\": \"" + imageUrl
                + "\", \"sizex\": 640, \"sizey\": 480}], \"title\": \"" + title + "\"}}";
    }

    /** A table plot of at least {@link #COMPRESSION_THRESHOLD} characters with a URL in many cells. */
    public static String largeTablePlot(String title, String urlPrefix) {
        List<String> cells = new ArrayList<>();
        int length = 0;
        for (int row = 0; length < COMPRESSION_THRESHOLD; row++) {
            String cell = "\"" + urlPrefix + "/sample_" + row + ".png\"";
            cells.add(cell);
            length += cell.length() + 2;
        }
        return "{\"data\": [{\"type\": \"table\", \"cells\": {\"values\": [[" + String.join(", ", cells)
                + "]]}}], \"layout\": {\"images\": [{\"source\": \"" + urlPrefix + "/preview.png\"}], \"title\": \""
                + title + "\"}}";
    }

    /** The URLs the server extracts into {@code source_urls}. */
    public static List<String> sourceUrls(String plot) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = SOURCE_URL.matcher(plot);
        while (matcher.find()) {
            urls.add(matcher.group(1));
        }
        return urls;
    }

    /** {@code plot_data}: base64 of the zlib-compressed plot JSON. */
    public static String compress(String plot) {
        Deflater deflater = new Deflater();
        deflater.setInput(plot.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * The plot JSON of a {@code plot_data} value: what a test compares a relinked plot by. Written here, apart from the
     * relinker's own code, so that a test does not check that code against itself.
     */
    public static String decompress(String plotData) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(plotData));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                out.write(buffer, 0, inflater.inflate(buffer));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("Not a zlib-compressed plot", e);
        } finally {
            inflater.end();
        }
    }
}
