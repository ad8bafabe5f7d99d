package dev.sale4j.eval.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GAIA-format metadata a user supplies loads as deep-search tasks in the long bins. */
class GaiaLoaderTest {

    @TempDir
    Path dir;

    @Test
    void levelsAndAnnotatorTimesGiveTheBins() throws IOException {
        Path file = Files.write(dir.resolve("metadata.jsonl"), List.of(
                "{\"task_id\": \"t-1\", \"Question\": \"How many studio albums did the band release before 2000?\", "
                        + "\"Level\": 1, \"Final answer\": \"3\", \"file_name\": \"\"}",
                "{\"task_id\": \"t-2\", \"Question\": \"What is the total in the attached sheet?\", \"Level\": \"2\","
                        + " \"Final answer\": \"89706.00\", \"file_name\": \"sheet.xlsx\"}",
                "",
                "{\"task_id\": \"t-3\", \"Question\": \"Which city hosted it?\", \"Level\": 3, \"Final answer\": "
                        + "\"Turin\", \"file_name\": \"\", \"Annotator Metadata\": {\"How long did this take?\": "
                        + "\"1 hour 10 minutes\"}}",
                "{\"task_id\": \"t-4\", \"Question\": \"Who wrote it?\", \"Level\": 3, \"Final answer\": \"Ann Lee\","
                        + " \"file_name\": \"\", \"Annotator Metadata\": {\"How long did this take?\": \"4 minutes\"}}"));

        Suite gaia = GaiaLoader.load(file);

        assertThat(gaia.tasks()).extracting(BenchTask::id).containsExactly("gaia/t-1", "gaia/t-2", "gaia/t-3",
                "gaia/t-4");
        assertThat(gaia.tasks()).extracting(BenchTask::bin)
                .containsExactly(TimeBin.B4, TimeBin.B5, TimeBin.B5, TimeBin.B4);
        assertThat(gaia.tasks()).allMatch(t -> t.domain() == Domain.DEEP_SEARCH && t.source().equals("gaia"));
        BenchTask sheet = gaia.task("gaia/t-2").orElseThrow();
        assertThat(sheet.prompt()).contains("What is the total in the attached sheet?")
                .contains("attached file: " + dir.toAbsolutePath().resolve("sheet.xlsx"));
        assertThat(sheet.grading()).isEqualTo(new GradingSpec.Answer("What is the total in the attached sheet?",
                List.of("89706.00")));
        assertThat(gaia.task("gaia/t-4").orElseThrow().metadata()).containsEntry("annotatorMinutes", "4.0")
                .containsEntry("level", "3");
        assertThat(gaia.info().binsAreProxy()).isTrue();
        assertThat(Suite.bundled().sample(1, 1).plus(gaia).counts().get(Domain.DEEP_SEARCH))
                .containsEntry(TimeBin.B4, 2).containsEntry(TimeBin.B5, 2);
    }

    @Test
    void aMalformedLineIsNamed() throws IOException {
        Path file = Files.write(dir.resolve("metadata.jsonl"), List.of(
                "{\"task_id\": \"t-1\", \"Question\": \"Q?\", \"Level\": 1, \"Final answer\": \"3\"}",
                "{\"task_id\": \"t-2\", \"Question\": \"Q?\", \"Level\": 4, \"Final answer\": \"3\"}"));

        assertThatThrownBy(() -> GaiaLoader.load(file)).isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("metadata.jsonl line 2: field 'Level' must be 1, 2 or 3; got 4");
        Path noAnswer = Files.write(dir.resolve("no-answer.jsonl"), List.of(
                "{\"task_id\": \"t-1\", \"Question\": \"Q?\", \"Level\": 1}"));
        assertThatThrownBy(() -> GaiaLoader.load(noAnswer)).isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("line 1: field 'Final answer' is required");
    }
}
