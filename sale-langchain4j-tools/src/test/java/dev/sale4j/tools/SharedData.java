package dev.sale4j.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's read-only real data ({@code shared/data}, a sibling of the repository checkout) by walking
 * up from the working directory. The data is never copied into the project.
 */
public final class SharedData {

    private SharedData() {
    }

    /** @return {@code shared/data/<relative>}, failing with a clear message when the data folder is absent */
    public static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(relative);
                if (!Files.exists(file)) {
                    throw new IllegalStateException("shared data found at " + candidate + " but " + relative
                            + " is missing from it");
                }
                return file;
            }
        }
        throw new IllegalStateException("no shared/data folder in any parent of " + Path.of("").toAbsolutePath()
                + "; check out the shared data as a sibling of the repository (../shared/data from its root)");
    }
}
