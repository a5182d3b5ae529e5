package com.clearmlmigrator.relink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** ClearML's {@code plot_data}: the plot JSON, zlib-compressed, then base64-encoded. */
public final class CompressedPlots {
    private CompressedPlots() {}

    /**
     * Opens a {@code plot_data} value.
     *
     * @throws IllegalArgumentException when the value is not base64 of zlib data
     */
    public static String decompress(String plotData) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(plotData));
            ByteArrayOutputStream out = new ByteArrayOutputStream(plotData.length() * 4);
            byte[] buffer = new byte[16_384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("plot_data ends before its compressed stream does");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("plot_data is not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Closes plot JSON into a {@code plot_data} value. */
    public static String compress(String plot) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plot.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16_384];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** ClearML's {@code plot_len}: the plot's length in characters as Python counts them (code points). */
    public static int length(String plot) {
        return plot.codePointCount(0, plot.length());
    }
}
