package dev.sale4j.eval.bench;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bar of a bench run (tasks done, ETA, USD spent), on a stream such as stderr; or nothing. */
final class BenchProgress implements AutoCloseable {

    private final ProgressBar bar;

    private BenchProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static BenchProgress to(PrintStream stream, String name, long total, long done) {
        if (stream == null) {
            return new BenchProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(stream))
                .setUpdateIntervalMillis(500).startsFrom(done, java.time.Duration.ZERO).build();
        return new BenchProgress(bar);
    }

    synchronized void step(double spentUsd) {
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, "$%.4f spent", spentUsd));
            bar.step();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
