package dev.sale4j.eval.suite;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Builds the HST-style suite from the upstream data files (MMLU-CS, MBPP, HumanEval, LeetCode, SimpleQA, HotpotQA)
 * and writes it deterministically: the same inputs give a byte-identical file. Run it with
 * {@code ./mvnw -B -q -pl sale-langchain4j-eval -am process-classes -Pbuild-suite} (see docs/task-suite.md).
 */
@Command(name = "build-suite", mixinStandardHelpOptions = true,
        description = "Builds the task suite from the upstream data sets.")
public final class SuiteBuilder implements Callable<Integer> {

    public static final String NAME = "hst-suite";
    public static final int VERSION = 1;

    @Option(names = "--data", required = true, description = "the data folder (with mbpp/, leetcode/, ...)")
    Path data;

    @Option(names = "--out", required = true, description = "the suite file to write (.jsonl.gz)")
    Path out;

    public static void main(String[] args) {
        int code = new CommandLine(new SuiteBuilder()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws IOException {
        return call(data, out);
    }

    Integer call(Path data, Path out) throws IOException {
        Suite suite = build(data);
        suite.write(out);
        System.out.println("wrote " + suite + " to " + out + " (" + Files.size(out) + " bytes)");
        for (Map.Entry<Domain, Map<TimeBin, Integer>> domain : suite.counts().entrySet()) {
            System.out.println("  " + domain.getKey() + ": " + domain.getValue());
        }
        return 0;
    }

    /** @return the suite built from {@code dataDir}, failing with the missing path when a source file is absent */
    public static Suite build(Path dataDir) throws IOException {
        List<BenchTask> tasks = new ArrayList<>();
        tasks.addAll(CodingSources.mmlu(folder(dataDir, "mmlu-cs")));
        tasks.addAll(CodingSources.mbpp(file(dataDir, "mbpp/sanitized-mbpp.json")));
        tasks.addAll(CodingSources.humanEval(file(dataDir, "humaneval/HumanEval.jsonl.gz")));
        tasks.addAll(CodingSources.leetCode(file(dataDir, "leetcode/LeetCodeDataset-v0.3.1-test.jsonl.gz"),
                file(dataDir, "leetcode/zerotrac-ratings.txt")));
        tasks.addAll(SearchSources.simpleQa(file(dataDir, "simpleqa/simple_qa_test_set.csv")));
        tasks.addAll(SearchSources.hotpotQa(file(dataDir, "hotpotqa/hotpot_dev_v1_simplified.json")));
        SuiteInfo info = new SuiteInfo(NAME, VERSION, true, SuiteInfo.PROXY_NOTE, List.of(CodingSources.MMLU,
                CodingSources.MBPP, CodingSources.HUMANEVAL, CodingSources.LEETCODE, SearchSources.SIMPLEQA,
                SearchSources.HOTPOTQA));
        return new Suite(info, tasks);
    }

    private static Path folder(Path dataDir, String relative) {
        Path dir = dataDir.resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data folder " + dir + " not found; pass --data pointing at the "
                    + "folder that holds mmlu-cs/, mbpp/, humaneval/, leetcode/, simpleqa/ and hotpotqa/");
        }
        return dir;
    }

    private static Path file(Path dataDir, String relative) {
        Path file = dataDir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file " + file + " not found; pass --data pointing at the folder"
                    + " that holds mmlu-cs/, mbpp/, humaneval/, leetcode/, simpleqa/ and hotpotqa/");
        }
        return file;
    }
}
