package dev.sale4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users have only the repository: README and docs link nothing outside it (no web links, no paths that climb out of
 * the checkout), and every relative link points at a file that exists.
 */
class DocsSelfContainedTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT, 4)) {
            files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                            && !p.toString().contains("/src/test/"))
                    .filter(p -> !p.equals(ROOT.resolve("README.md")))
                    .forEach(docs::add);
        }
        return docs;
    }

    @Test
    void readmeAndDocsLinkOnlyToFilesInsideTheRepository() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> docs = documents();
        assertThat(docs).as("README.md and docs/ are found from the module directory")
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/method.md"));
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                String where = ROOT.relativize(doc) + ": " + target;
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    problems.add(where + " leaves the repository (a URL)");
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                if (file.isEmpty()) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT)) {
                    problems.add(where + " climbs out of the repository");
                } else if (!Files.exists(resolved)) {
                    problems.add(where + " points at a missing file");
                }
            }
        }
        assertThat(problems).as("links in README and docs").isEmpty();
    }
}
