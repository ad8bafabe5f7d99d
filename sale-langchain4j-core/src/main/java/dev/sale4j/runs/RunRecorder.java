package dev.sale4j.runs;

import dev.sale4j.auction.AuctionCompletedContext;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.auction.AuctionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends recorded runs to a JSONL file, one line per task, so a router or a benchmark harness can record the
 * workload it sees. Thread-safe: each run is written as one whole line. Create with {@link #to(Path)}.
 *
 * <p>As an {@link AuctionListener} it appends every finished auction but fallbacks, without execution outcomes.
 */
public final class RunRecorder implements AuctionListener {

    private final Path file;

    private RunRecorder(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("A RunRecorder needs the JSONL file to append to");
        }
        this.file = file;
    }

    public static RunRecorder to(Path file) {
        return new RunRecorder(file);
    }

    public Path file() {
        return file;
    }

    /** Appends the finished auction (not a fallback) as a run without execution outcomes. */
    @Override
    public void onAuctionCompleted(AuctionCompletedContext context) {
        if (!context.result().fallback()) {
            record(context.result(), null, null, Map.of());
        }
    }

    /** Appends one run. */
    public synchronized void append(RecordedRun run) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(file, RecordedRuns.toLine(run) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to recorded-runs file " + file, e);
        }
    }

    /**
     * Records one auction and the execution outcomes known for it (see {@link RecordedRun#from}).
     *
     * @return the run that was appended
     */
    public RecordedRun record(AuctionResult result, String domain, String bin, Map<String, ExecutionOutcome> outcomes) {
        RecordedRun run = RecordedRun.from(result, domain, bin, outcomes);
        append(run);
        return run;
    }
}
