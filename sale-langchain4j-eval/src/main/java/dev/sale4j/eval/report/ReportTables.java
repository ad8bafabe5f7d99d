package dev.sale4j.eval.report;

import dev.sale4j.simulate.Measure;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.Measures.Group;
import dev.sale4j.simulate.ShapleyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's tables as Markdown and CSV: per domain (and for all tasks), one row per policy, a column pair
 * (pass@1, $/Mtok) per complexity bin, then the overall figures.
 */
final class ReportTables {

    static final String BINS_PROXY = "Bins are the task suite's documented proxy for human solution time, not "
            + "measured solution times.";

    private ReportTables() {}

    static String markdown(Measures m, boolean binsProxy) {
        StringBuilder out = new StringBuilder("# Router simulation\n\n");
        out.append(String.format(Locale.ROOT, "%d-fold cross-validation, seed %d. pass@1 in %%, 95%% bootstrap "
                + "interval in brackets; $/Mtok = USD over tokens x 1e6 (executions tried plus auction overhead).%n",
                m.result().folds(), m.result().seed()));
        if (binsProxy && !m.bins().isEmpty()) {
            out.append(BINS_PROXY).append('\n');
        }
        for (String domain : domainsWithAll(m)) {
            out.append("\n## ").append(domain == null ? "All tasks" : domain).append("\n\n");
            List<String> header = header(m);
            out.append("| ").append(String.join(" | ", header)).append(" |\n");
            out.append("|").append("---|".repeat(header.size())).append('\n');
            for (String policy : m.policies()) {
                List<String> row = row(m, policy, domain, true);
                if (row != null) {
                    out.append("| ").append(String.join(" | ", row)).append(" |\n");
                }
            }
        }
        ShapleyValues s = m.result().shapley();
        if (s != null) {
            out.append("\n## Shapley values (value: SALE's held-out pass@1, bidders and jurors restricted together)\n\n");
            out.append("| agent | Shapley value |\n|---|---|\n");
            s.values().forEach((agent, v) -> out.append(String.format(Locale.ROOT, "| %s | %.4f |%n", agent, v)));
            out.append(String.format(Locale.ROOT, "| full pool | %.4f |%n", s.fullPool()));
        }
        return out.toString();
    }

    static String csv(Measures m) {
        StringBuilder out = new StringBuilder("policy,domain,bin,tasks,solved,pass_at_1,ci_low,ci_high,cost_usd,"
                + "tokens,usd_per_mtok,overhead_share,largest_task_share,largest_token_share,largest_token_reduction,"
                + "matched,over_escalated,under_escalated,unsolvable\n");
        for (String policy : m.policies()) {
            for (Group g : m.groups()) {
                Measure x = m.get(policy, g);
                if (x == null) {
                    continue;
                }
                out.append(String.join(",", quote(policy), quote(g.domain() == null ? "all" : g.domain()),
                        quote(g.bin() == null ? "all" : g.bin()), Integer.toString(x.tasks()),
                        Integer.toString(x.solved()), num(x.passAt1()), num(x.ciLow()), num(x.ciHigh()),
                        num(x.costUsd()), Long.toString(x.tokens()), num(x.usdPerMtok()), num(x.overheadShare()),
                        num(x.largestTaskShare()), num(x.largestTokenShare()), num(x.largestTokenReduction()),
                        Integer.toString(x.matched()), Integer.toString(x.overEscalated()),
                        Integer.toString(x.underEscalated()), Integer.toString(x.unsolvable()))).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> domainsWithAll(Measures m) {
        List<String> d = new ArrayList<>();
        d.add(null);
        d.addAll(m.domains());
        return d;
    }

    private static List<String> header(Measures m) {
        List<String> h = new ArrayList<>(List.of("policy"));
        for (String bin : m.bins()) {
            h.add(bin + " pass@1");
            h.add(bin + " $/Mtok");
        }
        h.addAll(List.of("pass@1 [95% CI]", "$/Mtok", "cost USD", "largest: tasks", "largest: token cut",
                "overhead", "over / under"));
        return h;
    }

    private static List<String> row(Measures m, String policy, String domain, boolean markdown) {
        Measure all = m.get(policy, new Group(domain, null));
        if (all == null) {
            return null;
        }
        List<String> r = new ArrayList<>(List.of(policy));
        for (String bin : m.bins()) {
            Measure b = m.get(policy, new Group(domain, bin));
            r.add(b == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * b.passAt1()));
            r.add(b == null ? "-" : String.format(Locale.ROOT, "%.3f", b.usdPerMtok()));
        }
        r.add(String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * all.passAt1(), 100 * all.ciLow(),
                100 * all.ciHigh()));
        r.add(String.format(Locale.ROOT, "%.3f", all.usdPerMtok()));
        r.add(String.format(Locale.ROOT, "%.6f", all.costUsd()));
        r.add(String.format(Locale.ROOT, "%.1f%%", 100 * all.largestTaskShare()));
        r.add(all.largestTokenReduction() == null ? "-"
                : String.format(Locale.ROOT, "%.1f%%", 100 * all.largestTokenReduction()));
        r.add(all.overheadShare() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * all.overheadShare()));
        r.add(all.overEscalated() + " / " + all.underEscalated());
        return r;
    }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6g", d);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
