package dev.sale4j.eval.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** User task files: the documented format reads, and a malformed line fails naming the file, line and field. */
class SuiteFilesTest {

    private static final String GOOD_CODE = "{\"id\":\"mine/add\",\"domain\":\"coding\",\"bin\":\"(0.1,0.5]\","
            + "\"source\":\"mine\",\"prompt\":\"Write add(a, b).\",\"grading\":{\"type\":\"asserts\","
            + "\"asserts\":[\"assert add(1, 2) == 3\"]}}";
    private static final String GOOD_SEARCH = "{\"id\":\"mine/capital\",\"domain\":\"deep-search\",\"minutes\":1.5,"
            + "\"source\":\"mine\",\"prompt\":\"Capital of Australia?\",\"grading\":{\"type\":\"answer\","
            + "\"question\":\"What is the capital of Australia?\",\"answers\":[\"Canberra\"]},"
            + "\"metadata\":{\"topic\":\"geography\"}}";

    @TempDir
    Path dir;

    @Test
    void userTaskFilesReadWithBinsFromLabelsOrMinutes() throws IOException {
        Suite suite = Suite.load(write("", GOOD_SEARCH, GOOD_CODE, ""));

        assertThat(suite.tasks()).extracting(BenchTask::id).containsExactly("mine/add", "mine/capital");
        assertThat(suite.task("mine/capital").orElseThrow().bin()).isEqualTo(TimeBin.B3);
        assertThat(suite.task("mine/add").orElseThrow().grading())
                .isEqualTo(new GradingSpec.Asserts("", List.of("assert add(1, 2) == 3"), null));
        assertThat(suite.info().binsAreProxy()).isFalse();
        assertThat(suite.info().name()).isEqualTo("tasks.jsonl");
    }

    @Test
    void writtenSuitesReadBackEqual() {
        Suite bundled = Suite.bundled().sample(3, 11);
        Path file = dir.resolve("sample.jsonl.gz");

        bundled.write(file);
        Suite back = Suite.load(file);

        assertThat(back.info()).isEqualTo(bundled.info());
        assertThat(back.tasks()).isEqualTo(bundled.tasks());
    }

    @Test
    void invalidJsonNamesTheLine() throws IOException {
        SuiteFormatException e = failure(GOOD_CODE, "", "{\"id\": \"mine/2\", ");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(dir.resolve("tasks.jsonl") + " line 3: not valid JSON")
                .contains("one complete JSON object");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        SuiteFormatException e = failure(GOOD_CODE, GOOD_SEARCH.replace("\"prompt\":\"Capital of Australia?\",", ""));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2: field 'prompt' is required");
    }

    @Test
    void anUnknownBinListsTheLabels() throws IOException {
        SuiteFormatException e = failure(GOOD_CODE.replace("(0.1,0.5]", "(0.1,1]"));

        assertThat(e.getMessage()).contains("line 1: field 'bin': unknown time bin '(0.1,1]'; use one of (0,0.1] "
                + "(0.1,0.5] (0.5,2.5] (2.5,12.5] (12.5,60]");
    }

    @Test
    void badValuesNameTheirFieldAndTheFix() throws IOException {
        assertThat(failure(GOOD_CODE.replace("\"coding\"", "\"code\"")).getMessage())
                .contains("line 1: field 'domain': unknown domain 'code'; use one of coding, deep-search");
        assertThat(failure(GOOD_SEARCH.replace("1.5", "90")).getMessage())
                .contains("field 'minutes': human time 90.0 min is outside the bins");
        assertThat(failure(GOOD_CODE.replace("\"asserts\":[\"assert add(1, 2) == 3\"]", "\"asserts\":[]"))
                .getMessage()).contains("field 'grading.asserts' must be a non-empty list");
        assertThat(failure(GOOD_CODE.replace("\"type\":\"asserts\"", "\"type\":\"unit\"")).getMessage())
                .contains("field 'grading.type' must be one of asserts, check, choice, answer; got 'unit'");
        assertThat(failure(GOOD_CODE.replace("\"prompt\"", "\"promt\"")).getMessage())
                .contains("unknown field 'promt'; allowed: attribution, bin, domain, grading, id, metadata, minutes,"
                        + " prompt, source");
        assertThat(failure(GOOD_CODE.replace("\"id\":\"mine/add\"", "\"id\":7")).getMessage())
                .contains("field 'id' must be a string; got number");
        assertThat(failure("{\"id\":\"q\",\"domain\":\"coding\",\"bin\":\"B1\",\"source\":\"s\",\"prompt\":\"p\","
                + "\"grading\":{\"type\":\"choice\",\"answer\":\"E\"}}").getMessage())
                .contains("field 'grading.answer' must be one letter among the first 4 (A..D); got 'E'");
    }

    @Test
    void aDuplicateIdNamesBothLines() throws IOException {
        SuiteFormatException e = failure(GOOD_CODE, GOOD_SEARCH, GOOD_CODE);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("duplicate task id 'mine/add', first used on line 1");
    }

    @Test
    void aTruncatedSuiteIsDetectedByItsHeader() throws IOException {
        Path file = dir.resolve("suite.jsonl.gz");
        Suite.bundled().sample(2, 1).write(file);
        Suite readBack = Suite.load(file);
        List<String> lines = new String(SuiteFiles.jsonl(readBack), StandardCharsets.UTF_8).lines().toList();
        Path truncated = Files.write(dir.resolve("cut.jsonl"), lines.subList(0, lines.size() - 1));

        assertThatThrownBy(() -> Suite.load(truncated)).isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("the header declares " + readBack.tasks().size() + " tasks but the file holds "
                        + (readBack.tasks().size() - 1));
        Path headerLate = Files.write(dir.resolve("late.jsonl"), List.of(lines.get(1), lines.get(0)));
        assertThatThrownBy(() -> Suite.load(headerLate)).isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("line 2: a suite header may only be the first line");
    }

    private SuiteFormatException failure(String... lines) throws IOException {
        Path file = write(lines);
        return catchThrowableOfType(SuiteFormatException.class, () -> Suite.load(file));
    }

    private Path write(String... lines) throws IOException {
        return Files.writeString(dir.resolve("tasks.jsonl"), String.join("\n", lines) + "\n");
    }
}
