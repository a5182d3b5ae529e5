package com.clearmlmigrator.cli.upgrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;

/**
 * ClearML's Elasticsearch images run as uid 1000 and must write to their folder; an upgrade run as root would leave
 * the new folder root's. So the new folder gets the owner and group of the old one, when this process may give it.
 */
final class FolderOwner {
    private FolderOwner() {}

    static void giveLike(Path original, Path folder, PrintWriter out) throws IOException {
        PosixFileAttributeView originalView = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (originalView == null) {
            return;
        }
        PosixFileAttributes attributes = originalView.readAttributes();
        UserPrincipal owner = attributes.owner();
        GroupPrincipal group = attributes.group();
        if (owner.equals(Files.getOwner(folder))) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            out.println("The new folder belongs to " + Files.getOwner(folder) + ", the old one to " + owner + ": give"
                    + " it to the user the Elasticsearch server runs as (`chown -R " + owner.getName() + " " + folder
                    + "`).");
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
        out.println("Gave " + folder + " to " + owner.getName() + ", as the old folder was.");
    }
}
