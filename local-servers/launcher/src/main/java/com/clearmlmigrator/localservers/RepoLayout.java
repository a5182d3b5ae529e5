package com.clearmlmigrator.localservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the built server class paths and service jars sit inside a checkout of this repository. */
public record RepoLayout(Path root) {
    private static final String ROOT_PROPERTY = "clearml-migrator.root";

    /** Finds the checkout from the {@code clearml-migrator.root} property or by walking up from the working folder. */
    public static RepoLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            return new RepoLayout(Path.of(configured).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-servers/launcher"))) {
                return new RepoLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the clearml-migrator checkout above "
                + Path.of("").toAbsolutePath() + "; set -D" + ROOT_PROPERTY + "=<checkout>");
    }

    /** {@code java -cp} value for a local server module, built by {@code mvn package}. */
    public String serverClassPath(String module) {
        Path target = root.resolve("local-servers").resolve(module).resolve("target");
        requireBuilt(target.resolve("lib"));
        return target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    /** A folder that a local server module's build made beside its class path, such as a server's home. */
    public Path serverFolder(String module, String folder) {
        Path path =
                root.resolve("local-servers").resolve(module).resolve("target").resolve(folder);
        requireBuilt(path);
        return path;
    }

    /** {@code java -cp} value for this launcher's own classes, such as the {@link Supervisor}. */
    public String launcherClassPath() {
        Path classes = root.resolve("local-servers/launcher/target/classes");
        requireBuilt(classes);
        return classes.toString();
    }

    /** The runnable fast-jar of a service module, built by {@code mvn package}. */
    public Path serviceJar(String service) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        requireBuilt(jar);
        return jar;
    }

    /** The folder a file or class path folder is in, when it exists. */
    public Optional<Path> existing(Path path) {
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    private static void requireBuilt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build first with ./mvnw package -DskipTests");
        }
    }
}
