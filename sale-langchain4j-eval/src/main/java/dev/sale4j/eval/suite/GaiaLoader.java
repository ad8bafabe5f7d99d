package dev.sale4j.eval.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads GAIA tasks from a metadata JSONL file a user supplies (GAIA is gated, so it is not bundled): fields
 * {@code task_id}, {@code Question}, {@code Level}, {@code Final answer}, {@code file_name}. Each becomes a
 * deep-search task graded like SimpleQA. Bin: the annotator's "How long did this take?" when present, else
 * Level 1 in (2.5,12.5] and Levels 2 and 3 in (12.5,60]. A task with an attachment names its path in the prompt.
 */
public final class GaiaLoader {

    public static final SourceInfo GAIA = new SourceInfo("gaia", "GAIA", "Mialon et al. 2023",
            "a metadata.jsonl supplied by the user", "see the GAIA data set's terms",
            "annotator's time when given, else Level 1 in (2.5,12.5], Levels 2-3 in (12.5,60]",
            "Not bundled: GAIA is gated; load your own copy.");

    private static final Pattern MINUTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(min|minute|minutes|m)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOURS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(h|hr|hrs|hour|hours)\\b",
            Pattern.CASE_INSENSITIVE);

    private GaiaLoader() {
    }

    /** @return the tasks of a GAIA metadata file, as a suite whose bins are a proxy */
    public static Suite load(Path metadataJsonl) {
        List<String> lines;
        try {
            lines = Files.readAllLines(metadataJsonl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GAIA file " + metadataJsonl + ": " + e.getMessage(), e);
        }
        List<BenchTask> tasks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                tasks.add(task(TaskJson.JSON.readTree(lines.get(i)), metadataJsonl.toAbsolutePath().getParent()));
            } catch (JsonProcessingException e) {
                throw new SuiteFormatException(metadataJsonl.toString(), i + 1, "not valid JSON ("
                        + e.getOriginalMessage() + "); each line must be one GAIA metadata object", e);
            } catch (IllegalArgumentException e) {
                throw new SuiteFormatException(metadataJsonl.toString(), i + 1, e.getMessage(), e);
            }
        }
        return new Suite(new SuiteInfo("gaia", 1, true, SuiteInfo.PROXY_NOTE, List.of(GAIA)), tasks);
    }

    private static BenchTask task(JsonNode node, Path dir) {
        String id = required(node, "task_id");
        String question = required(node, "Question");
        String answer = required(node, "Final answer");
        JsonNode levelNode = node.get("Level");
        int level = levelNode == null ? 0 : levelNode.isNumber() ? levelNode.asInt()
                : levelNode.asText().strip().matches("[123]") ? Integer.parseInt(levelNode.asText().strip()) : 0;
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("field 'Level' must be 1, 2 or 3; got " + levelNode);
        }
        Map<String, String> meta = new HashMap<>();
        meta.put("level", Integer.toString(level));
        TimeBin bin = level == 1 ? TimeBin.B4 : TimeBin.B5;
        Double minutes = annotatorMinutes(node.path("Annotator Metadata").path("How long did this take?").asText(""));
        if (minutes != null && minutes > 0 && minutes <= 60) {
            bin = TimeBin.ofMinutes(minutes);
            meta.put("annotatorMinutes", minutes.toString());
        }
        String fileName = node.path("file_name").asText("");
        String prompt = TaskPrompts.shortAnswer(question);
        if (!fileName.isBlank()) {
            meta.put("file", fileName);
            prompt += "\n\nThe question refers to an attached file: " + dir.resolve(fileName);
        }
        return new BenchTask("gaia/" + id, Domain.DEEP_SEARCH, bin, GAIA.id(), prompt,
                new GradingSpec.Answer(question.strip(), List.of(answer.strip())), GAIA.attribution(), meta);
    }

    /** Parses "10 minutes", "1 hour 5 min", "90m"; null when it names no time. */
    static Double annotatorMinutes(String text) {
        double total = 0;
        boolean found = false;
        for (Matcher m = MINUTES.matcher(text); m.find(); found = true) {
            total += Double.parseDouble(m.group(1));
        }
        for (Matcher m = HOURS.matcher(text); m.find(); found = true) {
            total += 60 * Double.parseDouble(m.group(1));
        }
        return found ? total : null;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is required in a GAIA metadata line "
                    + "(task_id, Question, Level, Final answer, file_name)");
        }
        return value.asText();
    }
}
