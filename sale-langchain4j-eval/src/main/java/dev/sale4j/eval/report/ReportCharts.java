package dev.sale4j.eval.report;

import dev.sale4j.simulate.Measure;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.Measures.Group;
import dev.sale4j.simulate.PolicyResult;
import dev.sale4j.simulate.TaskOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report's charts, each as PNG and SVG (XChart, with VectorGraphics2D for SVG): pass@1 against $/Mtok for every
 * policy (the Pareto picture), the focus policy's allocation per bin, its oracle confusion matrix, and the cheapest
 * agent's share over the task stream.
 */
final class ReportCharts {

    static final int WINDOWS = 10;

    private ReportCharts() {}

    static List<Path> write(Measures m, String focus, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(save(pareto(m), dir.resolve("pareto")));
        files.addAll(save(allocation(m, focus), dir.resolve("allocation")));
        files.addAll(save(confusion(m, focus), dir.resolve("confusion")));
        files.addAll(save(cheapestShare(m, focus), dir.resolve("cheapest-share")));
        return files;
    }

    static XYChart pareto(Measures m) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title("pass@1 against $/Mtok")
                .xAxisTitle("$/Mtok (USD per million tokens)").yAxisTitle("pass@1 (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        for (String policy : m.policies()) {
            Measure x = m.overall(policy);
            if (x != null) {
                chart.addSeries(policy, new double[] {x.usdPerMtok()}, new double[] {100 * x.passAt1()});
            }
        }
        return chart;
    }

    static CategoryChart allocation(Measures m, String focus) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(600)
                .title("Allocation per bin: " + focus).xAxisTitle("bin").yAxisTitle("share of tasks (%)").build();
        chart.getStyler().setStacked(true);
        List<String> bins = m.bins().isEmpty() ? List.of("all") : m.bins();
        for (String agent : m.result().agents()) {
            List<Double> shares = new ArrayList<>();
            for (String bin : bins) {
                Measure x = m.get(focus, bin.equals("all") && m.bins().isEmpty() ? Group.ALL : new Group(null, bin));
                shares.add(x == null ? 0 : 100 * x.allocation().getOrDefault(agent, 0.0));
            }
            chart.addSeries(agent, bins, shares);
        }
        return chart;
    }

    static HeatMapChart confusion(Measures m, String focus) {
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600)
                .title("Oracle confusion: " + focus).xAxisTitle("chosen agent").yAxisTitle("oracle's agent").build();
        chart.getStyler().setShowValue(true);
        List<String> agents = m.result().agents();
        Map<String, Map<String, Integer>> c = m.confusion(focus);
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < agents.size(); x++) {
            for (int y = 0; y < agents.size(); y++) {
                cells.add(new Number[] {x, y, c.get(agents.get(y)).get(agents.get(x))});
            }
        }
        chart.addSeries("tasks", agents, agents, cells);
        return chart;
    }

    static XYChart cheapestShare(Measures m, String focus) {
        String cheapest = m.result().cheapest();
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Share of the cheapest agent (" + cheapest + ") over the task stream")
                .xAxisTitle("stream window (" + WINDOWS + " equal parts)").yAxisTitle("share of tasks (%)").build();
        for (PolicyResult p : m.result().policies()) {
            if (!p.name().equals(focus) && !p.recorded() && !p.name().equals("oracle")) {
                continue;
            }
            double[] share = windows(p.outcomes(), cheapest);
            double[] x = new double[share.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(p.name(), x, share);
        }
        return chart;
    }

    /** The cheapest agent's share in each tenth of the stream, positions pooled over the stream orders. */
    static double[] windows(List<TaskOutcome> outcomes, String cheapest) {
        TreeMap<Integer, int[]> byPosition = new TreeMap<>();
        outcomes.forEach(t -> {
            int[] c = byPosition.computeIfAbsent(t.position(), k -> new int[2]);
            c[0] += t.chosen().equals(cheapest) ? 1 : 0;
            c[1]++;
        });
        List<int[]> ordered = new ArrayList<>(byPosition.values());
        int w = Math.min(WINDOWS, ordered.size());
        double[] out = new double[w];
        for (int i = 0; i < w; i++) {
            int from = i * ordered.size() / w;
            int to = (i + 1) * ordered.size() / w;
            int hits = 0;
            int total = 0;
            for (int j = from; j < to; j++) {
                hits += ordered.get(j)[0];
                total += ordered.get(j)[1];
            }
            out[i] = total == 0 ? 0 : 100.0 * hits / total;
        }
        return out;
    }

    private static List<Path> save(Chart<?, ?> chart, Path base) throws IOException {
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return List.of(Path.of(base + ".png"), Path.of(base + ".svg"));
    }
}
