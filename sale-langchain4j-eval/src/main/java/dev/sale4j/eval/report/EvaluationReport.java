package dev.sale4j.eval.report;

import dev.sale4j.simulate.Measures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a simulation's report into a directory: {@code results.md}, {@code results.csv} and {@code results.json}
 * (one row per policy, a column pair per bin, as in the paper), and the charts {@code pareto}, {@code allocation},
 * {@code confusion} and {@code cheapest-share}, each as PNG and SVG. When the bins came from the task suite, every
 * table says they are a proxy.
 */
public final class EvaluationReport {

    private EvaluationReport() {}

    /**
     * Writes the report.
     *
     * @param measures  the simulation's measures
     * @param dir       the output directory (created if needed)
     * @param binsProxy whether the runs' bins are the suite's proxy for human solution time
     * @return the files written
     */
    public static List<Path> write(Measures measures, Path dir, boolean binsProxy) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            files.add(Files.writeString(dir.resolve("results.md"), ReportTables.markdown(measures, binsProxy),
                    StandardCharsets.UTF_8));
            files.add(Files.writeString(dir.resolve("results.csv"), ReportTables.csv(measures),
                    StandardCharsets.UTF_8));
            files.add(Files.writeString(dir.resolve("results.json"), ReportJson.json(measures, binsProxy),
                    StandardCharsets.UTF_8));
            files.addAll(ReportCharts.write(measures, focus(measures), dir));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + dir, e);
        }
    }

    /** The policy the allocation and confusion charts show: SALE if it ran, else the first policy. */
    static String focus(Measures m) {
        return m.policies().contains("sale") ? "sale" : m.policies().get(0);
    }
}
