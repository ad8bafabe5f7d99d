package dev.sale4j.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the deep-search sources (SimpleQA, HotpotQA) into tasks. */
final class SearchSources {

    static final SourceInfo SIMPLEQA = new SourceInfo("simpleqa", "SimpleQA", "Wei et al. 2024",
            "openai/simple-evals simple_qa_test_set.csv, via the mirror tavily-ai/tavily-SimpleQA commit "
                    + "14b8f57c99e14391870d46d89329ce0d08affe47", "MIT",
            "every question in (0,0.1]: one short fact", "All 4,326 questions.");
    static final SourceInfo HOTPOTQA = new SourceInfo("hotpotqa", "HotpotQA dev (distractor)", "Yang et al. 2018",
            "the question/answer/type list of ysymyth/ReAct data/hotpot_dev_v1_simplified.json, commit "
                    + "6bdb3a1fd38b8188fc7ba4102969fe483df8fdc9", "CC BY-SA 4.0",
            "comparison questions in (0.1,0.5], bridge questions in (0.5,2.5] (all dev questions are level hard)",
            "All 7,405 dev questions. Share-alike: these tasks, and any adaptation of them, may be shared only "
                    + "under CC BY-SA 4.0 with this attribution.");

    private static final Pattern PY_FIELD = Pattern.compile("'(topic|answer_type)':\\s*'([^']*)'");

    private SearchSources() {
    }

    static List<BenchTask> simpleQa(Path file) throws IOException {
        List<String[]> rows = CodingSources.csv(file);
        String[] header = rows.get(0);
        if (header.length != 3 || !"problem".equals(header[1]) || !"answer".equals(header[2])) {
            throw new IllegalStateException(file + ": expected the header metadata,problem,answer; got "
                    + String.join(",", header));
        }
        List<BenchTask> tasks = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Map<String, String> meta = new HashMap<>();
            Matcher m = PY_FIELD.matcher(row[0]);
            while (m.find()) {
                meta.put("answer_type".equals(m.group(1)) ? "answerType" : "topic", m.group(2));
            }
            tasks.add(answerTask(String.format(Locale.ROOT, "simpleqa/%04d", i), TimeBin.B1, SIMPLEQA, row[1],
                    row[2], meta));
        }
        return tasks;
    }

    static List<BenchTask> hotpotQa(Path file) throws IOException {
        List<BenchTask> tasks = new ArrayList<>();
        int i = 0;
        for (JsonNode q : TaskJson.JSON.readTree(file.toFile())) {
            i++;
            String type = q.get("type").asText();
            TimeBin bin = "comparison".equals(type) ? TimeBin.B2 : TimeBin.B3;
            tasks.add(answerTask(String.format(Locale.ROOT, "hotpotqa/%04d", i), bin, HOTPOTQA,
                    q.get("question").asText(), q.get("answer").asText(), Map.of("type", type)));
        }
        return tasks;
    }

    static BenchTask answerTask(String id, TimeBin bin, SourceInfo source, String question, String answer,
                                Map<String, String> meta) {
        return new BenchTask(id, Domain.DEEP_SEARCH, bin, source.id(), TaskPrompts.shortAnswer(question),
                new GradingSpec.Answer(question.strip(), List.of(answer.strip())), source.attribution(), meta);
    }
}
