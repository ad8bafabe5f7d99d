package dev.sale4j.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's read-only real data ({@code shared/data}, a sibling of the repository checkout) by walking
 * up from the working directory, or from the system property {@code sale4j.data} when set.
 */
public final class SharedData {

    private SharedData() {
    }

    /** @return the {@code shared/data} folder, failing with a clear message when it is absent */
    public static Path dir() {
        String property = System.getProperty("sale4j.data");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data folder in any parent of " + Path.of("").toAbsolutePath()
                + "; check out the shared data as a sibling of the repository (../shared/data from its root) or set"
                + " -Dsale4j.data=DIR");
    }
}
