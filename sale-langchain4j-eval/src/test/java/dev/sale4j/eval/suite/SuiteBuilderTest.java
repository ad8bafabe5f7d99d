package dev.sale4j.eval.suite;

import dev.sale4j.eval.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite builder is deterministic and the committed suite is what it builds from the real upstream data. */
class SuiteBuilderTest {

    private static final Path COMMITTED = Path.of("src/main/resources").resolve(Suite.BUNDLED);

    @Test
    void rebuildingFromTheUpstreamDataGivesTheCommittedFile(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("a/suite.jsonl.gz");
        Path second = tmp.resolve("b/suite.jsonl.gz");

        new SuiteBuilder().call(SharedData.dir(), first);
        new SuiteBuilder().call(SharedData.dir(), second);

        assertThat(Files.readAllBytes(first)).as("two builds, byte for byte").isEqualTo(Files.readAllBytes(second));
        byte[] gzip = Files.readAllBytes(first);
        assertThat(new byte[]{gzip[4], gzip[5], gzip[6], gzip[7]}).as("gzip header mtime").containsOnly(0);
        assertThat(gzip[3]).as("gzip header flags: no file name, no comment").isZero();
        assertThat(gunzip(first)).as("rebuilt content vs the committed suite; after changing the builder, rebuild "
                + "with ./mvnw -B -q -pl sale-langchain4j-eval -am process-classes -Pbuild-suite")
                .isEqualTo(gunzip(COMMITTED));
        assertThat(Files.readAllBytes(first)).as("compressed bytes vs the committed suite; the content is equal, so a difference here means this JDK's"
                + " zlib compresses differently from the one that built the committed file")
                .isEqualTo(Files.readAllBytes(COMMITTED));
    }

    @Test
    void bundledSuiteHoldsEverySourceWithItsAttributionAndProxyNote() {
        Suite suite = Suite.bundled();

        Map<String, Long> perSource = suite.tasks().stream()
                .collect(Collectors.groupingBy(BenchTask::source, Collectors.counting()));
        assertThat(perSource).containsExactlyInAnyOrderEntriesOf(Map.of("mmlu-cs", 469L, "mbpp", 427L,
                "humaneval", 164L, "leetcode", 228L, "simpleqa", 4326L, "hotpotqa", 7405L));
        assertThat(suite.info().binsAreProxy()).isTrue();
        assertThat(suite.info().binsNote()).contains("proxy");
        assertThat(suite.info().sources()).extracting(SourceInfo::id)
                .containsExactly("mmlu-cs", "mbpp", "humaneval", "leetcode", "simpleqa", "hotpotqa");
        SourceInfo hotpot = suite.info().sources().get(5);
        assertThat(hotpot.licence()).isEqualTo("CC BY-SA 4.0");
        assertThat(hotpot.note()).contains("Share-alike");
        assertThat(suite.tasks()).allSatisfy(t -> assertThat(t.attribution()).isNotBlank());
        assertThat(suite.counts().get(Domain.DEEP_SEARCH)).containsEntry(TimeBin.B4, 0).containsEntry(TimeBin.B5, 0);
        assertThat(suite.counts().get(Domain.CODING).values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void binsFollowTheDocumentedProxies() {
        Suite suite = Suite.bundled();

        assertThat(suite.filter(t -> t.source().equals("mmlu-cs")).tasks()).allMatch(t -> t.bin() == TimeBin.B1);
        assertThat(suite.filter(t -> t.source().equals("simpleqa")).tasks()).allMatch(t -> t.bin() == TimeBin.B1);
        assertThat(suite.filter(t -> "comparison".equals(t.metadata().get("type"))).tasks())
                .hasSize(1487).allMatch(t -> t.bin() == TimeBin.B2);
        assertThat(suite.filter(t -> "bridge".equals(t.metadata().get("type"))).tasks())
                .hasSize(5918).allMatch(t -> t.bin() == TimeBin.B3);
        assertThat(suite.task("mbpp/002").orElseThrow().bin()).isEqualTo(TimeBin.B2); // a 3-line reference
        assertThat(suite.filter(t -> t.source().equals("mbpp")).tasks()).allSatisfy(t -> {
            int lines = Integer.parseInt(t.metadata().get("referenceLines"));
            assertThat(t.bin()).isEqualTo(lines <= 3 ? TimeBin.B2 : lines <= 8 ? TimeBin.B3 : TimeBin.B4);
        });
        assertThat(suite.filter(t -> "Hard".equals(t.metadata().get("difficulty"))).tasks())
                .hasSize(79).allMatch(t -> t.bin() == TimeBin.B5);
        assertThat(suite.filter(t -> t.source().equals("leetcode") && t.metadata().containsKey("rating")).tasks())
                .allSatisfy(t -> assertThat(t.bin()).isEqualTo(
                        Double.parseDouble(t.metadata().get("rating")) < 1700 ? TimeBin.B4 : TimeBin.B5));
    }

    @Test
    void aMissingDataFolderIsNamedWithTheFix(@TempDir Path empty) {
        assertThatThrownBy(() -> SuiteBuilder.build(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.resolve("mmlu-cs").toString())
                .hasMessageContaining("pass --data");
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
