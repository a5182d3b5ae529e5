package com.clearmlmigrator.cli.upgrade;

import java.util.Locale;

/** Byte counts as operators read them, and heap sizes as JVMs take them. */
public final class Sizes {
    private Sizes() {}

    public static String of(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    /** {@code 512m}, {@code 2g}, {@code 1048576}: as {@code -Xmx} takes it. */
    static long parse(String heap) {
        String value = heap.trim().toLowerCase(Locale.ROOT);
        char unit = value.charAt(value.length() - 1);
        long shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String number = shift == 0 ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(number) << shift;
    }
}
