package dev.sale4j.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces a file's content atomically: the content is written to a hidden temporary file beside it, forced to disk,
 * given the permissions of the file it replaces (or rw-r--r-- for a new file), and moved over it in one step. A crash
 * at any point leaves the old content or the new, never a torn mix, and the temporary file is removed on failure.
 *
 * <p>The temporary file of {@code name} is {@code .name.<16 hex digits>.tmp}; a process killed mid-write leaves one
 * behind, which {@link #removeLeftovers(Path)} recognises by that pattern (and by the pattern of earlier versions,
 * {@code .name<digits>.tmp}) and removes.
 */
public final class AtomicFile {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content of the temporary file it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = temporary(target);
        try {
            writer.writeTo(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + target + " cannot replace files atomically; keep the "
                        + "file on a local file system", e);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates a new, empty temporary file for the target, named by the pattern {@link #removeLeftovers} knows. */
    private static Path temporary(Path target) throws IOException {
        while (true) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // 64 random bits collided: draw again
            }
        }
    }

    /**
     * Removes the temporary files that writes of {@code file} left behind when their process died, and returns how
     * many. Only files of this target's pattern in its directory are touched. The caller must make sure no write of
     * this file is under way (the memory holds its file lock). A temporary file of the earlier pattern,
     * {@code .name<digits>.tmp}, is only removed when no file of the directory is named {@code name<digit>...}, whose
     * own temporary files it could be.
     */
    public static int removeLeftovers(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        String name = target.getFileName().toString();
        Pattern current = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{16}\\.tmp");
        Pattern earlier = Pattern.compile("\\." + Pattern.quote(name) + "[0-9]+\\.tmp");
        Pattern siblingWithDigits = Pattern.compile(Pattern.quote(name) + "[0-9].*");
        int removed = 0;
        try (Stream<Path> listing = Files.list(dir)) {
            java.util.List<Path> files = listing.toList();
            boolean earlierIsOurs = files.stream()
                    .noneMatch(f -> siblingWithDigits.matcher(f.getFileName().toString()).matches());
            for (Path f : files) {
                Matcher now = current.matcher(f.getFileName().toString());
                Matcher before = earlier.matcher(f.getFileName().toString());
                if ((now.matches() || earlierIsOurs && before.matches()) && Files.isRegularFile(f)
                        && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    public static void writeString(Path file, String content) throws IOException {
        write(file, tmp -> Files.writeString(tmp, content, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void copyPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the move itself is still atomic
        }
    }
}
