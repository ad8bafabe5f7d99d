package dev.sale4j.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the coding sources (MMLU computer science, sanitized MBPP, HumanEval, LeetCode) into tasks. */
final class CodingSources {

    static final SourceInfo MMLU = new SourceInfo("mmlu-cs", "MMLU computer science", "Hendrycks et al. 2021",
            "hendrycks/test, data/{dev,val,test}/<subject>_<split>.csv, commit 785eba57b455b9f9be12a0d3c1106d67274fea0e",
            "MIT", "every question in (0,0.1]: one multiple-choice answer",
            "Subjects college_computer_science, high_school_computer_science, computer_security, machine_learning; "
                    + "all splits (dev, val, test). The September-2020 upload; the final release differs slightly.");
    static final SourceInfo MBPP = new SourceInfo("mbpp", "MBPP (sanitized)", "Austin et al. 2021",
            "google-research/google-research mbpp/sanitized-mbpp.json, via the mirror patdfb/TPC-EES commit "
                    + "30c8c572bfcd0fc5fa537210710d7fde134e4868", "CC BY 4.0",
            "reference solution's code lines: 1-3 in (0.1,0.5], 4-8 in (0.5,2.5], 9 or more in (2.5,12.5]",
            "All 427 sanitized tasks; the agent sees the description and the first assert, grading runs all.");
    static final SourceInfo HUMANEVAL = new SourceInfo("humaneval", "HumanEval", "Chen et al. 2021",
            "openai/human-eval data/HumanEval.jsonl.gz, commit 6d43fb980f9fee3c892a914eda09951f772ad10d", "MIT",
            "canonical solution's code lines: 1-3 in (0.1,0.5], 4-10 in (0.5,2.5], 11 or more in (2.5,12.5]",
            "All 164 tasks; the prompt (signature, docstring, helpers) runs before the candidate.");
    static final SourceInfo LEETCODE = new SourceInfo("leetcode", "LeetCodeDataset v0.3.1 test",
            "Xia et al. 2025; ratings by zerotrac", "newfacade/LeetCodeDataset data/LeetCodeDataset-v0.3.1-test"
                    + ".jsonl.gz, commit 182cd19fd53161efd70a1ef074fe1056b659bfa3; zerotrac/leetcode_problem_rating "
                    + "ratings.txt, commit e59f5caaeb755afcc68ead0fbbbb8a9d652c4b46", "MIT",
            "contest rating below 1700 in (2.5,12.5], 1700 or more in (12.5,60]; unrated: Easy in (2.5,12.5], "
                    + "Medium and Hard in (12.5,60]",
            "All 228 problems (2024-08 to 2025-03); ratings are an Elo-style difficulty, not solve times.");

    private static final List<String> MMLU_SUBJECTS = List.of("college_computer_science",
            "high_school_computer_science", "computer_security", "machine_learning");
    private static final CsvMapper CSV = new CsvMapper();

    private CodingSources() {
    }

    static List<BenchTask> mmlu(Path dir) throws IOException {
        List<BenchTask> tasks = new ArrayList<>();
        for (String subject : MMLU_SUBJECTS) {
            for (String split : List.of("dev", "val", "test")) {
                Path file = dir.resolve(subject + "_" + split + ".csv");
                List<String[]> rows = csv(file);
                for (int i = 0; i < rows.size(); i++) {
                    String[] row = rows.get(i);
                    if (row.length != 6) {
                        throw new IllegalStateException(file + " row " + (i + 1) + ": expected 6 columns "
                                + "(question, A, B, C, D, answer), got " + row.length);
                    }
                    String subjectName = subject.replace('_', ' ');
                    tasks.add(new BenchTask(String.format(Locale.ROOT, "mmlu-cs/%s/%s/%03d", subject, split, i + 1),
                            Domain.CODING, TimeBin.B1, MMLU.id(),
                            TaskPrompts.multipleChoice(subjectName, row[0], List.of(row[1], row[2], row[3], row[4])),
                            new GradingSpec.Choice(row[5].strip(), 4), MMLU.attribution(),
                            Map.of("subject", subject, "split", split)));
                }
            }
        }
        return tasks;
    }

    static List<BenchTask> mbpp(Path file) throws IOException {
        List<BenchTask> tasks = new ArrayList<>();
        for (JsonNode t : TaskJson.JSON.readTree(file.toFile())) {
            List<String> asserts = strings(t.get("test_list"));
            String code = t.get("code").asText();
            int lines = codeLines(code);
            TimeBin bin = lines <= 3 ? TimeBin.B2 : lines <= 8 ? TimeBin.B3 : TimeBin.B4;
            tasks.add(new BenchTask(String.format(Locale.ROOT, "mbpp/%03d", t.get("task_id").asInt()),
                    Domain.CODING, bin, MBPP.id(), TaskPrompts.mbpp(t.get("prompt").asText(), asserts.get(0)),
                    new GradingSpec.Asserts(String.join("\n", strings(t.get("test_imports"))), asserts, code),
                    MBPP.attribution(), Map.of("referenceLines", Integer.toString(lines))));
        }
        return tasks;
    }

    static List<BenchTask> humanEval(Path file) throws IOException {
        List<BenchTask> tasks = new ArrayList<>();
        for (JsonNode t : jsonl(file)) {
            String prompt = t.get("prompt").asText();
            String solution = t.get("canonical_solution").asText();
            int lines = codeLines(solution);
            TimeBin bin = lines <= 3 ? TimeBin.B2 : lines <= 10 ? TimeBin.B3 : TimeBin.B4;
            String number = t.get("task_id").asText().replace("HumanEval/", "");
            tasks.add(new BenchTask(String.format(Locale.ROOT, "humaneval/%03d", Integer.parseInt(number)),
                    Domain.CODING, bin, HUMANEVAL.id(), TaskPrompts.humanEval(prompt),
                    new GradingSpec.Check(prompt, t.get("test").asText(), t.get("entry_point").asText(),
                            prompt + solution), HUMANEVAL.attribution(),
                    Map.of("referenceLines", Integer.toString(lines))));
        }
        return tasks;
    }

    static List<BenchTask> leetCode(Path file, Path ratingsFile) throws IOException {
        Map<String, Double> ratings = new HashMap<>();
        List<String> lines = Files.readAllLines(ratingsFile, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            if (cols.length >= 5) {
                ratings.put(cols[4], Double.parseDouble(cols[0]));
            }
        }
        List<BenchTask> tasks = new ArrayList<>();
        for (JsonNode t : jsonl(file)) {
            String slug = t.get("task_id").asText();
            String difficulty = t.get("difficulty").asText();
            Double rating = ratings.get(slug);
            TimeBin bin = rating != null ? (rating < 1700 ? TimeBin.B4 : TimeBin.B5)
                    : "Easy".equals(difficulty) ? TimeBin.B4 : TimeBin.B5;
            Map<String, String> meta = new HashMap<>();
            meta.put("difficulty", difficulty);
            meta.put("questionId", t.get("question_id").asText());
            meta.put("date", t.get("estimated_date").asText());
            meta.put("tags", String.join(", ", strings(t.get("tags"))));
            if (rating != null) {
                meta.put("rating", String.format(Locale.ROOT, "%.0f", rating));
            }
            tasks.add(new BenchTask("leetcode/" + slug, Domain.CODING, bin, LEETCODE.id(),
                    TaskPrompts.leetCode(t.get("problem_description").asText(), t.get("starter_code").asText()),
                    new GradingSpec.Check(t.get("prompt").asText(), t.get("test").asText(),
                            t.get("entry_point").asText(), t.get("completion").asText()),
                    LEETCODE.attribution(), meta));
        }
        return tasks;
    }

    /** Non-blank lines that are not comments. */
    static int codeLines(String code) {
        return (int) code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    }

    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(file.toFile())) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    nodes.add(TaskJson.JSON.readTree(line));
                }
            }
        }
        return nodes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
