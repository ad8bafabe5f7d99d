package dev.sale4j.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

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

    /** @return the JSON objects of a gzipped JSON-lines file under {@code shared/data} */
    public static List<JsonNode> jsonLines(String relative) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path(relative))), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        }
        return rows;
    }
}
