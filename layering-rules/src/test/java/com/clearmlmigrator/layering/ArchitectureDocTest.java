package com.clearmlmigrator.layering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md tells a newcomer where things are by their names; a class renamed or moved without it would send
 * them looking for what is gone. Every type and package it names in backticks must exist in the checkout.
 */
class ArchitectureDocTest {
    /** Surefire runs in the module's folder, one below the root. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** `MigrationStart` or `MigrationStart.admit`: a Java type, maybe with a member. */
    private static final Pattern TYPE = Pattern.compile("`([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)(?:\\.\\w+)?`");
    /** `relink/`, `lifecycle/`: a package of a service. */
    private static final Pattern PACKAGE = Pattern.compile("`([a-z]+)/`");

    @Test
    void namesOnlyTypesAndPackagesThatExist() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        Set<String> types = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/"))
                    .filter(f -> !f.toString().contains("/.dev-stack/"))
                    .forEach(f -> {
                        types.add(f.getFileName().toString().replace(".java", ""));
                        packages.add(f.getParent().getFileName().toString());
                    });
        }

        assertThat(types).as("Java files found under %s", ROOT).hasSizeGreaterThan(100);
        assertThat(named(TYPE, doc)).as("types docs/architecture.md names").isSubsetOf(types);
        assertThat(named(PACKAGE, doc))
                .as("packages docs/architecture.md names")
                .isSubsetOf(packages);
    }

    private static Set<String> named(Pattern pattern, String doc) {
        Matcher names = pattern.matcher(doc);
        return names.results().map(match -> match.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
