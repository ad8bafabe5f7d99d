package dev.sale4j.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The measures of a simulation, per policy and per group of tasks: overall, per domain, per bin, and per domain and
 * bin (the paper's layout). Group keys are {@link Group}s; {@code null} in a key means "all".
 */
public final class Measures {

    /** A group of tasks: a domain and a bin, each null for all. */
    public record Group(String domain, String bin) {

        public static final Group ALL = new Group(null, null);

        boolean contains(TaskOutcome t) {
            return (domain == null || domain.equals(t.domain())) && (bin == null || bin.equals(t.bin()));
        }

        /** {@code all}, {@code coding}, {@code (0.1,0.5]} or {@code coding (0.1,0.5]}. */
        public String label() {
            if (domain == null && bin == null) {
                return "all";
            }
            return domain == null ? bin : bin == null ? domain : domain + " " + bin;
        }
    }

    private final SimulationResult result;
    private final List<String> domains;
    private final List<String> bins;
    private final Map<String, Map<Group, Measure>> byPolicy = new LinkedHashMap<>();

    private Measures(SimulationResult result) {
        this.result = result;
        TreeSet<String> d = new TreeSet<>();
        TreeSet<String> b = new TreeSet<>(Measures::compareBins);
        result.policies().forEach(p -> p.outcomes().forEach(t -> {
            if (t.domain() != null) {
                d.add(t.domain());
            }
            if (t.bin() != null) {
                b.add(t.bin());
            }
        }));
        domains = List.copyOf(d);
        bins = List.copyOf(b);
        for (PolicyResult p : result.policies()) {
            Map<Group, Measure> m = new LinkedHashMap<>();
            for (Group g : groups()) {
                Measure measure = measure(p, g);
                if (measure.tasks() > 0) {
                    m.put(g, measure);
                }
            }
            byPolicy.put(p.name(), m);
        }
    }

    public static Measures of(SimulationResult result) {
        return new Measures(result);
    }

    public SimulationResult result() {
        return result;
    }

    /** Domains seen, sorted. */
    public List<String> domains() {
        return domains;
    }

    /** Bins seen, in ascending order of their lower bound where they read as intervals, else by name. */
    public List<String> bins() {
        return bins;
    }

    /** Every group: all, each domain, each bin, each domain and bin. */
    public List<Group> groups() {
        List<Group> g = new ArrayList<>();
        g.add(Group.ALL);
        domains.forEach(d -> g.add(new Group(d, null)));
        bins.forEach(b -> g.add(new Group(null, b)));
        domains.forEach(d -> bins.forEach(b -> g.add(new Group(d, b))));
        return g;
    }

    /** The measure of a policy on a group, or null when the group has none of its tasks. */
    public Measure get(String policy, Group group) {
        Map<Group, Measure> m = byPolicy.get(policy);
        if (m == null) {
            throw new IllegalArgumentException("No policy '" + policy + "'; policies are " + byPolicy.keySet());
        }
        return m.get(group);
    }

    /** Overall measure of a policy. */
    public Measure overall(String policy) {
        return get(policy, Group.ALL);
    }

    public List<String> policies() {
        return List.copyOf(byPolicy.keySet());
    }

    /**
     * Oracle confusion of a policy over all its tasks: oracle agent -> chosen agent -> tasks (solvable tasks only;
     * rows and columns in pool order).
     */
    public Map<String, Map<String, Integer>> confusion(String policy) {
        Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
        result.agents().forEach(o -> {
            Map<String, Integer> row = new LinkedHashMap<>();
            result.agents().forEach(c -> row.put(c, 0));
            m.put(o, row);
        });
        for (TaskOutcome t : result.policy(policy).outcomes()) {
            if (t.solvable() && t.oracle() != null && m.containsKey(t.oracle()) && m.get(t.oracle())
                    .containsKey(t.chosen())) {
                m.get(t.oracle()).merge(t.chosen(), 1, Integer::sum);
            }
        }
        return m;
    }

    private Measure measure(PolicyResult p, Group g) {
        List<TaskOutcome> ts = p.outcomes().stream().filter(g::contains).toList();
        int n = ts.size();
        int solved = (int) ts.stream().filter(TaskOutcome::correct).count();
        long seed = Objects.hash(result.seed(), p.name(), g.label());
        double[] ci = Bootstrap.passAt1Interval(n, solved, seed);
        double cost = ts.stream().mapToDouble(TaskOutcome::totalCostUsd).sum();
        long tokens = ts.stream().mapToLong(TaskOutcome::totalTokens).sum();
        long execTokens = ts.stream().mapToLong(TaskOutcome::tokens).sum();
        long overhead = ts.stream().mapToLong(TaskOutcome::overheadTokens).sum();
        long largestTokens = ts.stream().mapToLong(TaskOutcome::largestTokens).sum();
        String largest = result.largest();
        Map<String, Integer> counts = new TreeMap<>();
        ts.forEach(t -> counts.merge(t.chosen(), 1, Integer::sum));
        Map<String, Double> allocation = new TreeMap<>();
        counts.forEach((agent, c) -> allocation.put(agent, c / (double) n));
        Double reduction = null;
        if (!p.recorded() && hasLargestAlone()) {
            long alone = largestAloneTokens(g);
            reduction = alone == 0 ? null : 1 - largestTokens / (double) alone;
        }
        int matched = 0;
        int over = 0;
        int under = 0;
        int unsolvable = 0;
        for (TaskOutcome t : ts) {
            if (!t.solvable() || t.oracle() == null) {
                unsolvable++;
                continue;
            }
            double chosen = result.prices().getOrDefault(t.chosen(), Double.NaN);
            double oracle = result.prices().get(t.oracle());
            if (t.chosen().equals(t.oracle()) || chosen == oracle) {
                matched++;
            } else if (chosen > oracle) {
                over++;
            } else {
                under++;
            }
        }
        return new Measure(n, solved, n == 0 ? 0 : solved / (double) n, ci[0], ci[1], cost, tokens,
                tokens == 0 ? 0 : cost / tokens * 1e6, overhead == 0 ? null : overhead / (double) tokens,
                n == 0 ? 0 : share(ts, t -> t.chosen().equals(largest)), execTokens == 0 ? 0
                : largestTokens / (double) execTokens, reduction, allocation, matched, over, under, unsolvable);
    }

    private boolean hasLargestAlone() {
        return result.policies().stream().anyMatch(p -> p.name().equals("single:" + result.largest())
                || p.name().equals("largest"));
    }

    private long largestAloneTokens(Group g) {
        PolicyResult alone = result.policies().stream().filter(p -> p.name().equals("largest")
                || p.name().equals("single:" + result.largest())).findFirst().orElseThrow();
        return alone.outcomes().stream().filter(g::contains).mapToLong(TaskOutcome::largestTokens).sum();
    }

    private static double share(List<TaskOutcome> ts, Predicate<TaskOutcome> p) {
        return ts.stream().filter(p).count() / (double) ts.size();
    }

    /** Orders {@code (a,b]}-style bins by their lower bound, others by name after them. */
    static int compareBins(String x, String y) {
        double a = lower(x);
        double b = lower(y);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) == Double.isNaN(b) ? x.compareTo(y) : Double.isNaN(a) ? 1 : -1;
        }
        return a != b ? Double.compare(a, b) : x.compareTo(y);
    }

    private static double lower(String bin) {
        String s = bin.strip();
        if (s.length() > 2 && (s.charAt(0) == '(' || s.charAt(0) == '[') && s.indexOf(',') > 0) {
            try {
                return Double.parseDouble(s.substring(1, s.indexOf(',')).strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
