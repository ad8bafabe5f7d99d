package dev.sale4j.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What is wrong with a path a user gave, in words for a message: "does not exist", "is a directory, not a file",
 * "cannot be read: permission denied", "cannot be written: /a/b is a file, not a directory". Callers put the words
 * in their own exception, next to the file's name and the fix.
 */
public final class FileProblems {

    private FileProblems() {}

    /** Why {@code file} cannot be read as a regular file, or null when it can. */
    public static String unreadable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (!Files.exists(file)) {
            Path blocker = fileAbove(file);
            return blocker == null ? "does not exist" : "does not exist (" + blocker + " is a file, not a directory)";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "cannot be read: permission denied";
        }
        return null;
    }

    /** Why {@code file} cannot be created or replaced, or null when nothing is known against it. */
    public static String unwritable(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory: name a file inside it";
        }
        Path blocker = fileAbove(file);
        if (blocker != null) {
            return "cannot be written: " + blocker + " is a file, not a directory";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "cannot be written: permission denied";
        }
        return null;
    }

    /** The reason an I/O operation failed, in words: "permission denied", "no such file", "disk full", ... */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The nearest existing ancestor of {@code file} when it is not a directory (so nothing can be made under it). */
    private static Path fileAbove(Path file) {
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }
}
