package com.clearmlmigrator.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The checkout these checks read: its root, its Maven modules and the files the build needs from each. */
final class Repository {
    /** Surefire runs in the module's folder, one below the root. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** Not sources: version control, the dev stack's state, and what tools fetch. */
    private static final Set<String> NEVER_SOURCES = Set.of(".git", ".dev-stack", "node_modules");

    private Repository() {}

    /** Every pom.xml of the build and every file under a module's src/, relative to the root with '/'. */
    static List<String> buildInputs() {
        List<String> inputs = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    boolean mavenOutput = name.equals("target") && Files.exists(dir.resolveSibling("pom.xml"));
                    return NEVER_SOURCES.contains(name) || mavenOutput
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = relative(file);
                    if (path.endsWith("pom.xml")
                                    && file.getFileName().toString().equals("pom.xml")
                            || path.contains("/src/")) {
                        inputs.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputs;
    }

    /** The modules' poms, relative to the root. */
    static List<String> poms() {
        return buildInputs().stream().filter(path -> path.endsWith("pom.xml")).toList();
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
