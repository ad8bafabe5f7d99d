package dev.sale4j.examples.cli;

import dev.sale4j.internal.FileProblems;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output paths checked before any work starts, so a long run never ends on a path that cannot be written. */
final class OutputPaths {

    private OutputPaths() {}

    /** Fails naming the option when {@code file} (optional: null passes) cannot be created or replaced. */
    static void requireWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        String problem = FileProblems.unwritable(file);
        if (problem != null) {
            throw new ExitCodes.BadInputException(option + " " + file + " " + problem
                    + ": choose a file path in a writable directory");
        }
    }

    /** Fails naming the option when {@code dir} is not a directory and cannot be made one. */
    static void requireDirectory(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExitCodes.BadInputException(option + " " + dir + " is a file, not a directory: name a "
                    + "directory (it is created if missing)");
        }
        String problem = FileProblems.unwritable(dir.resolve("results.md"));
        if (problem != null) {
            throw new ExitCodes.BadInputException(option + " " + dir + " " + problem.replace("cannot be written",
                    "cannot be created") + ": name a directory in a writable place");
        }
    }
}
