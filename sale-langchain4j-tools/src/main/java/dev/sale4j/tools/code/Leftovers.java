package dev.sale4j.tools.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Removes what a run left on the host: its work directory, however deep and whatever modes the code set, and the
 * files its own uid created in the world-writable directories ({@code /tmp}, {@code /var/tmp}, {@code /dev/shm}).
 * Iterative (no recursion to overflow) and never follows symbolic links.
 */
final class Leftovers {

    /** The places any uid can write to on a usual host. */
    static final List<Path> WORLD_WRITABLE = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** Beyond this path length a directory is moved up to the top, so no path nears PATH_MAX (4096). */
    private static final int MAX_PATH = 256;

    private Leftovers() {
    }

    /**
     * Deletes {@code root} and everything under it. Directories the code made unreadable are given back to their
     * owner first; directories nested too deep for a path are moved up under {@code root} and deleted from there.
     *
     * @return whether everything was deleted
     */
    static boolean deleteTree(Path root) {
        if (!Files.exists(root, NOFOLLOW)) {
            return true;
        }
        if (!Files.isDirectory(root, NOFOLLOW)) {
            return deleteQuietly(root);
        }
        Deque<Path> stack = new ArrayDeque<>();
        stack.push(root);
        long moved = 0;
        while (!stack.isEmpty()) {
            Path dir = stack.peek();
            openUp(dir);
            List<Path> subdirs = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    if (Files.isDirectory(entry, NOFOLLOW)) {
                        subdirs.add(entry);
                    } else {
                        Files.deleteIfExists(entry);
                    }
                }
            } catch (IOException e) {
                LOG.warn("could not clear {}: {}", dir, e.toString());
                return false;
            }
            if (subdirs.isEmpty()) {
                if (!deleteQuietly(dir)) {
                    return false;
                }
                stack.pop();
                continue;
            }
            for (Path sub : subdirs) {
                if (sub.toString().length() > MAX_PATH) {
                    Path flat = root.resolve(".deep-" + moved++);
                    try {
                        Files.move(sub, flat);
                    } catch (IOException e) {
                        LOG.warn("could not move deep directory {} up: {}", sub, e.toString());
                        return false;
                    }
                    stack.push(flat);
                } else {
                    stack.push(sub);
                }
            }
        }
        return true;
    }

    /**
     * Deletes every file and directory owned by {@code uid} in {@code roots}, descending only into world-writable
     * directories (the only others a uid can create entries in are its own, which go whole).
     *
     * @return how many top-level leftovers were deleted
     */
    static int removeOwnedBy(int uid, List<Path> roots) {
        int removed = 0;
        Deque<Path> stack = new ArrayDeque<>();
        roots.stream().filter(p -> Files.isDirectory(p, NOFOLLOW)).forEach(stack::push);
        while (!stack.isEmpty()) {
            Path dir = stack.pop();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    PosixFileAttributes attrs = attributes(entry);
                    if (attrs == null) {
                        continue;
                    }
                    if (ownerUid(entry) == uid) {
                        if (deleteTree(entry)) {
                            removed++;
                        }
                    } else if (attrs.isDirectory() && attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                        stack.push(entry);
                    }
                }
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", dir, e.toString());
            }
        }
        return removed;
    }

    private static void openUp(Path dir) {
        try {
            if (!Files.isReadable(dir) || !Files.isExecutable(dir) || !Files.isWritable(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot open up {}: {}", dir, e.toString());
        }
    }

    private static boolean deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", path, e.toString());
            return false;
        }
    }

    private static PosixFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static int ownerUid(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid", NOFOLLOW);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
