package dev.sale4j.eval.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A task suite: its header ({@link SuiteInfo}: version, proxy-bin note, sources and licences) and its tasks, sorted
 * by id. {@link #bundled()} is the suite shipped in this jar; {@link #load(Path)} reads a suite or a file of your own
 * tasks; {@link #sample(int, long)} draws a reproducible subset per domain and bin.
 */
public final class Suite {

    /** Classpath location of the bundled suite. */
    public static final String BUNDLED = "dev/sale4j/eval/suite/hst-suite-v1.jsonl.gz";

    private static volatile Suite bundled;

    private final SuiteInfo info;
    private final List<BenchTask> tasks;
    private final Map<String, BenchTask> byId;

    public Suite(SuiteInfo info, List<BenchTask> tasks) {
        if (info == null) {
            throw new IllegalArgumentException("a suite needs its SuiteInfo header");
        }
        Map<String, BenchTask> ids = new HashMap<>();
        for (BenchTask task : tasks) {
            if (ids.putIfAbsent(task.id(), task) != null) {
                throw new IllegalArgumentException("duplicate task id '" + task.id() + "'; task ids must be unique "
                        + "within a suite");
            }
        }
        this.info = info;
        this.byId = ids;
        this.tasks = tasks.stream().sorted(Comparator.comparing(BenchTask::id)).toList();
    }

    /**
     * @return the HST-style suite built from MMLU-CS, MBPP, LeetCode, HumanEval, SimpleQA and HotpotQA (read once,
     * then shared: suites are immutable)
     */
    public static Suite bundled() {
        Suite suite = bundled;
        if (suite == null) {
            synchronized (Suite.class) {
                if (bundled == null) {
                    bundled = readBundled();
                }
                suite = bundled;
            }
        }
        return suite;
    }

    private static Suite readBundled() {
        try (InputStream in = Suite.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath; add the "
                        + "sale-langchain4j-eval jar or rebuild the suite (docs/task-suite.md)");
            }
            return SuiteFiles.read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a suite file or a JSONL file of tasks (plain or gzip). Fails with a {@link SuiteFormatException} naming
     * the line and field of the first malformed task.
     */
    public static Suite load(Path file) {
        return SuiteFiles.read(file);
    }

    public SuiteInfo info() {
        return info;
    }

    /** @return every task, sorted by id */
    public List<BenchTask> tasks() {
        return tasks;
    }

    public Optional<BenchTask> task(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return this suite with the tasks of {@code other} added (its sources too); task ids must not collide */
    public Suite plus(Suite other) {
        List<BenchTask> all = new ArrayList<>(tasks);
        all.addAll(other.tasks);
        List<SourceInfo> sources = new ArrayList<>(info.sources());
        other.info.sources().stream().filter(s -> sources.stream().noneMatch(t -> t.id().equals(s.id())))
                .forEach(sources::add);
        return new Suite(new SuiteInfo(info.name(), info.version(), info.binsAreProxy() || other.info.binsAreProxy(),
                info.binsNote(), sources), all);
    }

    public Suite filter(Predicate<BenchTask> keep) {
        return new Suite(info, tasks.stream().filter(keep).toList());
    }

    /**
     * Draws up to {@code perDomainAndBin} tasks from every (domain, bin) cell. Which tasks is decided by a hash of
     * the seed and each task id alone, so the same seed gives the same tasks whatever the order of the files.
     */
    public Suite sample(int perDomainAndBin, long seed) {
        if (perDomainAndBin < 1) {
            throw new IllegalArgumentException("perDomainAndBin must be at least 1; got " + perDomainAndBin);
        }
        Map<String, List<BenchTask>> cells = tasks.stream()
                .collect(Collectors.groupingBy(t -> t.domain() + " " + t.bin()));
        List<BenchTask> chosen = new ArrayList<>();
        cells.values().forEach(cell -> chosen.addAll(ordered(cell, seed).subList(0,
                Math.min(perDomainAndBin, cell.size()))));
        return new Suite(info, chosen);
    }

    /** @return the tasks in a seeded order (a stream for online runs), the same for the same seed and task ids */
    public List<BenchTask> ordered(long seed) {
        return ordered(tasks, seed);
    }

    /** @return how many tasks fall in each domain and bin (every bin listed, zeros included) */
    public Map<Domain, Map<TimeBin, Integer>> counts() {
        Map<Domain, Map<TimeBin, Integer>> counts = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            Map<TimeBin, Integer> bins = new EnumMap<>(TimeBin.class);
            for (TimeBin b : TimeBin.values()) {
                bins.put(b, 0);
            }
            counts.put(d, bins);
        }
        tasks.forEach(t -> counts.get(t.domain()).merge(t.bin(), 1, Integer::sum));
        return counts;
    }

    /** Writes this suite deterministically (gzip JSONL with a header line); same suite, same bytes. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, SuiteFiles.bytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write suite file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<BenchTask> ordered(List<BenchTask> tasks, long seed) {
        return tasks.stream().sorted(Comparator.comparingLong((BenchTask t) -> key(seed, t.id()))
                .thenComparing(BenchTask::id)).toList();
    }

    /** FNV-1a over the id's UTF-8 bytes, keyed by the seed, finished with SplitMix64's mixer. */
    static long key(long seed, String id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    @Override
    public String toString() {
        return info.name() + " v" + info.version() + " (" + tasks.size() + " tasks)";
    }
}
